namespace Nats.Edge.Server.Embedded;

/// <summary>
/// A message handed to an in-process subscription. Its spans are slices of the publisher's buffer and
/// are valid only during the handler call: copy what must outlive it.
/// </summary>
public readonly ref struct InProcessMessage
{
    internal InProcessMessage(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> reply, ReadOnlySequence<byte> payload)
    {
        Subject = subject;
        Reply = reply;
        Payload = payload;
    }

    /// <summary>The subject it was published on.</summary>
    public ReadOnlySpan<byte> Subject { get; }

    /// <summary>Where an answer goes; empty when none was asked for.</summary>
    public ReadOnlySpan<byte> Reply { get; }

    /// <summary>The payload, headers left out.</summary>
    public ReadOnlySequence<byte> Payload { get; }
}
