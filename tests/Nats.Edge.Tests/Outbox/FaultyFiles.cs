using Microsoft.Win32.SafeHandles;
using Nats.Edge.Server.Outbox;

namespace Nats.Edge.Tests.Outbox;

/// <summary>
/// The real file system with switches: a full disk (every write, sync and new file fails as ENOSPC
/// does), a stalled disk (writes wait for the test), and counts of the calls made.
/// </summary>
internal sealed class FaultyFiles : IOutboxFiles
{
    private readonly OutboxFiles _real = OutboxFiles.Instance;
    private readonly ManualResetEventSlim _flowing = new(true);
    private volatile bool _full;
    private int _writes;
    private int _flushes;
    private int _directoryFlushes;

    public bool Full
    {
        get => _full;
        set => _full = value;
    }

    public int Writes => Volatile.Read(ref _writes);

    public int Flushes => Volatile.Read(ref _flushes);

    /// <summary>Directory syncs: each new segment's name, and each replaced cursor's.</summary>
    public int DirectoryFlushes => Volatile.Read(ref _directoryFlushes);

    /// <summary>Writes wait until <see cref="Resume"/>.</summary>
    public void Stall() => _flowing.Reset();

    public void Resume() => _flowing.Set();

    public SafeFileHandle OpenWrite(string path, bool create)
    {
        ThrowWhenFull();
        return _real.OpenWrite(path, create);
    }

    public SafeFileHandle OpenRead(string path) => _real.OpenRead(path);

    public void Write(SafeFileHandle file, ReadOnlySpan<byte> bytes, long offset)
    {
        _flowing.Wait();
        ThrowWhenFull();
        Interlocked.Increment(ref _writes);
        _real.Write(file, bytes, offset);
    }

    public int Read(SafeFileHandle file, Span<byte> buffer, long offset) => _real.Read(file, buffer, offset);

    public long Length(SafeFileHandle file) => _real.Length(file);

    public void Truncate(SafeFileHandle file, long length) => _real.Truncate(file, length);

    public void Flush(SafeFileHandle file)
    {
        ThrowWhenFull();
        Interlocked.Increment(ref _flushes);
        _real.Flush(file);
    }

    public void Delete(string path) => _real.Delete(path);

    public IReadOnlyList<string> List(string directory, string extension) => _real.List(directory, extension);

    public byte[]? ReadAll(string path) => _real.ReadAll(path);

    public void Replace(string path, ReadOnlySpan<byte> content)
    {
        ThrowWhenFull();
        _real.Replace(path, content);
    }

    public void CreateDirectory(string path) => _real.CreateDirectory(path);

    public void FlushDirectory(string path)
    {
        ThrowWhenFull();
        Interlocked.Increment(ref _directoryFlushes);
        _real.FlushDirectory(path);
    }

    private void ThrowWhenFull()
    {
        if (_full)
        {
            throw new IOException("No space left on device");
        }
    }
}
