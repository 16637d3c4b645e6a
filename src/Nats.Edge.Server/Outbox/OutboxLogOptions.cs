namespace Nats.Edge.Server.Outbox;

/// <summary>Where and how much the outbox keeps on disk, already parsed from the server's config.</summary>
public sealed record OutboxLogOptions
{
    /// <summary>The folder holding the segments, the acknowledgement cursor and the board's identity.</summary>
    public required string Directory { get; init; }

    /// <summary>Bytes of records kept on disk, acknowledged or not; -1 for no limit.</summary>
    public long MaxBytes { get; init; } = -1;

    /// <summary>Records kept on disk, acknowledged or not; -1 for no limit.</summary>
    public long MaxMessages { get; init; } = -1;

    /// <summary>Records older than this are dropped; zero for no limit.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.Zero;

    /// <summary>What happens at <see cref="MaxBytes"/> or <see cref="MaxMessages"/>.</summary>
    public OutboxDiscard Discard { get; init; } = OutboxDiscard.Old;

    /// <summary>
    /// How often written records are forced to the medium (fsync). Zero means every batch is synced
    /// before it counts as stored.
    /// </summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Size at which a segment file is closed and the next begun; 0 lets the log choose from <see cref="MaxBytes"/>.</summary>
    public long SegmentBytes { get; init; }
}
