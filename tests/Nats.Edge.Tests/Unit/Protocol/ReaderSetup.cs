using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>The limits and client options a reader test runs with; nats-server's defaults unless set.</summary>
internal sealed record ReaderSetup
{
    public static ReaderSetup Default { get; } = new();

    // 4096 and 1 MiB: nats-server's default max_control_line and max_payload.
    public int MaxControlLine { get; init; } = 4096;

    public int MaxPayload { get; init; } = 1024 * 1024;

    public bool HeadersEnabled { get; init; } = true;

    /// <summary>Whose reader reads: a client's, a leafnode link's or a route's.</summary>
    public ProtocolDialect Dialect { get; init; }
}
