using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Free loopback ports for configs that must name one up front (nats-server has no "pick one" for leafnode ports).</summary>
public static class TestPorts
{
    // Ports under this are never handed out for port 0 or outgoing connections; Linux's default
    // range starts here when /proc does not say otherwise.
    private const int DefaultEphemeralStart = 32768;

    // Well above the registered ports most services use.
    private const int LowestForRestart = 20000;

    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>
    /// <paramref name="count"/> different free ports below the kernel's ephemeral range, for a server
    /// that is killed and started again on the same ports: while it is down, a port from the
    /// ephemeral range may go to anyone binding port 0 or dialling out (a parallel suite does both
    /// all the time), and the restart then fails with "address already in use".
    /// </summary>
    public static int[] FreeForRestart(int count)
    {
        var probes = new List<TcpListener>();
        try
        {
            var end = Math.Max(EphemeralStart(), LowestForRestart + 1000);
            while (probes.Count < count)
            {
                var probe = new TcpListener(IPAddress.Loopback, Random.Shared.Next(LowestForRestart, end));
                try
                {
                    probe.Start();
                    probes.Add(probe);
                }
                catch (SocketException)
                {
                    // Taken: draw another.
                }
            }

            // Every probe stays bound until all are drawn, so no port is drawn twice.
            return [.. probes.Select(probe => ((IPEndPoint)probe.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var probe in probes)
            {
                probe.Stop();
            }
        }
    }

    private static int EphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return DefaultEphemeralStart;
        }
    }
}
