using System.Buffers.Binary;
using System.Buffers.Text;

namespace Nats.Edge.Load.Wire;

/// <summary>
/// Walks what a server sends, frame by frame, across reads: control lines are matched, MSG payloads are
/// jumped over without being looked at. A line split between reads waits in a small scratch buffer.
/// </summary>
internal struct FrameScanner
{
    // 64 KiB: far above max_control_line (4096 by default), with room for an INFO carrying a long
    // connect_urls list.
    private const int MaxLine = 64 * 1024;

    // Op names read as one little-endian integer from the first four bytes of a line.
    private const uint MsgOp = 'M' | ('S' << 8) | ('G' << 16) | (' ' << 24);
    private const uint HmsgOp = 'H' | ('M' << 8) | ('S' << 16) | ('G' << 24);
    private const uint PingOp = 'P' | ('I' << 8) | ('N' << 16) | ('G' << 24);
    private const uint PongOp = 'P' | ('O' << 8) | ('N' << 16) | ('G' << 24);
    private const uint InfoOp = 'I' | ('N' << 8) | ('F' << 16) | ('O' << 24);
    private const uint ErrOp = '-' | ('E' << 8) | ('R' << 16) | ('R' << 24);

    private readonly byte[] _partial;
    private int _partialLength;
    private int _skip;

    public FrameScanner() => _partial = new byte[MaxLine];

    /// <summary>Consumes one read; whatever is left of a frame is remembered for the next.</summary>
    public void Scan<TSink>(ReadOnlySpan<byte> data, ref TSink sink)
        where TSink : struct, IFrameSink
    {
        while (!data.IsEmpty)
        {
            if (_skip > 0)
            {
                int jump = Math.Min(_skip, data.Length);
                _skip -= jump;
                data = data[jump..];
                if (_skip == 0)
                {
                    sink.OnMsgEnd();
                }

                continue;
            }

            int lf = data.IndexOf((byte)'\n');
            if (lf < 0)
            {
                Hold(data);
                return;
            }

            if (_partialLength == 0)
            {
                Line(data[..lf], ref sink);
            }
            else
            {
                Hold(data[..lf]);
                int length = _partialLength;
                _partialLength = 0;
                Line(_partial.AsSpan(0, length), ref sink);
            }

            data = data[(lf + 1)..];
        }
    }

    // One control line without its LF. PING/PONG/+OK may carry trailing bytes; servers ignore them.
    private void Line<TSink>(ReadOnlySpan<byte> line, ref TSink sink)
        where TSink : struct, IFrameSink
    {
        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        uint op = line.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(line) : 0;
        switch (op)
        {
            case MsgOp:
                Payload(line[4..], ref sink);
                return;
            case HmsgOp when line.Length > 4 && line[4] == ' ':
                Payload(line[5..], ref sink);
                return;
            case PingOp:
                sink.OnPing();
                return;
            case PongOp:
                sink.OnPong();
                return;
            case InfoOp:
                sink.OnInfo(line[4..].TrimStart((byte)' '));
                return;
            case ErrOp:
                ThrowHelper.ServerError(line);
                return;
        }

        if (!line.StartsWith("+OK"u8))
        {
            ThrowHelper.UnexpectedLine(line);
        }
    }

    // MSG <subject> <sid> [reply] <size>␍␊<payload>␍␊. HMSG's last token is the total size, so both
    // jump the same way.
    private void Payload<TSink>(ReadOnlySpan<byte> args, ref TSink sink)
        where TSink : struct, IFrameSink
    {
        ReadOnlySpan<byte> digits = args[(args.LastIndexOf((byte)' ') + 1)..];
        if (!Utf8Parser.TryParse(digits, out int size, out int used) || used != digits.Length || size < 0)
        {
            ThrowHelper.UnexpectedLine(args);
        }

        sink.OnMsg(args, size);
        _skip = size + 2;
    }

    private void Hold(ReadOnlySpan<byte> piece)
    {
        if (_partialLength + piece.Length > MaxLine)
        {
            ThrowHelper.LineTooLong();
        }

        piece.CopyTo(_partial.AsSpan(_partialLength));
        _partialLength += piece.Length;
    }
}
