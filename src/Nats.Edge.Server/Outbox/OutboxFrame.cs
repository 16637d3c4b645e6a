using System.Buffers.Text;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// One record as it goes up the uplink: its headers with the outbox's own added, then its payload, in
/// one reused buffer, shaped as the message a client would have published.
/// The header <c>Nats-Msg-Id: &lt;board&gt;-&lt;seq&gt;</c> lets the hub's stream drop a record sent twice
/// within its duplicate window, and tells the board, after a reconnect, how far the stream got even
/// when the outage outlasted that window. A publisher's own id is kept instead, and then
/// <c>Nats-Edge-Outbox: &lt;board&gt;-&lt;seq&gt;</c> carries the board's; only then, since each header
/// costs the hub's stream its bytes for every message.
/// </summary>
internal sealed class OutboxFrame
{
    /// <summary>The header that names a record's board and sequence, whatever id its publisher chose.</summary>
    public static ReadOnlySpan<byte> OutboxHeader => "Nats-Edge-Outbox"u8;

    private static ReadOnlySpan<byte> MessageIdHeader => "Nats-Msg-Id"u8;

    private readonly byte[] _board;
    private byte[] _buffer = new byte[1024];
    private readonly byte[] _sizes = new byte[24];
    private int _sizesLength;

    public OutboxFrame(string boardId) => _board = Encoding.ASCII.GetBytes(boardId);

    public int HeaderSize { get; private set; }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> SizeTokens => _sizes.AsSpan(0, _sizesLength);

    public ReadOnlySequence<byte> Data => new(_buffer, 0, Length);

    /// <summary>Lays out <paramref name="record"/>: NATS/1.0, its own header lines, ours, the blank line, the payload.</summary>
    public void Build(in OutboxRecord record)
    {
        var own = record.Headers;
        var ownLines = own.Length >= 12 ? own[(own.IndexOf("\r\n"u8) + 2)..^2] : default;
        var keepsOwnId = Contains(ownLines, MessageIdHeader);
        var maxHeader = 10 + ownLines.Length + OutboxHeader.Length + _board.Length + 26 + 2;
        Reserve(maxHeader + record.Payload.Length);

        var at = Put("NATS/1.0\r\n"u8, 0);
        at = Put(ownLines, at);
        at = PutIdLine(keepsOwnId ? OutboxHeader : MessageIdHeader, record.Sequence, at);
        at = Put("\r\n"u8, at);
        HeaderSize = at;
        at = Put(record.Payload, at);
        Length = at;

        Utf8Formatter.TryFormat(HeaderSize, _sizes, out var headerDigits);
        _sizes[headerDigits] = (byte)' ';
        Utf8Formatter.TryFormat(Length, _sizes.AsSpan(headerDigits + 1), out var totalDigits);
        _sizesLength = headerDigits + 1 + totalDigits;
    }

    /// <summary>
    /// Reads <c>&lt;board&gt;-&lt;seq&gt;</c> from a stored message's header block, from
    /// <c>Nats-Edge-Outbox</c> or else <c>Nats-Msg-Id</c>; 0 when it is another board's or absent.
    /// </summary>
    public static long SequenceIn(ReadOnlySpan<byte> headers, ReadOnlySpan<byte> board)
    {
        var sequence = SequenceIn(headers, OutboxHeader, board);
        return sequence > 0 ? sequence : SequenceIn(headers, MessageIdHeader, board);
    }

    private static long SequenceIn(ReadOnlySpan<byte> headers, ReadOnlySpan<byte> header, ReadOnlySpan<byte> board)
    {
        var name = headers.IndexOf(header);
        if (name < 0 || name + header.Length >= headers.Length || headers[name + header.Length] != (byte)':')
        {
            return 0;
        }

        var value = headers[(name + header.Length + 1)..];
        var end = value.IndexOf((byte)'\r');
        value = (end < 0 ? value : value[..end]).Trim((byte)' ');
        return value.Length > board.Length + 1 && value.StartsWith(board) && value[board.Length] == (byte)'-'
            && Utf8Parser.TryParse(value[(board.Length + 1)..], out long sequence, out var used) && used == value.Length - board.Length - 1
            ? sequence
            : 0;
    }

    private static bool Contains(ReadOnlySpan<byte> lines, ReadOnlySpan<byte> name)
    {
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf("\r\n"u8);
            var line = end < 0 ? lines : lines[..end];
            if (line.Length > name.Length && line[name.Length] == (byte)':' && System.Text.Ascii.EqualsIgnoreCase(line[..name.Length], name))
            {
                return true;
            }

            lines = end < 0 ? default : lines[(end + 2)..];
        }

        return false;
    }

    private int PutIdLine(ReadOnlySpan<byte> name, long sequence, int at)
    {
        at = Put(name, at);
        at = Put(": "u8, at);
        at = Put(_board, at);
        _buffer[at++] = (byte)'-';
        Utf8Formatter.TryFormat(sequence, _buffer.AsSpan(at), out var digits);
        return Put("\r\n"u8, at + digits);
    }

    private int Put(ReadOnlySpan<byte> bytes, int at)
    {
        bytes.CopyTo(_buffer.AsSpan(at));
        return at + bytes.Length;
    }

    private void Reserve(int length)
    {
        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }
    }
}
