using System.Net.Sockets;
using Nats.Edge.Server.Connections;

namespace Nats.Edge.Server.Routes;

/// <summary>
/// Keeps one route dialled, as nats-server 2.9 does: a configured route is redialled a second after it
/// is lost, for as long as the server runs; one learned by gossip is redialled after it fell, but let
/// go after <c>connect_retries</c> + 1 failed dials in a row. While another connection to the same
/// server serves (it dialled us), no dial is made. A route to this server itself is never dialled
/// again.
/// </summary>
internal sealed class RouteSolicitor(NatsServer server, Uri url, bool configured)
{
    // Up to this much is added to each redial, as nats-server does: two servers that each kept the
    // connection the other dropped lose both at once, and redialling in step would collide again.
    private const int MaxJitterMilliseconds = 100;

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DialTimeout = TimeSpan.FromSeconds(2);

    private string? _peerId;
    private bool _self;
    private bool _wasUp;

    /// <summary>True for a route from the config, false for one learned by gossip.</summary>
    public bool IsConfigured => configured;

    public void NoteSelf() => _self = true;

    /// <summary>
    /// The dial reached <paramref name="serverId"/>, whether its connection became the route or
    /// lost to another one already registered: either way the loop waits while a route to that
    /// server is up, and dials again, with its attempts counted afresh, once it is gone.
    /// </summary>
    public void NoteConnected(string serverId)
    {
        _peerId = serverId;
        _wasUp = true;
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        var cluster = server.Cluster!;
        var attempts = 0;
        while (!stopping.IsCancellationRequested && !_self)
        {
            // Another connection to the same server (it dialled us) serves: wait for it to go.
            if (_peerId is { } peer && cluster.HasRoute(peer))
            {
                await Task.Delay(ReconnectDelay, stopping).ConfigureAwait(false);
                continue;
            }

            if (_wasUp)
            {
                _wasUp = false;
                attempts = 0;
            }

            if (!configured && attempts > cluster.Options.ConnectRetries)
            {
                return;
            }

            attempts++;
            if (await DialAsync(stopping).ConfigureAwait(false) is { } route)
            {
                await route.Closed.WaitAsync(stopping).ConfigureAwait(false);
            }

            await Task.Delay(ReconnectDelay + TimeSpan.FromMilliseconds(Random.Shared.Next(MaxJitterMilliseconds)), stopping).ConfigureAwait(false);
        }
    }

    private async Task<RouteConnection?> DialAsync(CancellationToken stopping)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(DialTimeout);
            await socket.ConnectAsync(url.Host, url.Port, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            stopping.ThrowIfCancellationRequested();
            server.Log.Debug($"Error trying to connect to route {url.Host}:{url.Port}: {ex.Message}");
            return null;
        }

        var route = new RouteConnection(server, Transport.Over(socket, server), server.Connections.NextId(), this);
        server.Connections.Add(route);
        server.Log.Debug($"{route} - Route connect to {url.Host}:{url.Port}");
        var (user, password) = Credentials();
        route.BeginSolicited(user, password);
        return route;
    }

    // nats-route://user:pass@host:port gives the login; a route learned by gossip uses the cluster's own.
    private (string? User, string? Password) Credentials()
    {
        if (url.UserInfo is { Length: > 0 } userInfo)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? (Uri.UnescapeDataString(userInfo), null)
                : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
        }

        var options = server.Cluster!.Options;
        return (options.Username, options.Password);
    }
}
