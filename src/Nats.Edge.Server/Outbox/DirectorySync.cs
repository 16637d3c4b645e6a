using System.Runtime.InteropServices;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// fsync on a directory, which .NET has no call for: a new file's name, or a rename, reaches the
/// medium only when its directory is synced, so a power cut right after could lose a whole segment
/// that was itself synced.
/// </summary>
internal static partial class DirectorySync
{
    // open(2)'s O_RDONLY | O_CLOEXEC (02000000 on x86-64 and arm64 alike): read-only is all fsync
    // needs, and no child process inherits the descriptor.
    private const int ReadOnlyCloseOnExec = 0x80000;

    /// <summary>Syncs <paramref name="directory"/>; does nothing where there is no glibc to ask (not Linux, or musl).</summary>
    /// <exception cref="IOException">The directory could not be opened or synced.</exception>
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int descriptor;
        try
        {
            descriptor = Open(directory, ReadOnlyCloseOnExec);
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return;
        }

        if (descriptor < 0)
        {
            throw new IOException($"cannot open {directory} to sync it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"cannot sync {directory} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc.so.6", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc.so.6", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
