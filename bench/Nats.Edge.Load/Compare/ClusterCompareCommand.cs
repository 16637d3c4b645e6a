using Nats.Edge.Load.Cli;

namespace Nats.Edge.Load.Compare;

/// <summary>
/// Two servers in one cluster, a nats-edge pair or a nats-server pair, alternating round by round:
/// one publisher on the first, one subscriber on the second, so every message crosses the route.
/// Both servers' CPU and memory count.
/// </summary>
internal static class ClusterCompareCommand
{
    public static int Run(Arguments arguments) => AlternatingCompare.Run(
        arguments,
        "across a route",
        (edge, reference, rounds) => $"a pair of `{edge}` or of `{reference}` in one cluster, alternating, {rounds} rounds each; 1 publisher on one server → 1 subscriber on the other",
        "pair",
        "both servers",
        Measure);

    // Both servers of a pair are the contender; the reference has no place in this setup.
    private static ServerRun? Measure(ServerCommand pair, ServerCommand _, long messages, int size, TimeSpan timeout, out string? failure)
    {
        int routePort = ServerProcess.FreePort();
        return AlternatingCompare.RunAcross(
            (pair, "seed", $$"""{ "cluster": { "name": "load", "listen": "127.0.0.1:{{routePort}}" } }"""),
            (pair, "joiner", $$"""{ "cluster": { "name": "load", "listen": "127.0.0.1:-1", "routes": ["nats-route://127.0.0.1:{{routePort}}"] } }"""),
            countBoth: true, messages, size, timeout, out failure);
    }
}
