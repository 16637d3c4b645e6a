using System.Buffers;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>
/// One link of a hand-built <see cref="ReadOnlySequence{T}"/>, so a test decides where the segment
/// boundaries fall instead of leaving it to a pipe's buffer sizes.
/// </summary>
internal sealed class BufferSegment : ReadOnlySequenceSegment<byte>
{
    private BufferSegment(byte[] bytes, long runningIndex)
    {
        Memory = bytes;
        RunningIndex = runningIndex;
    }

    /// <summary>Links <paramref name="parts"/> into one sequence, each part its own segment.</summary>
    public static ReadOnlySequence<byte> Chain(IReadOnlyList<byte[]> parts)
    {
        if (parts.Count == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new BufferSegment(parts[0], 0);
        var last = first;
        for (var i = 1; i < parts.Count; i++)
        {
            var next = new BufferSegment(parts[i], last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
