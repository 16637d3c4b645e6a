using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Compare;
using Nats.Edge.Load.Reporting;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Outbox;

/// <summary>
/// Store and forward's two speed promises: what capturing costs local pub → sub traffic, and how fast
/// a backlog drains into the hub's stream next to one client publishing into it.
/// </summary>
internal static class OutboxCommand
{
    // 200k: a drain of a few seconds on 2 cores, long enough that the uplink's first round trips are noise.
    private const long DrainMessages = 200_000;

    // 3 drain rounds (and a warm-up round): each restarts the hub and fills a backlog, about 10 s on 2 cores.
    private const int DrainRounds = 3;

    public static int Run(Arguments arguments)
    {
        var edge = ServerCommand.FromPath("nats-edge", arguments.Text("edge", Defaults.Edge));
        var reference = ServerCommand.FromPath("nats-server", arguments.Text("ref", Defaults.Reference));
        string only = arguments.Text("only", "both");
        int rounds = (int)arguments.Number("rounds", Defaults.Rounds, 1, 99);
        long messages = arguments.Number("msgs", Defaults.Messages, 1, int.MaxValue);
        int drainRounds = (int)arguments.Number("drain-rounds", DrainRounds, 1, 99);
        long drainMessages = arguments.Number("drain-msgs", DrainMessages, 1, int.MaxValue);
        int size = (int)arguments.Number("size", Defaults.Size, 0, Defaults.MaxSize);
        List<ClientKind> clients = ClientNames.ParseList(arguments.Text("client", "raw"));
        BaselineMethod method = ParseMethod(arguments.Text("baseline", "tasks"));
        bool msgIds = arguments.Flag("baseline-msg-id");
        var timeout = TimeSpan.FromSeconds(arguments.Number("timeout", Defaults.TimeoutSeconds, 1, 3600));
        arguments.RejectUnread();
        bool capture = only is "both" or "capture";
        bool drain = only is "both" or "drain";
        if (!capture && !drain)
        {
            throw new ArgumentException($"--only must be capture, drain or both, got '{only}'");
        }

        Console.WriteLine($"## Store and forward: {MachineInfo.Today}, {MachineInfo.Describe()}, commit {MachineInfo.Commit}");
        Console.WriteLine();
        Console.WriteLine($"- board: `{edge}`; hub: `{reference}` ({CommandOutput.FirstLine(reference.FileName, "--version") ?? "version unknown"}) with JetStream");
        if (capture)
        {
            Console.WriteLine($"- capture: {Units.Count(messages)} msgs of {Units.Size(size)}, pubsub 1 → 1, {rounds} rounds alternating without/with outbox; clients: {string.Join(", ", clients.ConvertAll(ClientNames.Describe))}");
        }

        if (drain)
        {
            Console.WriteLine($"- drain: {Units.Count(drainMessages)} msgs of {Units.Size(size)}, {drainRounds} rounds");
        }

        Console.WriteLine();
        bool ok = (!capture || CaptureBenchmark.Run(edge, clients, rounds, messages, size, timeout))
            && (!drain || DrainBenchmark.Run(edge, reference, method, msgIds, drainRounds, drainMessages, size, timeout));
        return ok ? 0 : 1;
    }

    private static BaselineMethod ParseMethod(string text) => text.ToUpperInvariant() switch
    {
        "CONCURRENT" => BaselineMethod.Concurrent,
        "TASKS" => BaselineMethod.Tasks,
        _ => throw new ArgumentException($"unknown --baseline '{text}' (concurrent, tasks)"),
    };
}
