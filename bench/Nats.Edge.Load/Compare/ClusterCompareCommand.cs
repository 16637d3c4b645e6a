using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Compare;

/// <summary>
/// Two servers in one cluster, a nats-edge pair or a nats-server pair, alternating round by round:
/// one publisher on the first, one subscriber on the second, so every message crosses the route.
/// Both servers' CPU and memory count.
/// </summary>
internal static class ClusterCompareCommand
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    public static int Run(Arguments arguments) => AlternatingCompare.Run(
        arguments,
        "across a route",
        (edge, reference, rounds) => $"a pair of `{edge}` or of `{reference}` in one cluster, alternating, {rounds} rounds each; 1 publisher on one server → 1 subscriber on the other",
        "pair",
        "both servers",
        Measure);

    // Both servers of a pair are the contender; the reference has no place in this setup.
    private static ServerRun? Measure(ServerCommand command, ServerCommand _, long messages, int size, TimeSpan timeout, out string? failure)
    {
        string folder = Directory.CreateTempSubdirectory("nats-edge-load-route-").FullName;
        try
        {
            int routePort = ServerProcess.FreePort();
            string seedConfig = Path.Combine(folder, "seed.json");
            string joinerConfig = Path.Combine(folder, "joiner.json");
            File.WriteAllText(seedConfig, $$"""{ "cluster": { "name": "load", "listen": "127.0.0.1:{{routePort}}" } }""");
            File.WriteAllText(joinerConfig, $$"""
                { "cluster": { "name": "load", "listen": "127.0.0.1:-1", "routes": ["nats-route://127.0.0.1:{{routePort}}"] } }
                """);

            using ServerProcess? seed = ServerProcess.TryStart(WithConfig(command, seedConfig), StartTimeout, out string seedFailure);
            if (seed is null)
            {
                failure = "seed: " + seedFailure;
                return null;
            }

            using ServerProcess? joiner = ServerProcess.TryStart(WithConfig(command, joinerConfig), StartTimeout, out string joinerFailure);
            if (joiner is null)
            {
                failure = "joiner: " + joinerFailure;
                return null;
            }

            var settings = new LoadSettings(Mode.PubSub, joiner.Endpoint, messages, size, 1, 1, timeout, seed.Endpoint);
            double cpuBefore = ProcFs.CpuSeconds(seed.Pid) + ProcFs.CpuSeconds(joiner.Pid);
            ThroughputResult result = ThroughputWorkload.Run(settings);
            if (!result.Complete)
            {
                failure = $"only {result.Delivered} of {result.Expected} deliveries arrived within {timeout.TotalSeconds} s";
                return null;
            }

            failure = null;
            double cpu = ProcFs.CpuSeconds(seed.Pid) + ProcFs.CpuSeconds(joiner.Pid) - cpuBefore;
            return new ServerRun(result.HeadlineRate, result.Published, cpu, ProcFs.PeakRssKiB(seed.Pid) + ProcFs.PeakRssKiB(joiner.Pid), null);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException)
        {
            failure = e.Message;
            return null;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServerCommand WithConfig(ServerCommand command, string configFile) =>
        command with { Arguments = [.. command.Arguments, "-c", configFile] };
}
