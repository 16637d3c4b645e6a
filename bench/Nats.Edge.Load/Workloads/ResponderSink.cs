using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Workloads;

/// <summary>Answers each request with a PUB to its reply subject, sent once the request is complete.</summary>
internal struct ResponderSink : IFrameSink
{
    // Room for the reply's control line: PUB, a reply subject within max_control_line (4096 by
    // default), the size digits and CR LF.
    private const int MaxHead = 4200;

    private readonly NatsSocket _socket;
    private readonly byte[] _reply;
    private int _head;
    private int _size;

    public ResponderSink(NatsSocket socket, int size)
    {
        _socket = socket;
        _reply = new byte[MaxHead + size + 2];
    }

    public int Pings { get; set; }

    public readonly void OnInfo(ReadOnlySpan<byte> json)
    {
    }

    // MSG <subject> <sid> <reply> <size>; the reply echoes the request's size digits as
    // PUB <reply> <size>␍␊.
    public void OnMsg(ReadOnlySpan<byte> args, int size)
    {
        ReadOnlySpan<byte> afterSubject = args[(args.IndexOf((byte)' ') + 1)..];
        ReadOnlySpan<byte> afterSid = afterSubject[(afterSubject.IndexOf((byte)' ') + 1)..];
        int lastSpace = afterSid.LastIndexOf((byte)' ');
        if (lastSpace < 0 || 4 + afterSid.Length + 2 > MaxHead || size > _reply.Length - MaxHead - 2)
        {
            // No reply subject, or not a request this responder was sized for: nothing to answer.
            _head = 0;
            return;
        }

        Span<byte> head = _reply;
        "PUB "u8.CopyTo(head);
        afterSid.CopyTo(head[4..]);
        "\r\n"u8.CopyTo(head[(4 + afterSid.Length)..]);
        _head = 4 + afterSid.Length + 2;
        _size = size;
    }

    public void OnMsgEnd()
    {
        if (_head == 0)
        {
            return;
        }

        // The payload bytes are whatever the buffer holds: a benchmark reply's content is irrelevant,
        // only its size is.
        "\r\n"u8.CopyTo(_reply.AsSpan(_head + _size));
        _socket.Send(_reply.AsSpan(0, _head + _size + 2));
        _head = 0;
    }

    public void OnPing() => Pings++;

    public readonly void OnPong()
    {
    }
}
