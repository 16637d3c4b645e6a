using System.Diagnostics;
using NATS.Client.JetStream.Models;
using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Compare;
using Nats.Edge.Load.Reporting;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Outbox;

/// <summary>
/// How fast a board empties a backlog into the hub's stream, against one NATS.Net client publishing
/// into the same stream on the same hub. Each round: the hub (nats-server with JetStream) takes the
/// client's messages, is purged and killed; the board then fills its outbox with the hub down; the hub
/// restarts on its store and its leafnode port, and the drain is timed from the uplink being up (the
/// board's <c>/outboxz</c> says connected) until the stream holds every message.
/// </summary>
internal static class DrainBenchmark
{
    // The log fsyncs every second by default and the forwarder sends only synced records: once the
    // backlog is stored, one interval (and a margin) makes sure it is synced before the hub returns.
    private static readonly TimeSpan SyncInterval = TimeSpan.FromSeconds(1.2);

    /// <summary>Runs every round and prints the table; false when a round failed.</summary>
    public static bool Run(ServerCommand edge, ServerCommand hub, BaselineMethod method, bool msgIds, int rounds, long messages, int size, TimeSpan timeout)
    {
        var baseline = new List<double>();
        var drain = new List<double>();
        var cpu = new List<DrainRound>();
        // Round 0 is not counted: a process's first round ran 30–45 % slower on both sides, warm-up
        // of the client's JIT or not (with TieredCompilation=0 too), so it is run and set aside.
        for (int round = 0; round <= rounds; round++)
        {
            string step = round == 0 ? "drain warm-up round (not counted)" : $"drain round {round}/{rounds}";
            DrainRound? result = Measure(edge, hub, method, msgIds, messages, size, timeout, out string? failure);
            if (result is null)
            {
                Console.Error.WriteLine($"{step}: FAILED {failure}");
                return false;
            }

            if (round > 0)
            {
                baseline.Add(result.BaselineRate);
                drain.Add(result.DrainRate);
                cpu.Add(result);
            }

            Console.Error.WriteLine(
                $"{step}: NATS.Net into the stream {Units.Count(result.BaselineRate)} msgs/s (hub {Units.Decimal(result.BaselineHubCpu, 2)} CPU s), " +
                $"outbox drain {Units.Count(result.DrainRate)} msgs/s (hub {Units.Decimal(result.DrainHubCpu, 2)} CPU s, board {Units.Decimal(result.DrainBoardCpu, 2)} CPU s)");
        }

        var table = new TextTable("into the stream", "msgs/s (median)", "spread", "rounds", "hub CPU s/M", "board CPU s/M", "stream B/msg");
        table.Add(
            $"NATS.Net, {Describe(method)}{(msgIds ? ", each with a Nats-Msg-Id" : string.Empty)}", Units.Count(Median.Of(baseline)), Spread(baseline), string.Join(" / ", baseline.ConvertAll(Units.Count)),
            PerMillion(cpu.ConvertAll(r => r.BaselineHubCpu), messages), "n/a", Units.Decimal((double)cpu[0].BaselineStreamBytes / messages, 1));
        table.Add(
            "nats-edge outbox drain", Units.Count(Median.Of(drain)), Spread(drain), string.Join(" / ", drain.ConvertAll(Units.Count)),
            PerMillion(cpu.ConvertAll(r => r.DrainHubCpu), messages), PerMillion(cpu.ConvertAll(r => r.DrainBoardCpu), messages), Units.Decimal((double)cpu[0].DrainStreamBytes / messages, 1));
        Console.WriteLine($"### Drain: a backlog of {Units.Count(messages)} msgs of {Units.Size(size)} into stream {OutboxConfigs.Stream} on `{hub}`");
        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"drain / NATS.Net: {Units.Decimal(Median.Of(drain) / Median.Of(baseline), 2)}× (medians of {rounds} rounds; per round: {Ratios(baseline, drain)})");
        Console.WriteLine("The drain is timed from /outboxz \"connected\": true until the stream holds every message (counted every 20 ms),");
        Console.WriteLine("so it includes the board's resync with the stream; the backlog was synced (sync \"1s\") before the hub came back.");
        Console.WriteLine(msgIds
            ? "Both sides' publishes carry a Nats-Msg-Id (the stream checks each); the outbox's carry a Nats-Edge-Outbox header too."
            : "The outbox's publishes carry Nats-Msg-Id and Nats-Edge-Outbox headers (the stream checks each id); the client's carry none.");
        Console.WriteLine("CPU s/M: CPU seconds per million messages, median; the client itself and this tool's polling are not counted.");
        Console.WriteLine("stream B/msg: the stream's bytes / messages as the hub reports them, subject and headers included.");
        Console.WriteLine();
        return true;
    }

    private static DrainRound? Measure(ServerCommand edge, ServerCommand hub, BaselineMethod method, bool msgIds, long messages, int size, TimeSpan timeout, out string? failure)
    {
        string folder = Directory.CreateTempSubdirectory("nats-edge-load-drain-").FullName;
        failure = null;
        try
        {
            return MeasureAsync(edge, hub, method, msgIds, messages, size, timeout, folder).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or HttpRequestException or NATS.Client.Core.NatsException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException)
        {
            failure = e.Message;
            return null;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<DrainRound> MeasureAsync(ServerCommand edge, ServerCommand hubCommand, BaselineMethod method, bool msgIds, long messages, int size, TimeSpan timeout, string folder)
    {
        int leafPort = ServerProcess.FreePort();
        var hubSide = (hubCommand, "hub", OutboxConfigs.Hub(leafPort, Path.Combine(folder, "hub")));

        double baseline;
        double baselineHubCpu;
        long baselineBytes;
        using (ServerProcess hub = Start(hubSide, folder))
        {
            await using JetStreamHub client = await JetStreamHub.ConnectAsync(hub.Endpoint, "nats-edge-load baseline", timeout).ConfigureAwait(false);
            await client.CreateStreamAsync().ConfigureAwait(false);

            double cpuBefore = ProcFs.CpuSeconds(hub.Pid);
            baseline = await JetStreamPublisher.RunAsync(client.JetStream, method, msgIds, OutboxConfigs.DrainSubject, messages, size).ConfigureAwait(false);
            baselineHubCpu = ProcFs.CpuSeconds(hub.Pid) - cpuBefore;
            baselineBytes = await ExpectCountAsync(client, messages).ConfigureAwait(false);
            await client.PurgeAsync().ConfigureAwait(false);
        }

        int monitorPort = ServerProcess.FreePort();
        using ServerProcess board = Start((edge, "board", OutboxConfigs.Board(leafPort, monitorPort, OutboxConfigs.BoardSubjects, Path.Combine(folder, "outbox"))), folder);
        using var monitor = new OutboxMonitor(monitorPort);
        await BacklogPublisher.RunAsync(board.Endpoint, OutboxConfigs.DrainSubject, messages, size, timeout).ConfigureAwait(false);
        OutboxState stored = monitor.Await(s => s.StoredSeq >= messages || s.Refused + s.DiscardedOld > 0, "the backlog stored", timeout).State;
        if (stored.LastSeq != messages || stored.Refused + stored.DiscardedOld > 0)
        {
            throw new IOException($"the board did not keep the backlog: {stored}");
        }

        Thread.Sleep(SyncInterval);

        // Watched from before the hub starts: the board may be linked before the hub's readiness probe passes.
        using var stop = new CancellationTokenSource();
        Task<(OutboxState State, long SeenAt)> linked = Task.Run(() => monitor.Await(s => s.Connected, "uplink connected", timeout, stop.Token));
        try
        {
            using ServerProcess hub = Start(hubSide, folder);
            await using JetStreamHub client = await JetStreamHub.ConnectAsync(hub.Endpoint, "nats-edge-load drain", timeout).ConfigureAwait(false);
            long linkedAt = (await linked.ConfigureAwait(false)).SeenAt;
            double hubBefore = ProcFs.CpuSeconds(hub.Pid);
            double boardBefore = ProcFs.CpuSeconds(board.Pid);
            long doneAt = await client.AwaitCountAsync(messages, timeout).ConfigureAwait(false);
            double hubCpu = ProcFs.CpuSeconds(hub.Pid) - hubBefore;
            double boardCpu = ProcFs.CpuSeconds(board.Pid) - boardBefore;
            long drainBytes = await ExpectCountAsync(client, messages).ConfigureAwait(false);
            return new DrainRound(baseline, messages / Stopwatch.GetElapsedTime(linkedAt, doneAt).TotalSeconds, baselineHubCpu, hubCpu, boardCpu, baselineBytes, drainBytes);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private static ServerProcess Start((ServerCommand Command, string Name, string Config) side, string folder) =>
        AlternatingCompare.Start(side, folder, out string? failure) ?? throw new IOException(failure);

    // Exactly the messages sent: fewer is a loss, more a duplicate (or a purge the hub's restart undid).
    // Returns the stream's bytes.
    private static async Task<long> ExpectCountAsync(JetStreamHub client, long messages)
    {
        StreamState state = await client.StateAsync().ConfigureAwait(false);
        if (state.Messages != messages)
        {
            throw new IOException($"stream {OutboxConfigs.Stream} holds {state.Messages} messages, expected {messages}");
        }

        return state.Bytes;
    }

    private static string Describe(BaselineMethod method) => method == BaselineMethod.Concurrent
        ? $"PublishConcurrentAsync, {JetStreamPublisher.Window} acks in flight"
        : $"PublishAsync tasks, {JetStreamPublisher.Window} in flight";

    private static string PerMillion(List<double> seconds, long messages) => Units.Decimal(Median.Of(seconds) / (messages / 1_000_000.0), 2);

    private static string Spread(List<double> values) => Units.Decimal(Median.Spread(values) * 100, 0) + " %";

    private static string Ratios(List<double> baseline, List<double> drain)
    {
        var ratios = new List<string>(baseline.Count);
        for (int i = 0; i < baseline.Count; i++)
        {
            ratios.Add(Units.Decimal(drain[i] / baseline[i], 2));
        }

        return string.Join(" / ", ratios);
    }
}
