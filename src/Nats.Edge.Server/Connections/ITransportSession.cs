namespace Nats.Edge.Server.Connections;

/// <summary>
/// What a <see cref="Transport"/> hands its bytes to: the session that knows the protocol. The
/// transport calls it from its receive loop only, so a session never needs a lock for its parser.
/// </summary>
internal interface ITransportSession
{
    /// <summary>
    /// Handles as many complete operations as <paramref name="buffer"/> holds and slices off what it
    /// consumed; what is left is an incomplete operation, kept for the next read. Returns false to
    /// stop reading (the connection is closing).
    /// </summary>
    bool ProcessReceived(ref ReadOnlySequence<byte> buffer);

    /// <summary>
    /// The read is handled: wake every connection it wrote to. Returns the one with the most output
    /// queued when that is past its stall threshold, so the reader can wait for it to drain.
    /// </summary>
    Transport? EndRead();

    /// <summary>
    /// Runs once before the loops, after any TLS handshake, with nothing else reading or writing the
    /// stream; returns the stream the loops then use (the same one, unless the session set up another
    /// over it, such as compression).
    /// </summary>
    ValueTask<Stream> BeginAsync(Stream stream);

    /// <summary>Called once, after both loops ended and the stream is gone.</summary>
    void OnTransportClosed();
}
