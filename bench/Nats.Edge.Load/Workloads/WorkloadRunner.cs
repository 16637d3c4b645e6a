using NATS.Client.Core;
using Nats.Edge.Load.NatsNet;

namespace Nats.Edge.Load.Workloads;

/// <summary>Runs a workload with the client its settings name.</summary>
internal static class WorkloadRunner
{
    public static ThroughputResult Throughput(LoadSettings settings) => settings.Client switch
    {
        ClientKind.NatsNet => ReportingNatsErrors(() => NatsNetThroughputWorkload.Run(settings)),
        _ => ThroughputWorkload.Run(settings),
    };

    public static LatencyResult RequestReply(LoadSettings settings) => settings.Client switch
    {
        ClientKind.NatsNet => ReportingNatsErrors(() => NatsNetRequestReplyWorkload.Run(settings)),
        _ => RequestReplyWorkload.Run(settings),
    };

    // NATS.Net reports connection and protocol trouble as NatsException; as an IOException it ends
    // a run the way the raw client's socket errors do: one failed round, or exit code 1.
    private static T ReportingNatsErrors<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (NatsException e)
        {
            throw new IOException($"NATS.Net: {e.Message}", e);
        }
    }
}
