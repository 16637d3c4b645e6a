using System.Net.Sockets;
using Nats.Edge.Server.Links;

namespace Nats.Edge.Server.Gateways;

/// <summary>
/// The dial loop behind one remote cluster's outbound gateway (the <see cref="LinkDialler"/> dials and
/// waits), as nats-server 2.9 keeps it: redialled a second after it is lost; a cluster learned by
/// gossip is let go after <c>connect_retries</c> + 1 failed dials in a row, a configured one never.
/// While an outbound to the cluster is up, no dial is made.
/// </summary>
internal sealed class GatewaySolicitor : ISolicitor
{
    // nats-server's gateway port, dialled when a URL names none.
    private const int DefaultPort = 7222;

    private readonly NatsServer _server;
    private readonly GatewayManager _gateways;
    private readonly LinkDialler _dialler;
    private readonly bool _configured;
    private int _attempts;

    public GatewaySolicitor(NatsServer server, GatewayManager gateways, string name, IReadOnlyList<Uri> urls, bool configured)
    {
        _server = server;
        _gateways = gateways;
        Name = name;
        _configured = configured;
        _dialler = new LinkDialler(new DialUrls(urls, DefaultPort), Routes.RouteSolicitor.RedialBackoff, this);
    }

    /// <summary>The remote cluster's gateway name.</summary>
    public string Name { get; }

    public Task RunAsync(CancellationToken stopping) => _dialler.RunAsync(stopping);

    /// <summary>More URLs of the cluster, from gossip or its INFO.</summary>
    public void Learn(IReadOnlyList<Uri> urls) => _dialler.Urls.Learn([.. urls]);

    /// <summary>The cluster's URLs as <c>host:port</c>, for gossip.</summary>
    public IReadOnlyList<string> HostPorts() => _dialler.Urls.HostPorts();

    /// <summary>The cluster's server dialled this one, so it is up: the next dial goes now, not after the backoff.</summary>
    public void DialNow() => _dialler.DialNow();

    /// <summary>The outbound came up: the attempts count afresh after it goes.</summary>
    public void NoteConnected() => _attempts = 0;

    DialTurn ISolicitor.NextTurn()
    {
        if (_gateways.HasOutbound(Name))
        {
            return DialTurn.Wait;
        }

        if (!_configured && _attempts > _gateways.Options.ConnectRetries)
        {
            return DialTurn.Stop;
        }

        _attempts++;
        return DialTurn.Dial;
    }

    async Task<Task?> ISolicitor.SetUpLinkAsync(Socket socket, Uri url, CancellationToken firstWordsDeadline, CancellationToken stopping)
    {
        // TLS comes before any word on a gateway, when this server's gateway block or the remote's asks for it.
        var stream = await HandshakeAsync(socket, url, stopping).ConfigureAwait(false);
        var gateway = new GatewayConnection(_server, Transport.Over(socket, _server), _server.Connections.NextId(), this, url);
        _server.Connections.Add(gateway);
        _server.Log.Debug($"{gateway} - Creating outbound gateway connection to \"{Name}\"");
        gateway.BeginSolicited(stream);
        return gateway.Closed;
    }

    // The remote's own tls block wins over the gateway block's, field by field.
    private async Task<System.Net.Security.SslStream?> HandshakeAsync(Socket socket, Uri url, CancellationToken stopping)
    {
        var own = _gateways.Options.Tls;
        var remote = _gateways.TlsFor(Name);
        if (own is null && remote is null && url.Scheme != "tls")
        {
            return null;
        }

        return await LinkTls.ConnectAsync(
            socket,
            url.Host,
            remote?.CaFile ?? own?.CaFile,
            remote?.CertificateFile ?? own?.CertificateFile,
            remote?.KeyFile ?? own?.KeyFile,
            remote?.Timeout ?? own?.Timeout ?? TimeSpan.FromSeconds(2),
            stopping).ConfigureAwait(false);
    }

    void ISolicitor.OnDialFailed(Uri url, Exception error) =>
        _server.Log.Error($"Error connecting to explicit gateway \"{Name}\" ({url.Host}:{_dialler.Urls.PortOf(url)}): {error.Message}");

    /// <summary>user:pass@ in the URL dialled logs in; otherwise the gateway block's own user.</summary>
    public (string? User, string? Password) Credentials(Uri? url)
    {
        if (url?.UserInfo is { Length: > 0 } userInfo)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? (Uri.UnescapeDataString(userInfo), null)
                : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
        }

        return (_gateways.Options.Username, _gateways.Options.Password);
    }
}
