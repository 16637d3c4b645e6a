using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Routes;

namespace Nats.Edge.Fuzz.Targets;

/// <summary>
/// The JSON of CONNECT and INFO, as every kind of peer sends it: each reader returns null for what is
/// not an object with fields of the right types, and must not throw.
/// </summary>
internal sealed class WireJsonTarget : IFuzzTarget
{
    public string Name => "wire-json";

    public void Run(ReadOnlySpan<byte> input)
    {
        _ = ConnectOptions.Parse(input);
        _ = LeafConnect.Parse(input);
        _ = RouteConnect.Parse(input);
        _ = HubInfo.Parse(input);
        _ = RouteInfo.Parse(input);
    }
}
