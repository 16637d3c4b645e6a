using System.Globalization;
using System.Text;

namespace Nats.Edge.Load.Wire;

/// <summary>
/// Identical PUB frames laid end to end once, so publishing costs one send call per batch instead of
/// one per message.
/// </summary>
internal sealed class PubBatch
{
    // 64 KiB: enough frames per send that syscalls vanish from the profile, small enough to stay in L2
    // on a Raspberry Pi.
    private const int TargetBytes = 64 * 1024;

    private readonly byte[] _frames;

    // PUB <subject> [reply] <size>␍␊<payload>␍␊.
    public PubBatch(string subject, string? reply, int size)
    {
        string head = reply is null
            ? $"PUB {subject} {size.ToString(CultureInfo.InvariantCulture)}\r\n"
            : $"PUB {subject} {reply} {size.ToString(CultureInfo.InvariantCulture)}\r\n";
        byte[] frame = new byte[Encoding.ASCII.GetByteCount(head) + size + 2];
        int at = Encoding.ASCII.GetBytes(head, frame);
        for (int i = 0; i < size; i++)
        {
            frame[at + i] = (byte)('a' + (i % 26));
        }

        "\r\n"u8.CopyTo(frame.AsSpan(at + size));
        FrameLength = frame.Length;
        FramesPerBatch = Math.Max(1, TargetBytes / frame.Length);
        _frames = new byte[FramesPerBatch * frame.Length];
        for (int i = 0; i < FramesPerBatch; i++)
        {
            frame.CopyTo(_frames, i * frame.Length);
        }
    }

    /// <summary>Bytes of one PUB frame, control line included.</summary>
    public int FrameLength { get; }

    /// <summary>How many frames one full batch holds.</summary>
    public int FramesPerBatch { get; }

    /// <summary>The first <paramref name="count"/> frames, ready to send.</summary>
    public ReadOnlySpan<byte> Frames(int count) => _frames.AsSpan(0, count * FrameLength);
}
