using Nats.Edge.Server.Protocol;
using Nats.Edge.Tests.Unit.Protocol;

namespace Nats.Edge.Fuzz.Targets;

/// <summary>
/// A client's, leafnode link's or route's reader, fed as the receive loop feeds it: the input's first
/// byte picks the buffer shape and a read size, and the rest arrives in reads of that size. The same
/// bytes read in one go must give the same operations: a split the parser gets wrong shows as a
/// difference, which is thrown.
/// </summary>
internal sealed class ProtocolReaderTarget(string name, ProtocolDialect dialect) : IFuzzTarget
{
    public string Name => name;

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var shape = (BufferShape)(input[0] % 3);
        var readSize = 1 + (input[0] >> 2);
        var stream = input[1..].ToArray();
        var setup = new ReaderSetup { Dialect = dialect };
        var whole = new SplitReadDriver(BufferShape.Contiguous, setup).FeedCutAt(stream, []);
        var cuts = new List<int>();
        for (var cut = readSize; cut < stream.Length; cut += readSize)
        {
            cuts.Add(cut);
        }

        var split = new SplitReadDriver(shape, setup).FeedCutAt(stream, cuts);
        if (!whole.SequenceEqual(split))
        {
            throw new InvalidOperationException(
                $"{shape} reads of {readSize} bytes gave [{string.Join(", ", split)}], one read [{string.Join(", ", whole)}]");
        }
    }
}
