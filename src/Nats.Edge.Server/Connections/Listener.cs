using System.Net;
using System.Net.Sockets;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Connections;

/// <summary>
/// One listening port (clients, leafnodes or routes) and the loop that accepts on it, handing each
/// accepted socket to its connection kind.
/// </summary>
internal sealed class Listener
{
    private readonly Socket _socket;
    private volatile bool _stopped;
    private Task _acceptLoop = Task.CompletedTask;

    private Listener(Socket socket)
    {
        _socket = socket;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    /// <summary>The bound endpoint (the real port when 0 or -1 was asked for).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Binds <paramref name="host"/>:<paramref name="port"/>; -1 or 0 picks a free port.</summary>
    public static async Task<Listener> BindAsync(string host, int port, CancellationToken cancellationToken)
    {
        var address = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = true;
            }

            socket.NoDelay = true;

            // As Go's listeners do: a restarted server takes its port back at once, even while
            // connections of the previous run sit in TIME_WAIT.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(address, port < 0 ? 0 : port));
            socket.Listen(512);
            return new Listener(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Starts accepting; every accepted socket goes to <paramref name="accept"/>.</summary>
    public void Start(Action<Socket> accept, ServerLog log) => _acceptLoop = AcceptLoopAsync(accept, log);

    /// <summary>Closes the port and waits for the accept loop to end; a second call only waits.</summary>
    public Task StopAsync()
    {
        _stopped = true;
        _socket.Dispose();
        return _acceptLoop;
    }

    private async Task AcceptLoopAsync(Action<Socket> accept, ServerLog log)
    {
        while (!_stopped)
        {
            Socket socket;
            try
            {
                socket = await _socket.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException || (ex is SocketException && _stopped))
            {
                return;
            }
            catch (SocketException ex)
            {
                log.Error($"Error accepting connection: {ex.Message}");
                continue;
            }

            socket.NoDelay = true;
            accept(socket);
        }
    }

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(host))
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
}
