using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Logging;

/// <summary>
/// Log lines as syslog datagrams (<c>syslog: true</c> to the local <c>/dev/log</c>, or
/// <c>remote_syslog: udp://host:514</c>), facility daemon and tag <c>nats-edge</c>, in the
/// BSD format (RFC 3164) that rsyslog and journald's syslog socket read.
/// </summary>
internal sealed class SyslogSink : ILogSink, IDisposable
{
    // LOG_DAEMON, as nats-server logs.
    private const int Facility = 3;
    private const string Tag = "nats-edge";

    private readonly Socket _socket;
    private readonly bool _remote;
    private readonly string _hostName = Dns.GetHostName();
    private readonly int _pid = Environment.ProcessId;

    private SyslogSink(Socket socket, bool remote)
    {
        _socket = socket;
        _remote = remote;
    }

    /// <summary>The local syslog daemon's socket, <c>/dev/log</c> unless told otherwise.</summary>
    public static SyslogSink Local(string socketPath = "/dev/log")
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return new SyslogSink(socket, remote: false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A syslog server by UDP: <c>udp://host:port</c> (port 514 when left out).</summary>
    public static SyslogSink Remote(Uri url)
    {
        var port = url.IsDefaultPort || url.Port <= 0 ? 514 : url.Port;
        var address = Dns.GetHostAddresses(url.Host)[0];
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Connect(new IPEndPoint(address, port));
            return new SyslogSink(socket, remote: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Write(LogLevel level, string text)
    {
        var priority = (Facility * 8) + Severity(level);
        var now = DateTime.Now;

        // A remote server needs to know who sent the line; the local daemon adds host and time itself
        // but still expects the RFC 3164 header.
        var datagram = _remote
            ? $"<{priority}>{now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)} {_hostName} {Tag}[{_pid}]: {text}\n"
            : $"<{priority}>{LocalStamp(now)} {Tag}[{_pid}]: {text}\n";
        try
        {
            _socket.Send(Encoding.UTF8.GetBytes(datagram));
        }
        catch (SocketException)
        {
            // A syslog daemon that restarts must not take the server down; the line is lost, as with Go's writer.
        }
    }

    public void Dispose() => _socket.Dispose();

    // "Nov  7 02:30:00": the day padded with a space, as RFC 3164 (and Go's time.Stamp) write it.
    private static string LocalStamp(DateTime now) => string.Create(
        CultureInfo.InvariantCulture, $"{now.ToString("MMM", CultureInfo.InvariantCulture)} {now.Day,2} {now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}");

    // nats-server's choices: info is "notice", trace goes out as debug.
    private static int Severity(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => 7,
        LogLevel.Info => 5,
        LogLevel.Warning => 4,
        LogLevel.Error => 3,
        _ => 2,
    };
}
