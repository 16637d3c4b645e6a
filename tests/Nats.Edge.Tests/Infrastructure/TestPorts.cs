using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// Loopback ports for configs that must name one up front (nats-server has no "pick one" for leafnode
/// ports) and for servers restarted on the port they had. A port handed out here stays this test
/// process's until it exits: nothing else can take it between here and the server's bind.
/// </summary>
/// <remarks>
/// A port the kernel picks for a bind to port 0 is no good for that: it is free again once the probe
/// closes, and every other server of the parallel suite gets its ports by binding port 0 (over
/// SO_REUSEADDR both .NET and Go draw from the same odd ports of the lower half of the ephemeral
/// range, about 7,000 of them), so one of them could take it before the server it was meant for got
/// there. These ports come from below the ephemeral range instead, which the kernel never hands to a
/// port-0 bind or to an outgoing connection; a lock file per port keeps other test runs on the same
/// machine off the ones this process holds.
/// </remarks>
public static class TestPorts
{
    // 8,192 ports: a run hands out about 130, and several runs may share the machine.
    private const int RangeSize = 8192;

    private static readonly (int First, int Count) Range = OutsideEphemeralRange();

    private static readonly string LockFolder = Path.Combine(Path.GetTempPath(), "nats-edge-test-ports");

    // Open with FileShare.None, which .NET turns into flock(LOCK_EX): released when the process ends,
    // however it ends, so a crashed run leaves no port reserved.
    private static readonly List<FileStream> Held = [];

    // Concurrent runs start at different places in the range instead of all contending for its first ports.
    private static int s_next = Random.Shared.Next(RangeSize);

    /// <summary>A loopback port no other server can bind until this test process exits.</summary>
    public static int Free()
    {
        lock (Held)
        {
            Directory.CreateDirectory(LockFolder);
            for (var tried = 0; tried < Range.Count; tried++)
            {
                var port = Range.First + (s_next++ % Range.Count);
                if (TryReserve(port) is { } reservation)
                {
                    Held.Add(reservation);
                    return port;
                }
            }
        }

        throw new InvalidOperationException(
            $"No free test port left in {Range.First}-{Range.First + Range.Count - 1} (lock files in {LockFolder}).");
    }

    private static FileStream? TryReserve(int port)
    {
        FileStream reservation;
        try
        {
            reservation = new FileStream(
                Path.Combine(LockFolder, port.ToString(CultureInfo.InvariantCulture)), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another test process holds it (or another user's run left a file we may not open).
            return null;
        }

        if (IsBindable(port))
        {
            return reservation;
        }

        reservation.Dispose();
        return null;
    }

    // Something outside the suite may listen there. SO_REUSEADDR as the servers set it: a port whose
    // last connections sit in TIME_WAIT is one they can bind, so it counts as free.
    private static bool IsBindable(int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            probe.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Just below the kernel's range for port-0 binds and outgoing connections (32768-60999 by
    // default), or just above it when it starts too low to leave room.
    private static (int First, int Count) OutsideEphemeralRange()
    {
        var (low, high) = EphemeralRange();
        if (low - RangeSize >= 1024)
        {
            return (low - RangeSize, RangeSize);
        }

        if (high + RangeSize <= IPEndPoint.MaxPort)
        {
            return (high + 1, RangeSize);
        }

        throw new InvalidOperationException(
            $"The ephemeral port range {low}-{high} leaves no {RangeSize} ports outside it for the tests' servers.");
    }

    private static (int Low, int High) EphemeralRange()
    {
        const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        var fields = File.ReadAllText(RangeFile).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return (int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture));
    }
}
