using Nats.Edge.Server.WebSockets;

namespace Nats.Edge.Fuzz.Targets;

/// <summary>
/// WebSocket frames from a client, read to their end, with permessage-deflate agreed when the first
/// byte is odd: a protocol violation is refused with <see cref="InvalidDataException"/> or
/// <see cref="IOException"/>.
/// </summary>
internal sealed class WebSocketTarget : IFuzzTarget
{
    public string Name => "websocket";

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        using var stream = new WebSocketFrameStream(new PeerStream(input[1..].ToArray()), isClient: false, deflate: (input[0] & 1) == 1);
        var buffer = new byte[4096];
        try
        {
            // The stream reads asynchronously only, as the receive loop reads it; over memory each read completes at once.
            while (stream.ReadAsync(buffer).AsTask().GetAwaiter().GetResult() > 0)
            {
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
        }
    }
}
