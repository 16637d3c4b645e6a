namespace Nats.Edge.Server.Outbox;

/// <summary>What lies at an offset of a segment.</summary>
internal enum OutboxParse
{
    /// <summary>A record whose checksum holds.</summary>
    Whole,

    /// <summary>The start of a record whose bytes are not all there: more to read, or a torn tail.</summary>
    Incomplete,

    /// <summary>Bytes that are no record: a bad length, a bad checksum, or a sequence that goes backwards.</summary>
    Corrupt,
}
