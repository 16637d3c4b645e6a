using Nats.Edge.Load.Reporting;
using Nats.Edge.Load.Wire;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Cli;

/// <summary>One workload against one server given by URL, in the manner of <c>nats bench</c>.</summary>
internal static class LoadCommand
{
    public static int Run(Arguments arguments)
    {
        Mode mode = ModeNames.Parse(arguments.Text("mode", "pubsub"));
        var settings = new LoadSettings(
            mode,
            NatsEndpoint.Parse(arguments.Text("url", Defaults.Url)),
            arguments.Number("msgs", mode == Mode.ReqRep ? Defaults.Requests : Defaults.Messages, 1, int.MaxValue),
            (int)arguments.Number("size", Defaults.Size, 0, Defaults.MaxSize),
            (int)arguments.Number("pubs", 1, 1, 256),
            (int)arguments.Number("subs", LoadSettings.DefaultSubscribers(mode), mode == Mode.Pub ? 0 : 1, 1024),
            TimeSpan.FromSeconds(arguments.Number("timeout", Defaults.TimeoutSeconds, 1, 3600)),
            Client: ClientNames.Parse(arguments.Text("client", "raw")));
        arguments.RejectUnread();
        string via = settings.Client == ClientKind.Raw ? string.Empty : $" via {ClientNames.Name(settings.Client)}";

        if (mode == Mode.ReqRep)
        {
            Console.WriteLine($"reqrep: {Units.Count(settings.Messages)} requests of {Units.Size(settings.Size)}, one in flight → {settings.Endpoint}{via}");
            Print(WorkloadRunner.RequestReply(settings));
            return 0;
        }

        Console.WriteLine(
            $"{ModeNames.Name(mode)}: {Units.Count(settings.Messages)} msgs of {Units.Size(settings.Size)}, " +
            $"{settings.Publishers} pub, {(mode == Mode.Pub ? 0 : settings.Subscribers)} sub → {settings.Endpoint}{via}");
        ThroughputResult result = WorkloadRunner.Throughput(settings);
        Print(result);
        return result.Complete ? 0 : 1;
    }

    private static void Print(ThroughputResult result)
    {
        PrintRate("published", result.Published, result.PublishSeconds, result.PublishRate, result.Size);
        if (result.Expected == 0)
        {
            return;
        }

        PrintRate("delivered", result.Delivered, result.DeliverSeconds, result.DeliverRate, result.Size);
        if (!result.Complete)
        {
            Console.WriteLine($"INCOMPLETE: {Units.Count(result.Delivered)} of {Units.Count(result.Expected)} deliveries arrived before the timeout");
        }
    }

    private static void PrintRate(string what, long messages, double seconds, double rate, int size) =>
        Console.WriteLine(
            $"{what,-10} {Units.Count(messages),13} msgs in {Units.Decimal(seconds, 3),8} s " +
            $"{Units.Count(rate),13} msgs/s {Units.Decimal(ThroughputResult.Megabytes(rate, size), 1),9} MB/s");

    private static void Print(LatencyResult result)
    {
        Console.WriteLine($"{"requests",-10} {Units.Count(result.Requests),13} in {Units.Decimal(result.Seconds, 3),8} s {Units.Count(result.Rate),13} req/s");
        Console.WriteLine(
            $"{"latency",-10} p50 {Units.Decimal(result.P50, 1)} µs, p90 {Units.Decimal(result.P90, 1)} µs, p99 {Units.Decimal(result.P99, 1)} µs, " +
            $"p99.9 {Units.Decimal(result.P999, 1)} µs, max {Units.Decimal(result.Max, 1)} µs");
    }
}
