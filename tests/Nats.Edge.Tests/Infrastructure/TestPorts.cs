using System.Net;
using System.Net.Sockets;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Free loopback ports for configs that must name one up front (nats-server has no "pick one" for leafnode ports).</summary>
public static class TestPorts
{
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
