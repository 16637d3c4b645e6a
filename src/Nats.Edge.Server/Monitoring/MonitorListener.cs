using System.Net;
using System.Net.Sockets;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// Binds the HttpListener monitoring runs on. HttpListener matches each request's Host header
/// against its prefixes: a wildcard host takes any Host but binds IPv4's any-address only; a
/// specific address takes requests naming that address, and <c>localhost</c> too when that
/// resolves to it, so <c>curl http://localhost:8222/varz</c> works on loopback.
/// </summary>
internal static class MonitorListener
{
    private const int ProbeAttempts = 5;

    /// <summary>
    /// Starts listening on <paramref name="host"/>:<paramref name="port"/>, where -1 picks a free port.
    /// Throws <see cref="HttpListenerException"/> when the port cannot be bound.
    /// </summary>
    public static async Task<(HttpListener Listener, IPEndPoint EndPoint)> StartAsync(string host, int port, CancellationToken cancellationToken)
    {
        var address = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var candidate = port == -1 ? FreePort(address) : port;
            var listener = new HttpListener();
            foreach (var prefix in Prefixes(host, address, candidate))
            {
                listener.Prefixes.Add(prefix);
            }

            try
            {
                listener.Start();
                return (listener, new IPEndPoint(address, candidate));
            }
            catch (HttpListenerException) when (port == -1 && attempt < ProbeAttempts)
            {
                // Someone took the probed port before we bound it: probe again.
                listener.Close();
            }
        }
    }

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IsWildcard(host))
        {
            return IPAddress.Any;
        }

        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return addresses.Length > 0 ? addresses[0] : throw new SocketException((int)SocketError.HostNotFound);
    }

    private static bool IsWildcard(string host) => host is "" or "0.0.0.0" or "::" or "[::]";

    private static List<string> Prefixes(string host, IPAddress address, int port)
    {
        if (IsWildcard(host))
        {
            return [$"http://+:{port}/"];
        }

        var literal = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        List<string> prefixes = [$"http://{literal}:{port}/"];
        if (IPAddress.IsLoopback(address) && ResolvesTo("localhost", address))
        {
            prefixes.Add($"http://localhost:{port}/");
        }

        return prefixes;
    }

    // A name whose first address is another one would make HttpListener bind that one as well.
    private static bool ResolvesTo(string name, IPAddress address)
    {
        try
        {
            var addresses = Dns.GetHostAddresses(name);
            return addresses.Length > 0 && addresses[0].Equals(address);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // HttpListener takes no port 0, so a free port is found by binding one and letting it go.
    private static int FreePort(IPAddress address)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
