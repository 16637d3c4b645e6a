using System.Globalization;
using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Reporting;
using Nats.Edge.Load.Wire;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Compare;

/// <summary>
/// The board's uplink under load: a nats-server hub, and as its leaf either nats-edge or nats-server,
/// alternating round by round. One publisher on the leaf, one subscriber on the hub, so every
/// message crosses the leafnode link; the leaf's CPU and memory are what is compared.
/// </summary>
internal static class LeafCompareCommand
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

        Console.WriteLine($"## leaf → hub: {MachineInfo.Today}, {MachineInfo.Describe()}, commit {MachineInfo.Commit}");
        Console.WriteLine();
        Console.WriteLine($"- hub: `{reference}` for every run; leaf: `{edge}` or `{reference}`, alternating, {rounds} rounds each");
        Console.WriteLine($"- {Units.Count(messages)} msgs of {Units.Size(size)}, 1 publisher on the leaf → 1 subscriber on the hub; median reported");
        Console.WriteLine();

        var results = new Dictionary<string, List<ServerRun>> { [edge.Label] = [], [reference.Label] = [] };
        for (int round = 1; round <= rounds; round++)
        {
            foreach (ServerCommand leaf in (ServerCommand[])[edge, reference])
            {
                ServerRun? run = Measure(reference, leaf, messages, size, timeout, out string? failure);
                string step = $"leaf→hub round {round}/{rounds} {leaf.Label} leaf";
                if (run is null)
                {
                    Console.Error.WriteLine($"{step}: FAILED {failure}");
                    return 1;
                }

                results[leaf.Label].Add(run);
                Console.Error.WriteLine($"{step}: {Units.Count(run.Rate)} msgs/s, {Units.Decimal(run.CpuPerMillion, 2)} leaf CPU s/M, leaf peak RSS {Units.Mebibytes(run.PeakRssKiB)}");
            }
        }

        var table = new TextTable("leaf", "msgs/s", "leaf CPU s per M msgs", "leaf peak RSS");
        foreach (ServerCommand leaf in (ServerCommand[])[edge, reference])
        {
            List<ServerRun> runs = results[leaf.Label];
            runs.Sort((a, b) => a.Rate.CompareTo(b.Rate));
            ServerRun median = runs[runs.Count / 2];
            table.Add(leaf.Label, Units.Count(median.Rate), Units.Decimal(median.CpuPerMillion, 2), Units.Mebibytes(median.PeakRssKiB));
        }

        Console.WriteLine(table);
        double ratio = Median(results[edge.Label]) / Median(results[reference.Label]);
        Console.WriteLine($"nats-edge leaf / nats-server leaf: {ratio.ToString("0.00", CultureInfo.InvariantCulture)}×");
        return 0;
    }

    private static double Median(List<ServerRun> runs) => runs[runs.Count / 2].Rate;

    private static ServerRun? Measure(ServerCommand hubCommand, ServerCommand leafCommand, long messages, int size, TimeSpan timeout, out string? failure)
    {
        string folder = Directory.CreateTempSubdirectory("nats-edge-load-leaf-").FullName;
        try
        {
            int leafPort = ServerProcess.FreePort();
            string hubConfig = Path.Combine(folder, "hub.json");
            string leafConfig = Path.Combine(folder, "leaf.json");
            File.WriteAllText(hubConfig, $$"""{ "leafnodes": { "listen": "127.0.0.1:{{leafPort}}" } }""");
            File.WriteAllText(leafConfig, $$"""{ "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}" } ] } }""");

            using ServerProcess? hub = ServerProcess.TryStart(WithConfig(hubCommand, hubConfig), StartTimeout, out string hubFailure);
            if (hub is null)
            {
                failure = "hub: " + hubFailure;
                return null;
            }

            using ServerProcess? leaf = ServerProcess.TryStart(WithConfig(leafCommand, leafConfig), StartTimeout, out string leafFailure);
            if (leaf is null)
            {
                failure = "leaf: " + leafFailure;
                return null;
            }

            var settings = new LoadSettings(Mode.PubSub, leaf.Endpoint, messages, size, 1, 1, timeout, hub.Endpoint);
            double cpuBefore = ProcFs.CpuSeconds(leaf.Pid);
            ThroughputResult result = ThroughputWorkload.Run(settings);
            if (!result.Complete)
            {
                failure = $"only {result.Delivered} of {result.Expected} deliveries arrived within {timeout.TotalSeconds} s";
                return null;
            }

            failure = null;
            return new ServerRun(result.HeadlineRate, result.Published, ProcFs.CpuSeconds(leaf.Pid) - cpuBefore, ProcFs.PeakRssKiB(leaf.Pid), null);
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
