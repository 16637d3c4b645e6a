using Nats.Edge.Server.Compression;

namespace Nats.Edge.Fuzz.Targets;

/// <summary>
/// An S2 (or Snappy framed) stream from a peer, read to its end: a damaged stream is refused with
/// <see cref="InvalidDataException"/>, and a cut one ends with <see cref="EndOfStreamException"/>.
/// </summary>
internal sealed class S2Target : IFuzzTarget
{
    public string Name => "s2";

    public void Run(ReadOnlySpan<byte> input)
    {
        using var stream = new S2Stream(new PeerStream(input.ToArray()));
        var buffer = new byte[4096];
        try
        {
            while (stream.Read(buffer) > 0)
            {
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
        }
    }
}
