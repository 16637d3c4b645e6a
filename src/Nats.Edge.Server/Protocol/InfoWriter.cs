using System.Runtime.InteropServices;

namespace Nats.Edge.Server.Protocol;

/// <summary>The INFO line a client gets on connect. Once per connection, so it may allocate.</summary>
internal static class InfoWriter
{
    /// <summary>What INFO's "go" field names: the runtime the server runs on.</summary>
    public static readonly string Runtime = RuntimeInformation.FrameworkDescription;

    public static byte[] Write(ClientInfo info) => WireJson.Info(info, WireJsonContext.Default.ClientInfo);
}
