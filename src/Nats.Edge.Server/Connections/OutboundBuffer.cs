namespace Nats.Edge.Server.Connections;

/// <summary>
/// A connection's pending output: pooled 64 KiB chunks that any publisher's thread appends to under
/// a short lock, and that the connection's one send loop takes in a batch. A pipe writer cannot be
/// shared by concurrent writers, which is why this is not one.
/// </summary>
internal sealed class OutboundBuffer(ChunkPool pool)
{
    private readonly Lock _sync = new();
    private List<ArraySegment<byte>> _filled = [];
    private byte[]? _tail;
    private int _tailUsed;
    private long _pendingBytes;
    private bool _discarded;

    // Counted under the lock every append takes anyway: publishers on any thread add to them, and
    // the lock makes a plain increment safe without an extra interlocked operation per message (an
    // exclusive load/store loop with barriers on a Pi 4, which has no single-instruction atomics).
    // _pendingBytes too: the send loop takes its bytes off under the same lock, once per batch.
    private long _messages;
    private long _payloadBytes;

    /// <summary>Bytes appended and not yet sent.</summary>
    public long PendingBytes => Volatile.Read(ref _pendingBytes);

    /// <summary>Messages queued for the connection so far (nats-server's <c>out_msgs</c>).</summary>
    public long Messages => Volatile.Read(ref _messages);

    /// <summary>Payload bytes of those messages, headers included when sent (<c>out_bytes</c>).</summary>
    public long PayloadBytes => Volatile.Read(ref _payloadBytes);

    /// <summary>Appends a protocol line that is not a message (PONG, +OK, -ERR, INFO).</summary>
    public long Append(ReadOnlySpan<byte> line)
    {
        lock (_sync)
        {
            if (_discarded)
            {
                return 0;
            }

            CopyIn(line);
            return _pendingBytes += line.Length;
        }
    }

    /// <summary>
    /// Appends one delivery: its control line, the payload and the closing CR LF. Returns the bytes
    /// now pending, for the caller's slow-consumer check.
    /// </summary>
    public long AppendMessage(ReadOnlySpan<byte> line, in ReadOnlySequence<byte> payload)
    {
        lock (_sync)
        {
            if (_discarded)
            {
                return 0;
            }

            CopyIn(line);
            if (payload.IsSingleSegment)
            {
                CopyIn(payload.FirstSpan);
            }
            else
            {
                foreach (var segment in payload)
                {
                    CopyIn(segment.Span);
                }
            }

            CopyIn("\r\n"u8);
            var payloadLength = payload.Length;
            _messages++;
            _payloadBytes += payloadLength;
            return _pendingBytes += line.Length + payloadLength + 2;
        }
    }

    /// <summary>Moves everything pending into <paramref name="batch"/>; false when nothing was pending.</summary>
    public bool TakeAll(ref List<ArraySegment<byte>> batch)
    {
        lock (_sync)
        {
            if (_tailUsed > 0)
            {
                _filled.Add(new ArraySegment<byte>(_tail!, 0, _tailUsed));
                _tail = null;
                _tailUsed = 0;
            }

            if (_filled.Count == 0)
            {
                return false;
            }

            // Swap lists so appenders keep going while the sender writes.
            (batch, _filled) = (_filled, batch);
            return true;
        }
    }

    /// <summary>Returns a sent batch's chunks to the pool and takes their bytes off the pending count.</summary>
    public void Release(List<ArraySegment<byte>> batch)
    {
        long sent = 0;
        foreach (var chunk in batch)
        {
            sent += chunk.Count;
            pool.Return(chunk.Array!);
        }

        batch.Clear();
        lock (_sync)
        {
            // Discarded meanwhile: the count is already zero and stays there.
            if (!_discarded)
            {
                _pendingBytes -= sent;
            }
        }
    }

    /// <summary>Drops everything pending and refuses further appends: the connection is gone.</summary>
    public void Discard()
    {
        lock (_sync)
        {
            _discarded = true;
            foreach (var chunk in _filled)
            {
                pool.Return(chunk.Array!);
            }

            _filled.Clear();
            if (_tail is not null)
            {
                pool.Return(_tail);
                _tail = null;
                _tailUsed = 0;
            }

            Volatile.Write(ref _pendingBytes, 0);
        }
    }

    private void CopyIn(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_tail is null || _tailUsed == _tail.Length)
            {
                if (_tail is not null)
                {
                    _filled.Add(new ArraySegment<byte>(_tail, 0, _tailUsed));
                }

                _tail = pool.Rent();
                _tailUsed = 0;
            }

            var room = _tail.Length - _tailUsed;
            var count = Math.Min(room, bytes.Length);
            bytes[..count].CopyTo(_tail.AsSpan(_tailUsed));
            _tailUsed += count;
            bytes = bytes[count..];
        }
    }
}
