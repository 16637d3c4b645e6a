using Nats.Edge.Fuzz.Targets;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Fuzz;

/// <summary>Every target, by the name the command line and the corpus folders use.</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        new ProtocolReaderTarget("client-reader", ProtocolDialect.Client),
        new ProtocolReaderTarget("leaf-reader", ProtocolDialect.Leaf),
        new ProtocolReaderTarget("route-reader", ProtocolDialect.Route),
        new WireJsonTarget(),
        new SubjectTarget(),
        new ConfigFileTarget("conf-file", "server.conf"),
        new ConfigFileTarget("json-file", "server.json"),
        new S2Target(),
        new WebSocketTarget(),
        new OutboxLogTarget(),
    ];

    public static IFuzzTarget? Find(string name)
    {
        foreach (var target in All)
        {
            if (target.Name == name)
            {
                return target;
            }
        }

        return null;
    }
}
