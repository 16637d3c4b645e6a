using System.Buffers;

namespace Nats.Edge.Benchmarks.Parsing;

/// <summary>Links buffers into a multi-segment sequence, as a pipe hands over a read that spans its segments.</summary>
internal sealed class Segment : ReadOnlySequenceSegment<byte>
{
    public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

    public Segment Append(ReadOnlyMemory<byte> memory)
    {
        var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
        Next = next;
        return next;
    }

    /// <summary>Cuts <paramref name="bytes"/> into pieces of <paramref name="pieceSize"/> bytes.</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, int pieceSize)
    {
        var first = new Segment(bytes.AsMemory(0, Math.Min(pieceSize, bytes.Length)));
        var last = first;
        for (var at = pieceSize; at < bytes.Length; at += pieceSize)
        {
            last = last.Append(bytes.AsMemory(at, Math.Min(pieceSize, bytes.Length - at)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
