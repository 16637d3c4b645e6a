using Nats.Edge.Load.Cli;

namespace Nats.Edge.Load.Compare;

/// <summary>
/// The board's uplink under load: a nats-server hub, and as its leaf either nats-edge or nats-server,
/// alternating round by round. One publisher on the leaf, one subscriber on the hub, so every
/// message crosses the leafnode link; the leaf's CPU and memory are what is compared.
/// </summary>
internal static class LeafCompareCommand
{
    public static int Run(Arguments arguments) => AlternatingCompare.Run(
        arguments,
        "leaf → hub",
        (edge, reference, rounds) => $"hub: `{reference}` for every run; leaf: `{edge}` or `{reference}`, alternating, {rounds} rounds each; 1 publisher on the leaf → 1 subscriber on the hub",
        "leaf",
        "leaf",
        Measure);

    // The hub is nats-server every round; only the leaf, where the publisher is, is measured.
    private static ServerRun? Measure(ServerCommand leaf, ServerCommand hub, long messages, int size, TimeSpan timeout, out string? failure)
    {
        int leafPort = ServerProcess.FreePort();
        return AlternatingCompare.RunAcross(
            (hub, "hub", $$"""{ "leafnodes": { "listen": "127.0.0.1:{{leafPort}}" } }"""),
            (leaf, "leaf", $$"""{ "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}" } ] } }"""),
            countBoth: false, messages, size, timeout, out failure);
    }
}
