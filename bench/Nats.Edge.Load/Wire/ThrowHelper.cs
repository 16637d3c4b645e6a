using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Nats.Edge.Load.Wire;

/// <summary>Throws kept out of the scan loop so it stays small enough to inline well.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ServerError(ReadOnlySpan<byte> line) =>
        throw new IOException($"server sent {Encoding.UTF8.GetString(line)}");

    [DoesNotReturn]
    public static void UnexpectedLine(ReadOnlySpan<byte> line) =>
        throw new IOException($"unexpected protocol line: {Encoding.UTF8.GetString(line[..Math.Min(line.Length, 200)])}");

    [DoesNotReturn]
    public static void LineTooLong() => throw new IOException("control line from server longer than 64 KiB");

    [DoesNotReturn]
    public static void Closed() => throw new IOException("server closed the connection");

    [DoesNotReturn]
    public static void TimedOut(string what) => throw new TimeoutException($"timed out waiting for {what}");
}
