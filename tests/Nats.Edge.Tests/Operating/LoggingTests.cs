using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Nats.Edge.Logging;
using Nats.Edge.Server.Logging;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Operating;

/// <summary>Where the log goes and in what shape: file with rotation and reopen, syslog, timestamps.</summary>
public sealed partial class LoggingTests
{
    [Fact]
    public async Task Log_file_past_its_size_limit_is_rotated_to_a_timestamped_backup()
    {
        var folder = Directory.CreateTempSubdirectory("nats-edge-rotate-").FullName;
        var path = Path.Combine(folder, "edge.log");
        await using var edge = EdgeProcess.Start("-a", "127.0.0.1", "-p", "-1", "-l", path, "--log_size_limit", "1KB", "-D");

        // Each connection logs two debug lines; a few dozen pass 1 KB more than once.
        await Poll.UntilAsync(() => File.Exists(path) && File.ReadAllText(path).Contains("Server is ready", StringComparison.Ordinal));
        var port = int.Parse(ListeningPort().Match(AllLogText(folder)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 30; i++)
        {
            await using var client = await RawClient.OpenSessionAsync(port);
        }

        await Poll.UntilAsync(() => Backups(folder).Count >= 2);
        var backup = Backups(folder)[0];
        Assert.Matches(BackupName(), Path.GetFileName(backup));
        Assert.True(new FileInfo(backup).Length is > 1000 and < 1400, $"backup holds {new FileInfo(backup).Length} bytes");
        await Poll.UntilAsync(() => File.ReadAllText(path).Contains("[INF] Rotated log, backup saved as " + folder, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sigusr1_reopens_a_log_file_that_logrotate_moved_away()
    {
        var folder = Directory.CreateTempSubdirectory("nats-edge-reopen-").FullName;
        var path = Path.Combine(folder, "edge.log");
        await using var edge = EdgeProcess.Start("-a", "127.0.0.1", "-p", "-1", "-l", path);
        await Poll.UntilAsync(() => File.Exists(path) && File.ReadAllText(path).Contains("Server is ready", StringComparison.Ordinal));

        File.Move(path, path + ".1");
        edge.Signal(Posix.SigUsr1);

        await Poll.UntilAsync(() => File.Exists(path) && File.ReadAllText(path).Contains("[INF] File log re-opened", StringComparison.Ordinal));
        Assert.DoesNotContain("re-opened", await File.ReadAllTextAsync(path + ".1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logtime_false_drops_the_timestamp_as_nats_server_does()
    {
        await using var edge = await EdgeProcess.StartReadyAsync("-a", "127.0.0.1", "-p", "-1", "-T=false");

        Assert.Matches(UntimedLine(), edge.Output.Split('\n')[0]);
    }

    [Fact]
    public async Task Remote_syslog_gets_daemon_notice_datagrams_tagged_nats_edge()
    {
        using var syslog = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)syslog.Client.LocalEndPoint!).Port;
        await using var edge = EdgeProcess.Start("-a", "127.0.0.1", "-p", "-1", "-r", $"udp://127.0.0.1:{port}");

        using var timeout = new CancellationTokenSource(TestTimeouts.Startup);
        var datagram = Encoding.UTF8.GetString((await syslog.ReceiveAsync(timeout.Token)).Buffer);

        // <29> is facility daemon (3) * 8 + severity notice (5).
        Assert.Matches(RemoteSyslogLine(), datagram);
        Assert.EndsWith($"nats-edge[{edge.ProcessId}]: Starting nats-edge\n", datagram, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_syslog_writes_rfc3164_lines_to_the_daemon_socket()
    {
        var socketPath = Path.Combine(Directory.CreateTempSubdirectory("nats-edge-syslog-").FullName, "log");
        using var daemon = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        daemon.Bind(new UnixDomainSocketEndPoint(socketPath));
        using var sink = SyslogSink.Local(socketPath);

        sink.Write(LogLevel.Error, "Error listening on port: 0.0.0.0:4222");

        var buffer = new byte[512];
        var length = daemon.Receive(buffer);
        Assert.Matches(LocalSyslogLine(), Encoding.UTF8.GetString(buffer, 0, length));
    }

    // Not GetFiles("edge.log.*"): that pattern matches edge.log itself, as it does on Windows.
    private static List<string> Backups(string folder) =>
        Directory.GetFiles(folder).Where(file => Path.GetFileName(file).StartsWith("edge.log.", StringComparison.Ordinal)).Order().ToList();

    private static string AllLogText(string folder)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(folder))
        {
            text.Append(File.ReadAllText(file));
        }

        return text.ToString();
    }


    [GeneratedRegex(@"Listening for client connections on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningPort();

    [GeneratedRegex(@"^edge\.log\.\d{4}\.\d{2}\.\d{2}\.\d{2}\.\d{2}\.\d{2}\.\d{7}$")]
    private static partial Regex BackupName();

    [GeneratedRegex(@"^\[\d+\] \[INF\] Starting nats-edge")]
    private static partial Regex UntimedLine();

    [GeneratedRegex(@"^<29>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2} \S+ nats-edge\[\d+\]: ")]
    private static partial Regex RemoteSyslogLine();

    [GeneratedRegex(@"^<27>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} nats-edge\[\d+\]: Error listening on port: 0\.0\.0\.0:4222\n$")]
    private static partial Regex LocalSyslogLine();
}
