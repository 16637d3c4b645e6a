using Nats.Edge.Load.Compare;
using Nats.Edge.Load.Reporting;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Outbox;

/// <summary>
/// What capturing costs local traffic: pub → sub on one nats-edge whose leafnode remote's hub is
/// unreachable (an outage), with and without an outbox on the workload's subject, alternating round by
/// round. With the outbox every message is also appended to the log and kept.
/// </summary>
internal static class CaptureBenchmark
{
    // The throughput workloads publish on bench.<unique>.
    private const string CapturedSubjects = "bench.>";

    /// <summary>Runs every round for each client and prints the table; false when a round failed.</summary>
    public static bool Run(ServerCommand edge, List<ClientKind> clients, int rounds, long messages, int size, TimeSpan timeout)
    {
        var table = new TextTable(
            "client", "without outbox msgs/s", "with outbox msgs/s", "with/without", "spread without", "spread with",
            "CPU s/M without", "CPU s/M with", "peak RSS without", "peak RSS with", "disk B/record", "refused");
        foreach (ClientKind client in clients)
        {
            var settings = new LoadSettings(Mode.PubSub, new Wire.NatsEndpoint("127.0.0.1", 0, null, null, null), messages, size, 1, 1, timeout, Client: client);
            var without = new List<ServerRun>();
            var with = new List<ServerRun>();
            OutboxState? last = null;
            long refused = 0;
            for (int round = 1; round <= rounds; round++)
            {
                foreach (bool outbox in (bool[])[false, true])
                {
                    string step = $"capture ({ClientNames.Name(client)}) round {round}/{rounds} {(outbox ? "with" : "without")} outbox";
                    CaptureRun? run = Measure(edge, outbox, settings, out string? failure);
                    if (run is null)
                    {
                        Console.Error.WriteLine($"{step}: FAILED {failure}");
                        return false;
                    }

                    (outbox ? with : without).Add(run.Run);
                    last = run.Outbox ?? last;
                    refused += run.Outbox?.Refused ?? 0;
                    string disk = run.Outbox is { } state
                        ? $", {Units.Decimal((double)state.BytesWritten / state.StoredSeq, 1)} B/record written, {Units.Count(state.Refused)} refused ({Units.Count(state.RefusedBusy)} for a busy disk)"
                        : string.Empty;
                    Console.Error.WriteLine($"{step}: {Units.Count(run.Run.Rate)} msgs/s, {Units.Decimal(run.Run.CpuPerMillion, 2)} CPU s/M, peak RSS {Units.Mebibytes(run.Run.PeakRssKiB)}{disk}");
                }
            }

            ServerRun a = ServerRun.Summarize(without, best: false)!;
            ServerRun b = ServerRun.Summarize(with, best: false)!;
            table.Add(
                ClientNames.Name(client),
                Units.Count(a.Rate),
                Units.Count(b.Rate),
                Units.Decimal(b.Rate / a.Rate, 2),
                Percent(without),
                Percent(with),
                Units.Decimal(a.CpuPerMillion, 2),
                Units.Decimal(b.CpuPerMillion, 2),
                Units.Mebibytes(a.PeakRssKiB),
                Units.Mebibytes(b.PeakRssKiB),
                Units.Decimal((double)last!.BytesWritten / last.StoredSeq, 1),
                $"{Units.Count(refused)} of {Units.Count(messages * rounds)}");
        }

        // bench.<32 hex digits>: the workload's subject, 38 bytes, in every record.
        int subject = Subjects.Unique("bench").Length;
        Console.WriteLine("### Capture: pub → sub on one board, hub unreachable, with and without an outbox");
        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"msgs/s: deliveries per second, median of {rounds} rounds; with/without: the outbox's cost to local traffic (1.00 = none).");
        Console.WriteLine("spread: (max − min) / median of the rounds. CPU s/M: server CPU seconds per million messages, until every record was in its file.");
        Console.WriteLine($"disk B/record: the outbox's bytes_written / records stored; a record is 32 B + subject ({subject} B) + payload ({size} B) = {32 + subject + size} B.");
        Console.WriteLine("refused: records the outbox turned away over all rounds with it (refused_busy: more than 8 MiB waited for the disk); local delivery went on.");
        Console.WriteLine();
        return true;
    }

    private static CaptureRun? Measure(ServerCommand edge, bool outbox, LoadSettings template, out string? failure)
    {
        string folder = Directory.CreateTempSubdirectory("nats-edge-load-outbox-").FullName;
        try
        {
            int monitorPort = ServerProcess.FreePort();
            // Nobody listens here: the board retries its hub all run long, as during an outage.
            int deadPort = ServerProcess.FreePort();
            string config = OutboxConfigs.Board(deadPort, monitorPort, CapturedSubjects, outbox ? Path.Combine(folder, "outbox") : null);
            using ServerProcess? server = AlternatingCompare.Start((edge, "board", config), folder, out failure);
            if (server is null)
            {
                return null;
            }

            using var monitor = new OutboxMonitor(monitorPort);
            double cpuBefore = ProcFs.CpuSeconds(server.Pid);
            ThroughputResult result = WorkloadRunner.Throughput(template with { Endpoint = server.Endpoint });
            if (!result.Complete)
            {
                failure = $"only {result.Delivered} of {result.Expected} deliveries arrived within {template.Timeout.TotalSeconds} s";
                return null;
            }

            OutboxState? state = null;
            if (outbox)
            {
                // The writer may still hold the last batch; the CPU it spends on it counts too. Records
                // refused (the disk not keeping up) are counted and reported, not a failed round: local
                // traffic is never held up for the outbox, by design.
                state = monitor.Await(s => s.StoredSeq + s.Refused >= result.Published, "every record stored or refused", template.Timeout).State;
                if (state.DiscardedOld > 0 || state.StoredSeq + state.Refused != result.Published)
                {
                    failure = $"the outbox neither kept nor refused every message: {state}";
                    return null;
                }
            }

            var run = new ServerRun(result.HeadlineRate, result.Published, ProcFs.CpuSeconds(server.Pid) - cpuBefore, ProcFs.PeakRssKiB(server.Pid), null);
            return new CaptureRun(run, state);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException)
        {
            failure = e.Message;
            return null;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Percent(List<ServerRun> runs)
    {
        var rates = runs.ConvertAll(r => r.Rate);
        return Units.Decimal(Median.Spread(rates) * 100, 0) + " %";
    }
}
