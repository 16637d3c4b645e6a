using System.Net.Sockets;
using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Compare;

/// <summary>
/// One of the two servers being compared. A server that fails to start is not retried: every later
/// run would fail the same way and only add start-up timeouts.
/// </summary>
internal sealed class Contender(ServerCommand command)
{
    public ServerCommand Command => command;

    public string Label => command.Label;

    /// <summary>Why the server could not be started, once that has happened.</summary>
    public string? Broken { get; private set; }

    /// <summary>Starts the server fresh, runs the workload, stops it; null with a reason on failure.</summary>
    public ServerRun? Measure(LoadSettings template, out string? failure)
    {
        failure = Broken;
        if (Broken is not null)
        {
            return null;
        }

        using ServerProcess? server = ServerProcess.TryStart(command, Defaults.StartTimeout, out string startFailure);
        if (server is null)
        {
            Broken = startFailure;
            failure = startFailure;
            return null;
        }

        try
        {
            LoadSettings settings = template with { Endpoint = server.Endpoint };
            double cpuBefore = ProcFs.CpuSeconds(server.Pid);
            ServerRun run = Workload(settings);
            return run with
            {
                CpuSeconds = ProcFs.CpuSeconds(server.Pid) - cpuBefore,
                PeakRssKiB = ProcFs.PeakRssKiB(server.Pid),
            };
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException or OperationCanceledException)
        {
            failure = e.Message;
            return null;
        }
    }

    /// <summary>
    /// Runs the workload with the client <paramref name="settings"/> name, throwing if deliveries are
    /// missing; the server's CPU and memory are the caller's to fill in.
    /// </summary>
    public static ServerRun Workload(LoadSettings settings) =>
        settings.Mode == Mode.ReqRep ? RequestReply(settings) : Throughput(settings);

    private static ServerRun RequestReply(LoadSettings settings)
    {
        LatencyResult result = WorkloadRunner.RequestReply(settings);
        return new ServerRun(result.Rate, settings.Messages + RequestReplyWorkload.Warmup(settings.Messages), 0, 0, result);
    }

    private static ServerRun Throughput(LoadSettings settings)
    {
        ThroughputResult result = WorkloadRunner.Throughput(settings);
        if (!result.Complete)
        {
            throw new IOException($"only {result.Delivered} of {result.Expected} deliveries arrived within {settings.Timeout.TotalSeconds} s");
        }

        return new ServerRun(result.HeadlineRate, result.Published, 0, 0, null);
    }
}
