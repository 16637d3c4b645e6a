using System.Buffers.Binary;

namespace Nats.Edge.Server.Compression;

/// <summary>
/// Turns the chunks of an S2 (or Snappy) stream back into the bytes they carry. It does no I/O: the
/// caller fills <see cref="GetInputBuffer"/> from the wire and asks <see cref="Decode"/> for bytes, so
/// the same code serves blocking and asynchronous reads. Buffers come from the shared pool and go back
/// on <see cref="Dispose"/>.
/// </summary>
internal sealed class S2FrameDecoder : IDisposable
{
    private const int InitialInputSize = 64 * 1024;

    private byte[] _input;
    private int _inputStart;
    private int _inputEnd;

    // Decoded bytes not yet handed out: in _decoded, or in _input for an uncompressed chunk.
    private byte[]? _decoded;
    private byte[]? _pending;
    private int _pendingStart;
    private int _pendingEnd;

    private int _skipRemaining;
    private bool _sawIdentifier;
    private int _maxBlockSize = S2Format.MaxS2BlockSize;

    // Written by the one thread using this side, read by monitoring from any.
    private long _compressedBytes;
    private long _decompressedBytes;

    public S2FrameDecoder()
    {
        _input = ArrayPool<byte>.Shared.Rent(InitialInputSize);
    }

    /// <summary>Stream bytes taken in, framing included.</summary>
    public long CompressedBytes => Volatile.Read(ref _compressedBytes);

    /// <summary>Bytes handed out by <see cref="Decode"/>.</summary>
    public long DecompressedBytes => Volatile.Read(ref _decompressedBytes);

    /// <summary>Whether bytes are held here, decoded or not: a reader need not wait on the wire for more.</summary>
    public bool HasBuffered => _pendingStart < _pendingEnd || _inputEnd > _inputStart;

    /// <summary>
    /// Where the next bytes from the wire go: free room at the end of the input, made large enough for
    /// the whole chunk under way.
    /// </summary>
    public Memory<byte> GetInputBuffer()
    {
        var needed = NeededForNextChunk();
        if (_inputStart > 0 && (_inputStart == _inputEnd || _input.Length - _inputStart < needed))
        {
            var buffered = _inputEnd - _inputStart;
            _input.AsSpan(_inputStart, buffered).CopyTo(_input);
            _inputStart = 0;
            _inputEnd = buffered;
        }

        if (_input.Length < needed)
        {
            var larger = ArrayPool<byte>.Shared.Rent(needed);
            _input.AsSpan(_inputStart, _inputEnd - _inputStart).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_input);
            _inputEnd -= _inputStart;
            _inputStart = 0;
            _input = larger;
        }

