using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Reporting;
using Nats.Edge.Load.Wire;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Compare;

/// <summary>
/// nats-edge against nats-server on the same machine in one run: each workload alternates the two
/// servers round by round (edge, ref, edge, ref…), so drift in machine load hits both alike.
/// </summary>
internal static class CompareCommand
{
    // 256 MiB of payload per --sizes run: 64 KiB messages then still number 4096, and the run stays
    // under a second on a desktop and a few seconds on a Pi.
    private const long BytesPerSizeRun = 256L * 1024 * 1024;

    // 16 B sensor readings up to 64 KiB blobs (camera frames, firmware chunks).
    private static readonly int[] Sizes = [16, 128, 1024, 4 * 1024, 16 * 1024, 64 * 1024];

    public static int Run(Arguments arguments)
    {
        if (arguments.Has("edge") && arguments.Has("edge-cmd"))
        {
            throw new ArgumentException("give either --edge or --edge-cmd, not both");
        }

        string? edgeCommandLine = arguments.OptionalText("edge-cmd");
        var edge = new Contender(edgeCommandLine is null
            ? ServerCommand.FromPath("nats-edge", arguments.Text("edge", Defaults.Edge))
            : ServerCommand.FromCommandLine("nats-edge", edgeCommandLine));
        var reference = new Contender(ServerCommand.FromPath("nats-server", arguments.Text("ref", Defaults.Reference)));
        int rounds = (int)arguments.Number("rounds", Defaults.Rounds, 1, 99);
        bool sizes = arguments.Flag("sizes");
        bool best = arguments.Flag("best");
        long messages = arguments.Number("msgs", Defaults.Messages, 1, int.MaxValue);
        int size = (int)arguments.Number("size", Defaults.Size, 0, Defaults.MaxSize);
        int subscribers = (int)arguments.Number("subs", LoadSettings.DefaultSubscribers(Mode.Fanout), 1, 1024);
        long requests = arguments.Number("requests", Defaults.Requests, 1, int.MaxValue);
        var timeout = TimeSpan.FromSeconds(arguments.Number("timeout", Defaults.TimeoutSeconds, 1, 3600));
        string? only = arguments.OptionalText("workloads");
        List<ClientKind> clients = ClientNames.ParseList(arguments.Text("client", "raw"));
        arguments.RejectUnread();

        // The endpoint is a placeholder: each run gets its server's own port.
        var anywhere = new NatsEndpoint("127.0.0.1", 0, null, null, null);
        List<WorkloadResults> plan = WithClients(
            sizes ? SizePlan(anywhere, messages, timeout) : WorkloadPlan(anywhere, messages, size, subscribers, requests, timeout),
            clients);
        if (only is not null)
        {
            var wanted = new HashSet<Mode>();
            foreach (string name in only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                wanted.Add(ModeNames.Parse(name));
            }

            plan.RemoveAll(w => !wanted.Contains(w.Settings.Mode));
        }

        Console.WriteLine($"## nats-edge vs nats-server: {MachineInfo.Today}, {MachineInfo.Describe()}, commit {MachineInfo.Commit}");
        Console.WriteLine();
        Console.WriteLine($"- nats-edge: `{edge.Command}`");
        Console.WriteLine($"- nats-server: `{reference.Command}` ({CommandOutput.FirstLine(reference.Command.FileName, "--version") ?? "version unknown"})");
        Console.WriteLine($"- clients: {string.Join(", ", clients.ConvertAll(ClientNames.Describe))}");
        Console.WriteLine($"- {(best ? "best" : "median")} of {rounds} rounds per server, alternating, each on a freshly started server");
        Console.WriteLine(sizes
            ? $"- pubsub, 1 pub → 1 sub, up to {Units.Count(messages)} msgs and {Units.Count(BytesPerSizeRun / (1024 * 1024))} MiB of payload per run"
            : $"- {Units.Count(messages)} msgs of {Units.Size(size)}; fanout and queue with {subscribers} subs; reqrep {Units.Count(requests)} requests");
        Console.WriteLine();

        foreach (WorkloadResults workload in plan)
        {
            for (int round = 1; round <= rounds; round++)
            {
                RunRound(workload, edge, workload.Edge, round, rounds);
                RunRound(workload, reference, workload.Reference, round, rounds);
            }
        }

        Console.WriteLine(sizes ? CompareReport.Sizes(plan, best) : CompareReport.Workloads(plan, best));
        return CompareReport.Failures(plan) ? 1 : 0;
    }

    private static List<WorkloadResults> WorkloadPlan(
        NatsEndpoint endpoint, long messages, int size, int subscribers, long requests, TimeSpan timeout) =>
    [
        new("pub", new LoadSettings(Mode.Pub, endpoint, messages, size, 1, 0, timeout)),
        new("pubsub", new LoadSettings(Mode.PubSub, endpoint, messages, size, 1, 1, timeout)),
        new($"fanout 1:{subscribers}", new LoadSettings(Mode.Fanout, endpoint, messages, size, 1, subscribers, timeout)),
        new($"queue 1:{subscribers}", new LoadSettings(Mode.Queue, endpoint, messages, size, 1, subscribers, timeout)),
        new("reqrep", new LoadSettings(Mode.ReqRep, endpoint, requests, size, 1, 1, timeout)),
    ];

    private static List<WorkloadResults> SizePlan(NatsEndpoint endpoint, long messages, TimeSpan timeout)
    {
        var plan = new List<WorkloadResults>(Sizes.Length);
        foreach (int size in Sizes)
        {
            long count = Math.Min(messages, BytesPerSizeRun / size);
            plan.Add(new WorkloadResults(Units.Size(size), new LoadSettings(Mode.PubSub, endpoint, count, size, 1, 1, timeout)));
        }

        return plan;
    }

    // Each workload once per client, the clients' rows next to each other so the table reads across.
    private static List<WorkloadResults> WithClients(List<WorkloadResults> plan, List<ClientKind> clients)
    {
        var withClients = new List<WorkloadResults>(plan.Count * clients.Count);
        foreach (WorkloadResults workload in plan)
        {
            foreach (ClientKind client in clients)
            {
                withClients.Add(new WorkloadResults(workload.Name, workload.Settings with { Client = client }));
            }
        }

        return withClients;
    }

    private static void RunRound(WorkloadResults workload, Contender server, List<ServerRun> runs, int round, int rounds)
    {
        if (server.Broken is not null)
        {
            return;
        }

        string step = $"{workload.Label} round {round}/{rounds} {server.Label}";
        ServerRun? run = server.Measure(workload.Settings, out string? failure);
        if (run is null)
        {
            workload.Failures.Add($"{server.Label}: {failure}");
            Console.Error.WriteLine($"{step}: FAILED {failure}");
            return;
        }

        runs.Add(run);
        Console.Error.WriteLine($"{step}: {Units.Count(run.Rate)} msgs/s, {Units.Decimal(run.CpuPerMillion, 2)} CPU s/M, peak RSS {Units.Mebibytes(run.PeakRssKiB)}");
    }
}
