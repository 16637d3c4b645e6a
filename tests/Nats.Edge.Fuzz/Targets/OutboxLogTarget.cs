using Nats.Edge.Server.Outbox;

namespace Nats.Edge.Fuzz.Targets;

/// <summary>
/// An outbox segment's bytes as recovery reads them after a crash or a damaged card: record after
/// record until one is incomplete or not a record, each record read in full. The checksum would stop
/// almost every mutation at the first record, so when the input's first byte is odd each record's
/// checksum is set right first, and the fuzzer reaches the lengths and sequences behind it.
/// </summary>
internal sealed class OutboxLogTarget : IFuzzTarget
{
    public string Name => "outbox-log";

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var segment = input[1..].ToArray();
        if ((input[0] & 1) == 1)
        {
            SealEach(segment);
        }

        Recover(segment);
    }

    private static void Recover(ReadOnlySpan<byte> input)
    {
        var sequence = 0L;
        while (OutboxRecordFormat.TryParse(input, sequence, out var length) == OutboxParse.Whole)
        {
            var record = OutboxRecordFormat.Read(input[..length]);
            sequence = OutboxRecordFormat.Sequence(input);
            _ = record;
            input = input[length..];
        }
    }

    private static void SealEach(Span<byte> segment)
    {
        while (segment.Length >= OutboxRecordFormat.HeaderSize)
        {
            var length = OutboxRecordFormat.Length(segment);
            if (length < OutboxRecordFormat.HeaderSize || length > segment.Length)
            {
                return;
            }

            OutboxRecordFormat.Seal(segment[..length]);
            segment = segment[length..];
        }
    }
}
