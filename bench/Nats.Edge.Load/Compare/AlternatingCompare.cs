using System.Globalization;
using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Reporting;
using Nats.Edge.Load.Wire;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Compare;

/// <summary>
/// The round-by-round frame the multi-server comparisons share: nats-edge and nats-server take
/// turns in the same setup, each round measured by the caller, medians and the ratio printed.
/// </summary>
internal static class AlternatingCompare
{
    // A placeholder: each round's workload gets its servers' own ports.
    private static readonly NatsEndpoint Anywhere = new("127.0.0.1", 0, null, null, null);

    /// <summary>One measured round: the contender in its place, the reference where the setup needs one.</summary>
    public delegate ServerRun? Measure(ServerCommand contender, ServerCommand reference, long messages, int size, TimeSpan timeout, out string? failure);

    /// <param name="heading">The report's first line, before the date and machine.</param>
    /// <param name="setup">What each round runs, a line for the report.</param>
    /// <param name="role">What the contender is in the setup ("leaf", "pair").</param>
    /// <param name="measured">What the CPU and RSS columns cover ("leaf", "both servers").</param>
    public static int Run(Arguments arguments, string heading, Func<ServerCommand, ServerCommand, int, string> setup, string role, string measured, Measure measure)
    {
        var edge = ServerCommand.FromPath("nats-edge", arguments.Text("edge", Defaults.Edge));
        var reference = ServerCommand.FromPath("nats-server", arguments.Text("ref", Defaults.Reference));
        int rounds = (int)arguments.Number("rounds", Defaults.Rounds, 1, 99);
        long messages = arguments.Number("msgs", Defaults.Messages, 1, int.MaxValue);
        int size = (int)arguments.Number("size", Defaults.Size, 0, Defaults.MaxSize);
        var timeout = TimeSpan.FromSeconds(arguments.Number("timeout", Defaults.TimeoutSeconds, 1, 3600));
        arguments.RejectUnread();

        Console.WriteLine($"## {heading}: {MachineInfo.Today}, {MachineInfo.Describe()}, commit {MachineInfo.Commit}");
        Console.WriteLine();
        Console.WriteLine($"- {setup(edge, reference, rounds)}");
        Console.WriteLine($"- {Units.Count(messages)} msgs of {Units.Size(size)}; median reported");
        Console.WriteLine();

        var results = new Dictionary<string, List<ServerRun>> { [edge.Label] = [], [reference.Label] = [] };
        for (int round = 1; round <= rounds; round++)
        {
            foreach (ServerCommand contender in (ServerCommand[])[edge, reference])
            {
                ServerRun? run = measure(contender, reference, messages, size, timeout, out string? failure);
                string step = $"{heading} round {round}/{rounds} {contender.Label} {role}";
                if (run is null)
                {
                    Console.Error.WriteLine($"{step}: FAILED {failure}");
                    return 1;
                }

                results[contender.Label].Add(run);
                Console.Error.WriteLine($"{step}: {Units.Count(run.Rate)} msgs/s, {Units.Decimal(run.CpuPerMillion, 2)} CPU s/M ({measured}), peak RSS {Units.Mebibytes(run.PeakRssKiB)}");
            }
        }

        var table = new TextTable(role, "msgs/s", $"CPU s per M msgs ({measured})", $"peak RSS ({measured})");
        foreach (ServerCommand contender in (ServerCommand[])[edge, reference])
        {
            ServerRun median = Median(results[contender.Label]);
            table.Add(contender.Label, Units.Count(median.Rate), Units.Decimal(median.CpuPerMillion, 2), Units.Mebibytes(median.PeakRssKiB));
        }

        Console.WriteLine(table);
        double ratio = Median(results[edge.Label]).Rate / Median(results[reference.Label]).Rate;
        Console.WriteLine($"nats-edge {role} / nats-server {role}: {ratio.ToString("0.00", CultureInfo.InvariantCulture)}×");
        return 0;
    }

    /// <summary>
    /// One round across two servers: <paramref name="subscriberSide"/> starts first on its config, then
    /// <paramref name="publisherSide"/>; one publisher on the second sends to one subscriber on the first.
    /// CPU and peak RSS are the publisher side's, or both servers' with <paramref name="countBoth"/>.
    /// </summary>
    public static ServerRun? RunAcross(
        (ServerCommand Command, string Name, string Config) subscriberSide,
        (ServerCommand Command, string Name, string Config) publisherSide,
        bool countBoth, long messages, int size, TimeSpan timeout, out string? failure) =>
        RunAcross(subscriberSide, publisherSide, countBoth, new LoadSettings(Mode.PubSub, Anywhere, messages, size, 1, 1, timeout), out failure);

    /// <summary>
    /// One round of <paramref name="workload"/> across two servers: <paramref name="subscriberSide"/>
    /// starts first on its config, then <paramref name="publisherSide"/>. Publishers and the requester
    /// connect to the second, subscribers and the responder to the first; the workload's endpoints
    /// are placeholders. CPU and peak RSS are the publisher side's, or both servers' with
    /// <paramref name="countBoth"/>.
    /// </summary>
    public static ServerRun? RunAcross(
        (ServerCommand Command, string Name, string Config) subscriberSide,
        (ServerCommand Command, string Name, string Config) publisherSide,
        bool countBoth, LoadSettings workload, out string? failure)
    {
        string folder = Directory.CreateTempSubdirectory("nats-edge-load-").FullName;
        try
        {
            using ServerProcess? subscriberServer = Start(subscriberSide, folder, out failure);
            if (subscriberServer is null)
            {
                return null;
            }

            using ServerProcess? publisherServer = Start(publisherSide, folder, out failure);
            if (publisherServer is null)
            {
                return null;
            }

            ServerProcess[] counted = countBoth ? [subscriberServer, publisherServer] : [publisherServer];
            LoadSettings settings = workload with { Endpoint = publisherServer.Endpoint, SubscriberEndpoint = subscriberServer.Endpoint };
            double cpuBefore = CpuSeconds(counted);
            ServerRun run = Contender.Workload(settings);
            double cpu = CpuSeconds(counted) - cpuBefore;
            long peakRss = 0;
            foreach (ServerProcess server in counted)
            {
                peakRss += ProcFs.PeakRssKiB(server.Pid);
            }

            return run with { CpuSeconds = cpu, PeakRssKiB = peakRss };
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

    /// <summary>Writes <paramref name="side"/>'s config into <paramref name="folder"/> and starts its server on it.</summary>
    public static ServerProcess? Start((ServerCommand Command, string Name, string Config) side, string folder, out string? failure)
    {
        string configFile = Path.Combine(folder, side.Name + ".json");
        File.WriteAllText(configFile, side.Config);
        var command = side.Command with { Arguments = [.. side.Command.Arguments, "-c", configFile] };
        ServerProcess? server = ServerProcess.TryStart(command, Defaults.StartTimeout, out string startFailure);
        failure = server is null ? $"{side.Name}: {startFailure}" : null;
        return server;
    }

    private static double CpuSeconds(ServerProcess[] servers)
    {
        double seconds = 0;
        foreach (ServerProcess server in servers)
        {
            seconds += ProcFs.CpuSeconds(server.Pid);
        }

        return seconds;
    }

    private static ServerRun Median(List<ServerRun> runs)
    {
        runs.Sort((a, b) => a.Rate.CompareTo(b.Rate));
        return runs[runs.Count / 2];
    }
}
