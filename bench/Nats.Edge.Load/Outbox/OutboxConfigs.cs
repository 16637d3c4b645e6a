using System.Text.Json;

namespace Nats.Edge.Load.Outbox;

/// <summary>The JSON configs of the outbox benchmarks: a board (nats-edge) and a JetStream hub (nats-server).</summary>
internal static class OutboxConfigs
{
    /// <summary>The hub's stream, as README's "Store and forward" section has it.</summary>
    public const string Stream = "SENSORS";

    public const string StreamSubjects = "devices.>";

    /// <summary>What the board's outbox captures, and what the drain workload publishes on.</summary>
    public const string BoardSubjects = "devices.pi.>";

    public const string DrainSubject = "devices.pi.drain";

    // 1 GB: far above any run's log (1M records of 86 B are 86 MB), so nothing is discarded.
    private const string MaxBytes = "1GB";

    /// <summary>
    /// A board with one leafnode remote toward <paramref name="hubLeafPort"/> and monitoring on
    /// <paramref name="monitorPort"/>; with <paramref name="outboxDirectory"/>, the remote has an outbox
    /// on <paramref name="subjects"/> there, else it is the same remote without one.
    /// </summary>
    public static string Board(int hubLeafPort, int monitorPort, string subjects, string? outboxDirectory)
    {
        string outbox = outboxDirectory is null
            ? string.Empty
            : $$""", "outbox": { "subjects": [{{Quote(subjects)}}], "dir": {{Quote(outboxDirectory)}}, "max_bytes": "{{MaxBytes}}" }""";
        return $$"""
            { "http": "127.0.0.1:{{monitorPort}}",
              "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:{{hubLeafPort}}"{{outbox}} } ] } }
            """;
    }

    /// <summary>A nats-server hub with JetStream stored in <paramref name="storeDirectory"/> and leafnodes on <paramref name="leafPort"/>.</summary>
    public static string Hub(int leafPort, string storeDirectory) => $$"""
        { "jetstream": { "store_dir": {{Quote(storeDirectory)}} },
          "leafnodes": { "listen": "127.0.0.1:{{leafPort}}" } }
        """;

    private static string Quote(string text) => $"\"{JsonEncodedText.Encode(text)}\"";
}
