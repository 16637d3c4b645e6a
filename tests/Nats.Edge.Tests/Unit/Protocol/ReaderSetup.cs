namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>The limits and client options a reader test runs with; nats-server's defaults unless set.</summary>
internal sealed record ReaderSetup
{
    public static ReaderSetup Default { get; } = new();

    // 4096 and 1 MiB: nats-server's default max_control_line and max_payload.
    public int MaxControlLine { get; init; } = 4096;

    public int MaxPayload { get; init; } = 1024 * 1024;

    public bool HeadersEnabled { get; init; } = true;

    /// <summary>Reads the leafnode dialect (LS+, LS-, LMSG, HMSG) too.</summary>
    public bool Leaf { get; init; }
}
