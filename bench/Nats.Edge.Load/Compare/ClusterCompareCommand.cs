using System.Globalization;
using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Reporting;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Compare;

/// <summary>
/// Two servers in one cluster, a nats-edge pair or a nats-server pair, alternating round by round:
/// one publisher on the first, one subscriber on the second, so every message crosses the route.
/// Both servers' CPU and memory count.
/// </summary>
internal static class ClusterCompareCommand
{
    private const string DefaultEdge = "artifacts/linux-x64/nats-edge";
    private const string DefaultReference = "/usr/sbin/nats-server";
    private const int DefaultRounds = 5;
    private const int DefaultSize = 16;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    public static int Run(Arguments arguments)
    {
        var edge = ServerCommand.FromPath("nats-edge", arguments.Text("edge", DefaultEdge));
        var reference = ServerCommand.FromPath("nats-server", arguments.Text("ref", DefaultReference));
        int rounds = (int)arguments.Number("rounds", DefaultRounds, 1, 99);
        long messages = arguments.Number("msgs", Defaults.Messages, 1, int.MaxValue);
        int size = (int)arguments.Number("size", DefaultSize, 0, Defaults.MaxSize);
        var timeout = TimeSpan.FromSeconds(arguments.Number("timeout", Defaults.TimeoutSeconds, 1, 3600));
        arguments.RejectUnread();

        Console.WriteLine($"## across a route: {MachineInfo.Today}, {MachineInfo.Describe()}, commit {MachineInfo.Commit}");
        Console.WriteLine();
        Console.WriteLine($"- a pair of `{edge}` or of `{reference}` in one cluster, alternating, {rounds} rounds each");
        Console.WriteLine($"- {Units.Count(messages)} msgs of {Units.Size(size)}, 1 publisher on one server → 1 subscriber on the other; median reported");
        Console.WriteLine();

        var results = new Dictionary<string, List<ServerRun>> { [edge.Label] = [], [reference.Label] = [] };
        for (int round = 1; round <= rounds; round++)
        {
            foreach (ServerCommand pair in (ServerCommand[])[edge, reference])
            {
                ServerRun? run = Measure(pair, messages, size, timeout, out string? failure);
                string step = $"route round {round}/{rounds} {pair.Label} pair";
                if (run is null)
                {
                    Console.Error.WriteLine($"{step}: FAILED {failure}");
                    return 1;
                }

                results[pair.Label].Add(run);
                Console.Error.WriteLine($"{step}: {Units.Count(run.Rate)} msgs/s, {Units.Decimal(run.CpuPerMillion, 2)} CPU s/M, peak RSS {Units.Mebibytes(run.PeakRssKiB)}");
            }
        }

        var table = new TextTable("pair", "msgs/s", "CPU s per M msgs (both)", "peak RSS (both)");
        foreach (ServerCommand pair in (ServerCommand[])[edge, reference])
        {
            List<ServerRun> runs = results[pair.Label];
            runs.Sort((a, b) => a.Rate.CompareTo(b.Rate));
            ServerRun median = runs[runs.Count / 2];
            table.Add(pair.Label, Units.Count(median.Rate), Units.Decimal(median.CpuPerMillion, 2), Units.Mebibytes(median.PeakRssKiB));
        }

        Console.WriteLine(table);
        double ratio = results[edge.Label][rounds / 2].Rate / results[reference.Label][rounds / 2].Rate;
        Console.WriteLine($"nats-edge pair / nats-server pair: {ratio.ToString("0.00", CultureInfo.InvariantCulture)}×");
        return 0;
    }

    private static ServerRun? Measure(ServerCommand command, long messages, int size, TimeSpan timeout, out string? failure)
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
