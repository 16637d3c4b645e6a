using Microsoft.Win32.SafeHandles;

namespace Nats.Edge.Server.Outbox;

/// <summary>The outbox's file operations on the real file system.</summary>
internal sealed class OutboxFiles : IOutboxFiles
{
    public static OutboxFiles Instance { get; } = new();

    public SafeFileHandle OpenWrite(string path, bool create) =>
        File.OpenHandle(path, create ? FileMode.Create : FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);

    // FileShare.Delete: the writer deletes acknowledged segments while a reader may still hold one open.
    public SafeFileHandle OpenRead(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    public void Write(SafeFileHandle file, ReadOnlySpan<byte> bytes, long offset) => RandomAccess.Write(file, bytes, offset);

    public int Read(SafeFileHandle file, Span<byte> buffer, long offset) => RandomAccess.Read(file, buffer, offset);

    public long Length(SafeFileHandle file) => RandomAccess.GetLength(file);

    public void Truncate(SafeFileHandle file, long length) => RandomAccess.SetLength(file, length);

    public void Flush(SafeFileHandle file) => RandomAccess.FlushToDisk(file);

    public void Delete(string path) => File.Delete(path);

    public IReadOnlyList<string> List(string directory, string extension)
    {
        var names = new List<string>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + extension))
        {
            names.Add(Path.GetFileName(path));
        }

        return names;
    }

    public byte[]? ReadAll(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;

    public void Replace(string path, ReadOnlySpan<byte> content)
    {
        var temporary = path + ".tmp";
        using (var file = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(file, content, 0);
            RandomAccess.FlushToDisk(file);
        }

        // rename(2) over the old file is atomic: a power cut leaves the old content or the new, never
        // half, once the directory holding the new name is synced too.
        File.Move(temporary, path, overwrite: true);
        FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public void FlushDirectory(string path) => DirectorySync.Flush(path);
}
