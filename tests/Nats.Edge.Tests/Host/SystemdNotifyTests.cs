using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Nats.Edge.Hosting;
using Nats.Edge.Server.Logging;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>What a <c>Type=notify</c> systemd unit hears from nats-edge on <c>$NOTIFY_SOCKET</c>.</summary>
public sealed class SystemdNotifyTests
{
    [Fact]
    public async Task Ready_is_sent_once_the_client_port_accepts_connections()
    {
        using var systemd = NotifySocket.AtPath();
        var port = TestPorts.Free();
        await using var edge = EdgeProcess.Start(NotifyingAt(systemd), "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture));

        Assert.Equal("READY=1", await systemd.ReceiveAsync());

        // Nothing waits on the log here: READY=1 alone must mean the listener is up.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TestTimeouts.Reply);
        await edge.WaitForLogAsync("Server is ready");
    }

    [Fact]
    public async Task Stopping_is_sent_when_sigterm_stops_the_server()
    {
        using var systemd = NotifySocket.AtPath();
        await using var edge = EdgeProcess.Start(NotifyingAt(systemd), "-a", "127.0.0.1", "-p", "-1");
        Assert.Equal("READY=1", await systemd.ReceiveAsync());

        edge.Signal(Posix.SigTerm);

        Assert.Equal("STOPPING=1", await systemd.ReceiveAsync());
        Assert.Equal(0, await edge.WaitForExitAsync());
    }

    [Fact]
    public async Task Sighup_reload_is_framed_by_reloading_and_ready()
    {
        using var systemd = NotifySocket.AtPath();
        using var folder = new TempConfigFolder();
        var config = folder.Write("edge.json", """{ "host": "127.0.0.1", "port": -1, "max_payload": 1024 }""");
        await using var edge = EdgeProcess.Start(NotifyingAt(systemd), "-c", config);
        Assert.Equal("READY=1", await systemd.ReceiveAsync());

        folder.Write("edge.json", """{ "host": "127.0.0.1", "port": -1, "max_payload": 2048 }""");
        edge.Signal(Posix.SigHup);

        Assert.Equal("RELOADING=1", await systemd.ReceiveAsync());
        Assert.Equal("READY=1", await systemd.ReceiveAsync());
        await edge.WaitForLogAsync("Reloaded server configuration");
    }

    [Fact]
    public async Task Leading_at_names_a_socket_in_the_abstract_namespace()
    {
        using var systemd = NotifySocket.Abstract();
        var notifier = new SystemdNotifier(systemd.Address, ServerLog.None);

        notifier.Ready();

        Assert.Equal("READY=1", await systemd.ReceiveAsync());
    }

    [Fact]
    public void Relative_socket_name_is_logged_as_a_warning_and_not_fatal()
    {
        var lines = new StringWriter();
        var notifier = new SystemdNotifier("notify", new ServerLog(lines));

        notifier.Ready();

        Assert.Contains("[WRN] Cannot notify systemd (READY=1) at notify", lines.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> NotifyingAt(NotifySocket systemd) =>
        new() { [SystemdNotifier.SocketVariable] = systemd.Address };
}
