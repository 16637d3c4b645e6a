using Microsoft.Win32.SafeHandles;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// Every file operation the outbox makes, so tests can fail them (a full disk, a dying card) where
/// the real file system would not. Any member may throw <see cref="IOException"/>.
/// </summary>
internal interface IOutboxFiles
{
    /// <summary>Opens a file for positional reads and writes: a new empty one when <paramref name="create"/>, else an existing one.</summary>
    SafeFileHandle OpenWrite(string path, bool create);

    /// <summary>Opens an existing file for positional reads; a writer may keep appending and the file may be deleted meanwhile.</summary>
    SafeFileHandle OpenRead(string path);

    void Write(SafeFileHandle file, ReadOnlySpan<byte> bytes, long offset);

    int Read(SafeFileHandle file, Span<byte> buffer, long offset);

    long Length(SafeFileHandle file);

    /// <summary>Cuts a file to <paramref name="length"/>: only recovery does this, to drop a torn tail.</summary>
    void Truncate(SafeFileHandle file, long length);

    /// <summary>fsync: the bytes written so far reach the medium.</summary>
    void Flush(SafeFileHandle file);

    void Delete(string path);

    /// <summary>The names (not paths) of the files in <paramref name="directory"/> ending in <paramref name="extension"/>.</summary>
    IReadOnlyList<string> List(string directory, string extension);

    /// <summary>A small file's whole content, or null when it does not exist.</summary>
    byte[]? ReadAll(string path);

    /// <summary>Replaces a small file's content without rewriting it in place: a synced temporary file renamed over it.</summary>
    void Replace(string path, ReadOnlySpan<byte> content);

    void CreateDirectory(string path);

    /// <summary>fsync on a directory: a file created or renamed in it stays there after a power cut.</summary>
    void FlushDirectory(string path);
}
