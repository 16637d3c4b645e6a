namespace Nats.Edge.Load.Wire;

/// <summary>
/// What a <see cref="FrameScanner"/> found. Implemented by structs and passed by <c>ref</c> so each
/// role's counting inlines into the scan loop.
/// </summary>
internal interface IFrameSink
{
    /// <summary>An <c>INFO</c> line; <paramref name="json"/> is only valid during the call.</summary>
    void OnInfo(ReadOnlySpan<byte> json);

    /// <summary>A <c>MSG</c>/<c>HMSG</c> control line: the arguments after the op and the payload size.</summary>
    void OnMsg(ReadOnlySpan<byte> args, int size);

    /// <summary>The payload of the last <see cref="OnMsg"/> has been fully received.</summary>
    void OnMsgEnd();

    /// <summary>The server sent <c>PING</c> and expects a <c>PONG</c>.</summary>
    void OnPing();

    /// <summary>The server answered one of our <c>PING</c>s.</summary>
    void OnPong();
}
