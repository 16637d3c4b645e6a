using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Reporting;
using Nats.Edge.Load.Wire;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Compare;

/// <summary>
/// Two single-server clusters, A and B, joined by a gateway that each side dials: a nats-edge pair or
/// a nats-server pair, alternating round by round. Publishers and the requester are on A, the
/// subscriber and the responder on B, so every message crosses the gateway (and every reply crosses
/// back). Both servers' CPU and memory count.
/// </summary>
internal static class GatewayCompareCommand
{
    public static int Run(Arguments arguments)
    {
        var edge = ServerCommand.FromPath("nats-edge", arguments.Text("edge", Defaults.Edge));
        var reference = ServerCommand.FromPath("nats-server", arguments.Text("ref", Defaults.Reference));
        int rounds = (int)arguments.Number("rounds", Defaults.Rounds, 1, 99);
        bool best = arguments.Flag("best");
        long messages = arguments.Number("msgs", Defaults.Messages, 1, int.MaxValue);
        int size = (int)arguments.Number("size", Defaults.Size, 0, Defaults.MaxSize);
        long requests = arguments.Number("requests", Defaults.GatewayRequests, 1, int.MaxValue);
        var timeout = TimeSpan.FromSeconds(arguments.Number("timeout", Defaults.TimeoutSeconds, 1, 3600));
        string only = arguments.Text("workloads", "pubsub,reqrep");
        List<ClientKind> clients = ClientNames.ParseList(arguments.Text("client", "raw"));
        arguments.RejectUnread();

        List<WorkloadResults> plan = Plan(only, messages, size, requests, timeout, clients);
        Console.WriteLine($"## across a gateway: {MachineInfo.Today}, {MachineInfo.Describe()}, commit {MachineInfo.Commit}");
        Console.WriteLine();
        Console.WriteLine($"- clusters A and B of one server each, joined by a gateway both dial: a pair of `{edge}` or of `{reference}` ({CommandOutput.FirstLine(reference.FileName, "--version") ?? "version unknown"})");
        Console.WriteLine($"- publisher and requester on A, subscriber and responder on B; a fresh pair per run, measured once a probe published on A reaches B");
        Console.WriteLine($"- clients: {string.Join(", ", clients.ConvertAll(ClientNames.Describe))}");
        Console.WriteLine($"- {(best ? "best" : "median")} of {rounds} rounds per pair, alternating; {Units.Count(messages)} msgs of {Units.Size(size)}; reqrep {Units.Count(requests)} requests");
        Console.WriteLine("- CPU s/M and peak RSS are the pair's: A's and B's summed");
        Console.WriteLine();

        foreach (WorkloadResults workload in plan)
        {
            for (int round = 1; round <= rounds; round++)
            {
                RunRound(workload, edge, workload.Edge, round, rounds);
                RunRound(workload, reference, workload.Reference, round, rounds);
            }
        }

        Console.WriteLine(CompareReport.Workloads(plan, best));
        return CompareReport.Failures(plan) ? 1 : 0;
    }

    // pubsub and reqrep: the two workloads with one connection on each side of the gateway.
    private static List<WorkloadResults> Plan(string only, long messages, int size, long requests, TimeSpan timeout, List<ClientKind> clients)
    {
        // The endpoints are placeholders: each run gets its pair's own ports.
        var anywhere = new NatsEndpoint("127.0.0.1", 0, null, null, null);
        var plan = new List<WorkloadResults>();
        foreach (string name in only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Mode mode = ModeNames.Parse(name);
            LoadSettings settings = mode switch
            {
                Mode.PubSub => new LoadSettings(Mode.PubSub, anywhere, messages, size, 1, 1, timeout),
                Mode.ReqRep => new LoadSettings(Mode.ReqRep, anywhere, requests, size, 1, 1, timeout),
                _ => throw new ArgumentException($"gateway-compare runs pubsub and reqrep, not '{name}'"),
            };
            foreach (ClientKind client in clients)
            {
                plan.Add(new WorkloadResults($"{ModeNames.Name(mode)} A→B", settings with { Client = client }));
            }
        }

        return plan.Count > 0 ? plan : throw new ArgumentException("--workloads needs at least one of pubsub, reqrep");
    }

    private static void RunRound(WorkloadResults workload, ServerCommand pair, List<ServerRun> runs, int round, int rounds)
    {
        string step = $"{workload.Label} round {round}/{rounds} {pair.Label} pair";
        ServerRun? run = Measure(pair, workload.Settings, out string? failure);
        if (run is null)
        {
            workload.Failures.Add($"{pair.Label}: {failure}");
            Console.Error.WriteLine($"{step}: FAILED {failure}");
            return;
        }

        runs.Add(run);
        Console.Error.WriteLine($"{step}: {Units.Count(run.Rate)} msgs/s, {Units.Decimal(run.CpuPerMillion, 2)} CPU s/M (both servers), peak RSS {Units.Mebibytes(run.PeakRssKiB)}");
    }

    // B, the subscriber side, starts first; A's gateway then finds B listening, and B's dial to A is
    // retried until A is up. The workload's probe waits for A's own connection to B.
    private static ServerRun? Measure(ServerCommand pair, LoadSettings workload, out string? failure)
    {
        int portA = ServerProcess.FreePort();
        int portB = ServerProcess.FreePort();
        return AlternatingCompare.RunAcross(
            (pair, "B", Config("B", portB, "A", portA)),
            (pair, "A", Config("A", portA, "B", portB)),
            countBoth: true, workload, out failure);
    }

    private static string Config(string name, int port, string peer, int peerPort) => $$"""
        { "gateway": { "name": "{{name}}", "host": "127.0.0.1", "port": {{port}},
          "gateways": [ { "name": "{{peer}}", "url": "nats://127.0.0.1:{{peerPort}}" } ] } }
        """;
}
