using System.Text;
using Nats.Edge.Load.Reporting;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Compare;

/// <summary>The comparison tables, in Markdown so they paste straight into a README.</summary>
internal static class CompareReport
{
    private const string Missing = "failed";

    public static string Workloads(List<WorkloadResults> plan, bool best)
    {
        var table = new TextTable(
            "workload", "client", "nats-edge msgs/s", "nats-server msgs/s", "edge/server",
            "nats-edge peak RSS", "nats-server peak RSS", "nats-edge CPU s/M", "nats-server CPU s/M");
        var requestReply = new List<WorkloadResults>();
        foreach (WorkloadResults workload in plan)
        {
            ServerRun? edge = ServerRun.Summarize(workload.Edge, best);
            ServerRun? reference = ServerRun.Summarize(workload.Reference, best);
            table.Add(
                workload.Name,
                ClientNames.Name(workload.Settings.Client),
                Cell(edge, r => Units.Count(r.Rate)),
                Cell(reference, r => Units.Count(r.Rate)),
                Ratio(edge?.Rate, reference?.Rate),
                Cell(edge, r => Units.Mebibytes(r.PeakRssKiB)),
                Cell(reference, r => Units.Mebibytes(r.PeakRssKiB)),
                Cell(edge, r => Units.Decimal(r.CpuPerMillion, 2)),
                Cell(reference, r => Units.Decimal(r.CpuPerMillion, 2)));
            if (workload.Settings.Mode == Mode.ReqRep)
            {
                requestReply.Add(workload);
            }
        }

        var text = new StringBuilder(table.ToString());
        text.Append("\nclient: raw is this tool's own sockets, natsnet is NATS.Net; each ratio compares the two servers under the same client.\n");
        text.Append("msgs/s: deliveries per second (publishes for pub, round trips for reqrep); edge/server above 1 means nats-edge is faster.\n");
        text.Append("Peak RSS: the server's VmHWM. CPU s/M: server CPU seconds (user + system) per million messages published (requests for reqrep).\n");
        if (requestReply.Count > 0)
        {
            text.Append('\n').Append(Latency(requestReply, best));
        }

        return text.ToString();
    }

    public static string Sizes(List<WorkloadResults> plan, bool best)
    {
        var table = new TextTable(
            "payload", "client", "msgs", "nats-edge msgs/s", "nats-edge MB/s", "nats-server msgs/s", "nats-server MB/s", "edge/server");
        foreach (WorkloadResults workload in plan)
        {
            ServerRun? edge = ServerRun.Summarize(workload.Edge, best);
            ServerRun? reference = ServerRun.Summarize(workload.Reference, best);
            int size = workload.Settings.Size;
            table.Add(
                workload.Name,
                ClientNames.Name(workload.Settings.Client),
                Units.Count(workload.Settings.Messages),
                Cell(edge, r => Units.Count(r.Rate)),
                Cell(edge, r => Units.Decimal(ThroughputResult.Megabytes(r.Rate, size), 1)),
                Cell(reference, r => Units.Count(r.Rate)),
                Cell(reference, r => Units.Decimal(ThroughputResult.Megabytes(r.Rate, size), 1)),
                Ratio(edge?.Rate, reference?.Rate));
        }

        return table + "\npubsub, 1 publisher → 1 subscriber; MB/s counts payload bytes (10^6) delivered per second; client: raw is this tool's own sockets, natsnet is NATS.Net.\n";
    }

    /// <summary>Prints every failed round to stderr; true if there was any.</summary>
    public static bool Failures(List<WorkloadResults> plan)
    {
        bool any = false;
        foreach (WorkloadResults workload in plan)
        {
            foreach (string failure in workload.Failures)
            {
                Console.Error.WriteLine($"failed: {workload.Label}, {failure}");
                any = true;
            }
        }

        return any;
    }

    private static string Latency(List<WorkloadResults> workloads, bool best)
    {
        var table = new TextTable("reqrep latency", "client", "nats-edge µs", "nats-server µs", "edge/server");
        foreach (WorkloadResults workload in workloads)
        {
            LatencyResult? edge = ServerRun.Summarize(workload.Edge, best)?.Latency;
            LatencyResult? reference = ServerRun.Summarize(workload.Reference, best)?.Latency;
            string client = ClientNames.Name(workload.Settings.Client);
            table.Add("p50", client, Micros(edge?.P50), Micros(reference?.P50), Ratio(edge?.P50, reference?.P50));
            table.Add("p90", client, Micros(edge?.P90), Micros(reference?.P90), Ratio(edge?.P90, reference?.P90));
            table.Add("p99", client, Micros(edge?.P99), Micros(reference?.P99), Ratio(edge?.P99, reference?.P99));
            table.Add("p99.9", client, Micros(edge?.P999), Micros(reference?.P999), Ratio(edge?.P999, reference?.P999));
        }

        return table + "\nOne request in flight; round trip requester → server → responder → server → requester. edge/server below 1 means nats-edge is faster.\n";
    }

    private static string Cell(ServerRun? run, Func<ServerRun, string> format) => run is null ? Missing : format(run);

    private static string Micros(double? value) => value is { } v ? Units.Decimal(v, 1) : Missing;

    private static string Ratio(double? edge, double? reference) =>
        edge is { } e && reference is { } r && r > 0 ? Units.Decimal(e / r, 2) : "n/a";
}
