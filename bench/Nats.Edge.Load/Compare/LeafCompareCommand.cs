using Nats.Edge.Load.Cli;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Compare;

/// <summary>
/// The board's uplink under load: a nats-server hub, and as its leaf either nats-edge or nats-server,
/// alternating round by round. One publisher on the leaf, one subscriber on the hub, so every
/// message crosses the leafnode link; the leaf's CPU and memory are what is compared.
/// </summary>
internal static class LeafCompareCommand
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    public static int Run(Arguments arguments) => AlternatingCompare.Run(
        arguments,
        "leaf → hub",
        (edge, reference, rounds) => $"hub: `{reference}` for every run; leaf: `{edge}` or `{reference}`, alternating, {rounds} rounds each; 1 publisher on the leaf → 1 subscriber on the hub",
        "leaf",
        "leaf",
        Measure);

    private static ServerRun? Measure(ServerCommand leafCommand, ServerCommand hubCommand, long messages, int size, TimeSpan timeout, out string? failure)
    {
        string folder = Directory.CreateTempSubdirectory("nats-edge-load-leaf-").FullName;
        try
        {
            int leafPort = ServerProcess.FreePort();
            string hubConfig = Path.Combine(folder, "hub.json");
            string leafConfig = Path.Combine(folder, "leaf.json");
            File.WriteAllText(hubConfig, $$"""{ "leafnodes": { "listen": "127.0.0.1:{{leafPort}}" } }""");
            File.WriteAllText(leafConfig, $$"""{ "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}" } ] } }""");

            using ServerProcess? hub = ServerProcess.TryStart(WithConfig(hubCommand, hubConfig), StartTimeout, out string hubFailure);
            if (hub is null)
            {
                failure = "hub: " + hubFailure;
                return null;
            }

            using ServerProcess? leaf = ServerProcess.TryStart(WithConfig(leafCommand, leafConfig), StartTimeout, out string leafFailure);
            if (leaf is null)
            {
                failure = "leaf: " + leafFailure;
                return null;
            }

            var settings = new LoadSettings(Mode.PubSub, leaf.Endpoint, messages, size, 1, 1, timeout, hub.Endpoint);
            double cpuBefore = ProcFs.CpuSeconds(leaf.Pid);
            ThroughputResult result = ThroughputWorkload.Run(settings);
            if (!result.Complete)
            {
                failure = $"only {result.Delivered} of {result.Expected} deliveries arrived within {timeout.TotalSeconds} s";
                return null;
            }

            failure = null;
            return new ServerRun(result.HeadlineRate, result.Published, ProcFs.CpuSeconds(leaf.Pid) - cpuBefore, ProcFs.PeakRssKiB(leaf.Pid), null);
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

    private static ServerCommand WithConfig(ServerCommand command, string configFile) =>
        command with { Arguments = [.. command.Arguments, "-c", configFile] };
}
