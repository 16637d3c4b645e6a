using System.Net.Sockets;
using Nats.Edge.Server.Links;

namespace Nats.Edge.Server.Routes;

/// <summary>
/// A route's part in keeping it dialled (the <see cref="LinkDialler"/> dials and waits), as nats-server
/// 2.9 does: a configured route is redialled soon after it is lost, then every second, for as long as
/// the server runs;
/// one learned by gossip is redialled after it fell, but let go after <c>connect_retries</c> + 1 failed
/// dials in a row. While another connection to the same server serves (it dialled us), no dial is
/// made. A route to this server itself is never dialled again.
/// </summary>
internal sealed class RouteSolicitor : ISolicitor
{
    private readonly NatsServer _server;
    private readonly Uri _url;
    private readonly LinkDialler _dialler;
    private string? _peerId;
    private bool _self;
    private bool _wasUp;
    private int _attempts;

    public RouteSolicitor(NatsServer server, Uri url, bool configured)
    {
        _server = server;
        _url = url;
        IsConfigured = configured;
        _dialler = new LinkDialler(new DialUrls([url], url.Port), configured ? ConfiguredRedialBackoff : RedialBackoff, this);
    }

    /// <summary>
    /// A second between dials, whatever failed, and up to a tenth more, as nats-server adds: two servers
    /// that each kept the connection the other dropped lose both at once, and redialling in step would
    /// collide again.
    /// </summary>
    internal static Backoff RedialBackoff { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), JitterLow: 1, JitterHigh: 1.1);

    /// <summary>
    /// A configured route, which is dialled for as long as the server runs, starts sooner: an eighth of
    /// a second after it was lost, doubling to the second above, so a peer that restarts at once is
    /// routed again within a few hundred milliseconds. A gossiped route keeps the second, because its
    /// <c>connect_retries</c> count dials a second apart.
    /// </summary>
    internal static Backoff ConfiguredRedialBackoff { get; } = new(TimeSpan.FromSeconds(0.125), TimeSpan.FromSeconds(1), JitterLow: 1, JitterHigh: 1.1);

    /// <summary>True for a route from the config, false for one learned by gossip.</summary>
    public bool IsConfigured { get; }

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

    public Task RunAsync(CancellationToken stopping) => _dialler.RunAsync(stopping);

    DialTurn ISolicitor.NextTurn()
    {
        var cluster = _server.Cluster!;
        if (_self)
        {
            return DialTurn.Stop;
        }

        // Another connection to the same server (it dialled us) serves: wait for it to go.
        if (_peerId is { } peer && cluster.HasRoute(peer))
        {
            return DialTurn.Wait;
        }

        if (_wasUp)
        {
            _wasUp = false;
            _attempts = 0;
        }

        if (!IsConfigured && _attempts > cluster.Options.ConnectRetries)
        {
            return DialTurn.Stop;
        }

        _attempts++;
        return DialTurn.Dial;
    }

    async Task<Task?> ISolicitor.SetUpLinkAsync(Socket socket, Uri url, CancellationToken firstWordsDeadline, CancellationToken stopping)
    {
        // The cluster's own tls block decides, for routes learned by gossip too: TLS before any word.
        var stream = _server.Cluster!.Tls is { Options: var tls }
            ? await LinkTls.ConnectAsync(socket, url.Host, tls.CaFile, tls.CertificateFile, tls.KeyFile, tls.Timeout, stopping).ConfigureAwait(false)
            : null;
        var route = new RouteConnection(_server, Transport.Over(socket, _server), _server.Connections.NextId(), this);
        _server.Connections.Add(route);
        _server.Log.Debug($"{route} - Route connect to {url.Host}:{url.Port}");
        var (user, password) = Credentials();
        route.BeginSolicited(user, password, stream);
        return route.Closed;
    }

    void ISolicitor.OnDialFailed(Uri url, Exception error) =>
        _server.Log.Debug($"Error trying to connect to route {url.Host}:{url.Port}: {error.Message}");

    // nats-route://user:pass@host:port gives the login; a route learned by gossip uses the cluster's own.
    private (string? User, string? Password) Credentials()
    {
        if (_url.UserInfo is { Length: > 0 } userInfo)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? (Uri.UnescapeDataString(userInfo), null)
                : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
        }

        var options = _server.Cluster!.Options;
        return (options.Username, options.Password);
    }
}
