using System.Buffers.Binary;

namespace Nats.Edge.Server.Compression;

/// <summary>
/// Gathers bytes into blocks and frames each as one chunk of an S2 stream, the stream identifier
/// before the first. It does no I/O: each framed chunk comes back as memory for the caller to write,
/// valid until the next call. Buffers come from the shared pool and go back on <see cref="Dispose"/>.
/// </summary>
internal sealed class S2FrameEncoder : IDisposable
{
    /// <summary>
    /// The most data one chunk carries. Snappy's framing caps a block at 64 KiB and S2's at 4 MiB; staying
    /// under 64 KiB lets any S2 or Snappy reader take our chunks, keeps hash positions in 16 bits, and
    /// leaves room for the framing so a whole chunk fits one 64 KiB pooled buffer.
    /// </summary>
    public const int BlockSize = (64 * 1024) - 32;

    private const int ChunkOverhead = S2Format.ChunkHeaderSize + S2Format.ChecksumSize;

    private byte[] _block;
    private int _blockLength;
    private byte[] _output;
    private ushort[] _table;
    private readonly bool _store;
    private bool _wroteIdentifier;

    // Written by the one thread using this side, read by monitoring from any.
    private long _uncompressedBytes;
    private long _compressedBytes;

    /// <param name="store">Sends every chunk uncompressed (s2_uncompressed): the framing and checksums without the CPU.</param>
    public S2FrameEncoder(bool store = false)
    {
        _store = store;
        _block = ArrayPool<byte>.Shared.Rent(BlockSize);
        _output = ArrayPool<byte>.Shared.Rent(S2Format.S2StreamIdentifier.Length + ChunkOverhead + BlockSize);
        _table = ArrayPool<ushort>.Shared.Rent(S2BlockEncoder.TableSize);
    }

    /// <summary>Bytes taken in to be compressed.</summary>
    public long UncompressedBytes => Volatile.Read(ref _uncompressedBytes);

    /// <summary>Stream bytes produced, framing included.</summary>
    public long CompressedBytes => Volatile.Read(ref _compressedBytes);

    public bool HasPending => _blockLength > 0;

    public bool IsFull => _blockLength == BlockSize;

    /// <summary>Copies as much of <paramref name="data"/> as the block has room for; returns how much.</summary>
    public int Append(ReadOnlySpan<byte> data)
    {
        var n = Math.Min(data.Length, BlockSize - _blockLength);
        data[..n].CopyTo(_block.AsSpan(_blockLength));
        _blockLength += n;
        return n;
    }

    /// <summary>Frames what <see cref="Append"/> gathered as one chunk and empties the block.</summary>
    public ReadOnlyMemory<byte> EncodePending()
    {
        var framed = Frame(_block.AsSpan(0, _blockLength));
        _blockLength = 0;
        return framed;
    }

    /// <summary>
    /// Frames <paramref name="data"/> (at most <see cref="BlockSize"/> bytes) as one chunk without
    /// gathering it first; only while nothing is pending, so bytes keep their order.
    /// </summary>
    public ReadOnlyMemory<byte> EncodeBlock(ReadOnlySpan<byte> data)
    {
        if (_blockLength > 0 || data.Length > BlockSize)
        {
            throw new InvalidOperationException("S2 block out of order or too large");
        }

        return Frame(data);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_block);
        ArrayPool<byte>.Shared.Return(_output);
        ArrayPool<ushort>.Shared.Return(_table);
        _block = _output = [];
        _table = [];
        _blockLength = 0;
    }

    private ReadOnlyMemory<byte> Frame(ReadOnlySpan<byte> data)
    {
        var output = _output.AsSpan();
        var o = 0;
        if (!_wroteIdentifier)
        {
            S2Format.S2StreamIdentifier.CopyTo(output);
            o = S2Format.S2StreamIdentifier.Length;
            _wroteIdentifier = true;
        }

        var body = o + ChunkOverhead;

        // A compressed chunk must save at least 1/32 of the data, or the peer's decoding work buys
        // nothing: the data then goes as it is.
        var budget = data.Length - (data.Length >> 5) - 1;
        var encoded = budget > 2 && !_store ? S2BlockEncoder.Encode(data, output.Slice(body, budget), _table) : 0;
        var type = S2Format.CompressedChunk;
        if (encoded == 0)
        {
            data.CopyTo(output[body..]);
            encoded = data.Length;
            type = S2Format.UncompressedChunk;
        }

        var chunkLength = S2Format.ChecksumSize + encoded;
        BinaryPrimitives.WriteUInt32LittleEndian(output[o..], (uint)(chunkLength << 8) | type);
        BinaryPrimitives.WriteUInt32LittleEndian(output[(o + S2Format.ChunkHeaderSize)..], S2Format.MaskedChecksum(data));

        var total = body + encoded;
        Volatile.Write(ref _uncompressedBytes, _uncompressedBytes + data.Length);
        Volatile.Write(ref _compressedBytes, _compressedBytes + total);
        return _output.AsMemory(0, total);
    }
}
