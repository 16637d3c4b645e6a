using System.Net.Sockets;
using System.Text;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// Plays systemd's side of sd_notify: a unix datagram socket bound at a temporary path (or an abstract
/// name), whose <see cref="Address"/> goes into the server's <c>NOTIFY_SOCKET</c>.
/// </summary>
public sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly DirectoryInfo? _directory;

    private NotifySocket(string address, string bindPath, DirectoryInfo? directory)
    {
        Address = address;
        _directory = directory;
        _socket.Bind(new UnixDomainSocketEndPoint(bindPath));
    }

    /// <summary>The value for NOTIFY_SOCKET: a path, or '@' and the abstract name.</summary>
    public string Address { get; }

    /// <summary>A socket file in a fresh temporary folder.</summary>
    public static NotifySocket AtPath()
    {
        var directory = Directory.CreateTempSubdirectory("nats-edge-notify-");
        var path = Path.Combine(directory.FullName, "notify");
        return new NotifySocket(path, path, directory);
    }

    /// <summary>A name in the abstract namespace, unique to this test.</summary>
    public static NotifySocket Abstract()
    {
        var name = "nats-edge-notify-" + Guid.NewGuid().ToString("N");
        return new NotifySocket("@" + name, "\0" + name, null);
    }

    /// <summary>The next datagram's text; fails the test when none arrives in time.</summary>
    public async Task<string> ReceiveAsync()
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TestTimeouts.Startup);
        var length = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    public void Dispose()
    {
        _socket.Dispose();
        _directory?.Delete(recursive: true);
    }
}
