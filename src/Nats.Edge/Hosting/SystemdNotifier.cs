using System.Net.Sockets;
using System.Text;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Hosting;

/// <summary>
/// Tells systemd how a <c>Type=notify</c> service is doing, as sd_notify(3) does without libsystemd:
/// one datagram per state to the unix socket named by <c>$NOTIFY_SOCKET</c> (a leading '@' names the
/// abstract namespace). Outside such a unit the variable is unset and nothing is sent.
/// </summary>
internal sealed class SystemdNotifier(string? notifySocket, ServerLog log)
{
    public const string SocketVariable = "NOTIFY_SOCKET";

    public static SystemdNotifier FromEnvironment(ServerLog log) => new(Environment.GetEnvironmentVariable(SocketVariable), log);

    /// <summary>The listeners are up: systemd starts the units ordered after this one.</summary>
    public void Ready() => Send("READY=1");

    /// <summary>The server is going away; sent also when it stops on its own (lame duck through <c>--signal ldm</c>).</summary>
    public void Stopping() => Send("STOPPING=1");

    /// <summary>Runs <paramref name="reload"/> with the unit shown as reloading, ready again whatever it did.</summary>
    public void AroundReload(Action reload)
    {
        Send("RELOADING=1");
        try
        {
            reload();
        }
        finally
        {
            Ready();
        }
    }

    private void Send(string state)
    {
        if (string.IsNullOrEmpty(notifySocket))
        {
            return;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.SendTo(Encoding.ASCII.GetBytes(state), new UnixDomainSocketEndPoint(EndpointPath(notifySocket)));
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            // systemd treats a service that cannot notify as one that never got ready; say why, keep serving.
            log.Warn($"Cannot notify systemd ({state}) at {notifySocket}: {ex.Message}");
        }
    }

    // sd_notify: "@name" is "\0name" in the abstract namespace; anything else must be an absolute path.
    private static string EndpointPath(string value) => value[0] switch
    {
        '@' => "\0" + value[1..],
        '/' => value,
        _ => throw new ArgumentException($"{SocketVariable} is neither an absolute path nor an abstract '@' name"),
    };
}