        return _input.AsMemory(_inputEnd);
    }

    /// <summary>Takes in <paramref name="count"/> bytes written into <see cref="GetInputBuffer"/>.</summary>
    public void Advance(int count)
    {
        _inputEnd += count;
        Volatile.Write(ref _compressedBytes, _compressedBytes + count);
    }

    /// <summary>
    /// Says the wire has ended: fine between chunks, an <see cref="EndOfStreamException"/> inside one.
    /// </summary>
    public void Complete()
    {
        if (_inputEnd > _inputStart || _skipRemaining > 0)
        {
            throw new EndOfStreamException("S2 stream ended inside a chunk");
        }
    }

    /// <summary>
    /// Writes decoded bytes into <paramref name="destination"/>; 0 means more input is needed first
    /// (or <paramref name="destination"/> is empty).
    /// </summary>
    public int Decode(Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            if (_pendingStart < _pendingEnd)
            {
                var n = Math.Min(destination.Length, _pendingEnd - _pendingStart);
                _pending.AsSpan(_pendingStart, n).CopyTo(destination);
                _pendingStart += n;
                Volatile.Write(ref _decompressedBytes, _decompressedBytes + n);
                return n;
            }

            var direct = NextChunk(destination, out var more);
            if (direct > 0)
            {
                Volatile.Write(ref _decompressedBytes, _decompressedBytes + direct);
                return direct;
            }

            if (!more)
            {
                return 0;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_input);
        _input = [];
        if (_decoded is not null)
        {
            ArrayPool<byte>.Shared.Return(_decoded);
            _decoded = null;
        }

        _pending = null;
        _inputStart = _inputEnd = _pendingStart = _pendingEnd = 0;
    }

    private int NeededForNextChunk()
    {
        var buffered = _inputEnd - _inputStart;
        if (_skipRemaining > 0 || buffered < S2Format.ChunkHeaderSize)
        {
            return S2Format.ChunkHeaderSize;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(_input.AsSpan(_inputStart)) >> 8;
        return S2Format.ChunkHeaderSize + (int)length;
    }

    // Consumes the next chunk if it is all buffered. Returns bytes decoded straight into destination;
    // otherwise `more` says whether another chunk may follow from what is buffered, or pending bytes
    // are set.
    private int NextChunk(Span<byte> destination, out bool more)
    {
        more = false;
        var buffered = _inputEnd - _inputStart;
        if (_skipRemaining > 0)
        {
            var skipped = Math.Min(_skipRemaining, buffered);
            _inputStart += skipped;
            _skipRemaining -= skipped;
            more = _skipRemaining == 0;
            return 0;
        }

        if (buffered < S2Format.ChunkHeaderSize)
        {
            return 0;
        }

        var header = _input.AsSpan(_inputStart, S2Format.ChunkHeaderSize);
        var type = header[0];
        var length = (int)(BinaryPrimitives.ReadUInt32LittleEndian(header) >> 8);
        if (!_sawIdentifier && type != S2Format.StreamIdentifierChunk)
        {
            throw new InvalidDataException("S2 stream does not start with a stream identifier");
        }

        switch (type)
        {
            case S2Format.StreamIdentifierChunk when length != S2Format.S2Magic.Length:
                throw new InvalidDataException("S2 stream identifier of the wrong length");
            case S2Format.CompressedChunk or S2Format.UncompressedChunk when length > S2Format.MaxDataChunkLength:
                throw new InvalidDataException($"S2 chunk of {length} bytes is larger than any block");
            case > S2Format.UncompressedChunk and <= S2Format.LastUnskippableChunk:
                throw new InvalidDataException($"S2 stream has reserved chunk type 0x{type:x2}");
            case > S2Format.LastUnskippableChunk and < S2Format.StreamIdentifierChunk:
                // Padding and skippable chunks are passed over as they arrive, never held whole.
                _inputStart += S2Format.ChunkHeaderSize;
                _skipRemaining = length;
                more = true;
                return 0;
        }

        if (buffered < S2Format.ChunkHeaderSize + length)
        {
            return 0;
        }

        var body = _input.AsSpan(_inputStart + S2Format.ChunkHeaderSize, length);
        var bodyStart = _inputStart + S2Format.ChunkHeaderSize;
        _inputStart += S2Format.ChunkHeaderSize + length;
        more = true;
        switch (type)
        {
            case S2Format.StreamIdentifierChunk:
                ReadIdentifier(body);
                return 0;
            case S2Format.UncompressedChunk:
            {
                var data = Data(body);
                Verify(body, data);
                _pending = _input;
                _pendingStart = bodyStart + S2Format.ChecksumSize;
                _pendingEnd = _pendingStart + data.Length;
                return 0;
            }

            case S2Format.CompressedChunk:
            {
                var block = Data(body);
                var size = S2BlockDecoder.DecodedLength(block, out var lengthBytes);
                if (size > _maxBlockSize)
                {
                    throw new InvalidDataException($"S2 block of {size} bytes is larger than the stream allows");
                }

                // Straight into the caller's buffer when it has room: no second copy.
                Span<byte> target;
                if (size <= destination.Length)
                {
                    target = destination[..size];
                }
                else
                {
                    if (_decoded is null || _decoded.Length < size)
                    {
                        if (_decoded is not null)
                        {
                            ArrayPool<byte>.Shared.Return(_decoded);
                        }

                        _decoded = null;
                        _decoded = ArrayPool<byte>.Shared.Rent(size);
                    }

                    target = _decoded.AsSpan(0, size);
                }

                S2BlockDecoder.Decode(block[lengthBytes..], target);
                Verify(body, target);
                if (size > 0 && size <= destination.Length)
                {
                    more = false;
                    return size;
                }

                _pending = _decoded;
                _pendingStart = 0;
                _pendingEnd = size;
                return 0;
            }

            default:
                return 0;
        }
    }

    private static ReadOnlySpan<byte> Data(ReadOnlySpan<byte> body)
    {
        if (body.Length < S2Format.ChecksumSize)
        {
            throw new InvalidDataException("S2 data chunk too short for its checksum");
        }

        return body[S2Format.ChecksumSize..];
    }

    private void Verify(ReadOnlySpan<byte> body, ReadOnlySpan<byte> data)
    {
        if (data.Length > _maxBlockSize)
        {
            throw new InvalidDataException($"S2 block of {data.Length} bytes is larger than the stream allows");
        }

        if (S2Format.MaskedChecksum(data) != BinaryPrimitives.ReadUInt32LittleEndian(body))
        {
            throw new InvalidDataException("S2 chunk checksum mismatch");
        }
    }

    private void ReadIdentifier(ReadOnlySpan<byte> body)
    {
        // A stream may repeat its identifier (streams concatenated); each one sets the block limit.
        if (body.SequenceEqual(S2Format.S2Magic))
        {
            _maxBlockSize = S2Format.MaxS2BlockSize;
        }
        else if (body.SequenceEqual(S2Format.SnappyMagic))
        {
            _maxBlockSize = S2Format.MaxSnappyBlockSize;
        }
        else
        {
            throw new InvalidDataException("S2 stream identifier is neither S2 nor Snappy");
        }

        _sawIdentifier = true;
    }
}
