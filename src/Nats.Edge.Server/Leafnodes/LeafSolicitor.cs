using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using Nats.Edge.Server.Compression;
using Nats.Edge.Server.Links;
using Nats.Edge.Server.Outbox;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// A leafnode remote's part in keeping its uplink up (the <see cref="LinkDialler"/> dials and waits):
/// the hub's INFO, TLS, and the CONNECT with the remote's credentials. The hub cluster's other leafnode
/// URLs join the dialled ones as the hub tells of them, and an error that will not pass soon holds
/// the next dial off. After a failure the wait grows from <c>leafnodes.reconnect</c> (see
/// <see cref="ReconnectBackoff"/>), so a fleet of boards neither hammers a hub that just came back nor
/// burns cellular data while it is away. (nats-server itself redials about once a second.)
/// </summary>
internal sealed class LeafSolicitor : ISolicitor
{
    // Errors after which nats-server waits 30 s before dialling again.
    private static readonly TimeSpan PenaltyDelay = TimeSpan.FromSeconds(30);

    // nats-server's leafnode port, dialled when a remote URL names no port.
    private const int DefaultPort = 7422;

    private readonly NatsServer _server;
    // Replaced by a reload that changes only what the next dial uses (its TLS).
    private volatile RemoteLeafOptions _remote;
    private readonly Account _account;
    private readonly LinkDialler _dialler;

    // Every URL of a remote is a websocket one or none is (the config refuses a mix, as nats-server does).
    private readonly bool _webSocket;

    public LeafSolicitor(NatsServer server, RemoteLeafOptions remote, Account account, RemoteOutbox? outbox)
    {
        _server = server;
        _remote = remote;
        _account = account;
        Outbox = outbox;
        _webSocket = IsWebSocket(remote.Urls[0]);
        var reconnect = server.Options.Leafnodes?.ReconnectDelay ?? TimeSpan.FromSeconds(1);
        _dialler = new LinkDialler(
            new DialUrls(remote.Urls, DefaultPort),
            ReconnectBackoff(reconnect),
            this,
            dialTimeout: remote.DialTimeout ?? server.Options.Leafnodes?.DialTimeout,
            firstWordsTimeout: remote.FirstInfoTimeout,
            proxy: remote.Proxy);
    }

    /// <summary>The remote's outbox, when it has one: it sends its captured subjects up each new link.</summary>
    public RemoteOutbox? Outbox { get; }

    /// <summary>Dials with <paramref name="remote"/>'s TLS from the next dial on; the link that is up keeps its own.</summary>
    public void UseRemote(RemoteLeafOptions remote) => _remote = remote;

    /// <summary>Dials and redials until <paramref name="stopping"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stopping) => _dialler.RunAsync(stopping);

    /// <summary>
    /// The wait before the next dial, each drawn between half and all of it so boards that lost the
    /// hub together do not return together:
    /// <list type="bullet">
    /// <item>an eighth of the configured delay after a link that worked, doubling with each failed
    /// dial up to the delay, so a hub that restarts at once is back within a few hundred
    /// milliseconds;</item>
    /// <item>the delay itself for the next 30 dials, about as often as nats-server dials, for a
    /// hub that takes a while;</item>
    /// <item>then doubling again up to 30 times the delay, for an outage that lasts.</item>
    /// </list>
    /// </summary>
    internal static Backoff ReconnectBackoff(TimeSpan reconnect) =>
        new(reconnect / 8, reconnect * 30, JitterLow: 0.5, JitterHigh: 1, Hold: reconnect, HoldDials: 30);

    /// <summary>
    /// Adds the hub cluster's leafnode URLs to the ones dialled in turn; not for a websocket remote,
    /// as those name leafnode ports, not websocket ones.
    /// </summary>
    public void Learn(List<string> hostPorts)
    {
        if (_webSocket)
        {
            return;
        }

        var urls = new List<Uri>(hostPorts.Count);
        foreach (var hostPort in hostPorts)
        {
            if (Uri.TryCreate($"nats-leaf://{hostPort}", UriKind.Absolute, out var url))
            {
                urls.Add(url);
            }
        }

        _dialler.Urls.Learn(urls);
    }

    /// <summary>An -ERR from the hub: a loop, a permission refusal or a clashing cluster name waits 30 s.</summary>
    public void NoteError(string message)
    {
        if (message.Contains("Loop detected", StringComparison.Ordinal)
            || message.Contains("Permissions Violation", StringComparison.Ordinal)
            || message.Contains("same cluster name", StringComparison.Ordinal))
        {
            _dialler.HoldOff(PenaltyDelay);
        }
    }

    DialTurn ISolicitor.NextTurn() => DialTurn.Dial;

    async Task<Task?> ISolicitor.SetUpLinkAsync(Socket socket, Uri url, CancellationToken firstWordsDeadline, CancellationToken stopping)
    {
        var remote = _remote;
        var connected = Stopwatch.GetTimestamp();
        Stream wire = new NetworkStream(socket, ownsSocket: false);

        // A hub whose leafnode port has handshake_first hears TLS before it says anything, and so
        // does a websocket port with TLS: the upgrade request travels inside it.
        var tls = remote.Tls is { HandshakeFirst: true } || (_webSocket && (url.Scheme == "wss" || remote.Tls is not null))
            ? await HandshakeAsync(socket, url, stopping).ConfigureAwait(false)
            : null;

        // What the link runs on once set up; null is the socket itself.
        Stream? stream = tls;
        try
        {
            if (_webSocket)
            {
                stream = await WebSockets.WebSocketDial.UpgradeAsync(stream ?? new NetworkStream(socket, ownsSocket: true), url, remote.WebSocketCompression, firstWordsDeadline).ConfigureAwait(false);
            }

            var info = HubInfo.Parse(await ReadInfoAsync(stream ?? wire, firstWordsDeadline).ConfigureAwait(false));
            if (info is null || info.ClientId == 0 || info.LeafnodeUrls is null)
            {
                // A client or route port answers with an INFO that lacks these: not a leafnode port.
                _server.Log.Error($"Error connecting to leafnode remote {Redacted(url)}: attempted to connect to wrong port (not a leafnode port)");
                if (stream is not null)
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                }

                return null;
            }

            // Over WebSocket any TLS came first; a hub's tls_required there speaks of its leafnode port.
            if (stream is null && (info.TlsRequired || remote.Tls is not null || url.Scheme == "tls"))
            {
                tls = await HandshakeAsync(socket, url, stopping).ConfigureAwait(false);
                stream = tls;
            }

            var id = _server.Connections.NextId();
            // Not negotiating, the link says "off" to a hub that offered compression, as nats-server's does.
            var compression = info.Compression is null or "" || remote.Compression.Mode == CompressionModes.NotSupported
                ? CompressionModes.NotSupported
                : CompressionModes.Off;
            if (LinkCompression.Negotiates(remote.Compression.Mode))
            {
                compression = LinkCompression.Choose(remote.Compression, info.Compression, Stopwatch.GetElapsedTime(connected));
                if (LinkCompression.Compresses(compression))
                {
                    // This side's INFO names its mode, in plain; from there on both directions are S2,
                    // and the hub answers with its INFO again, compressed.
                    var plain = stream ?? wire;
                    var answer = LeafInfoWriter.Write(
                        _server, id, nonce: null, tls is not null, remoteAccount: null, compression: LinkCompression.ForInfo(remote.Compression, compression));
                    await plain.WriteAsync(answer, stopping).ConfigureAwait(false);
                    await plain.FlushAsync(stopping).ConfigureAwait(false);

                    // Owning the socket (or the stream over it), as the stream it replaces did: closing the link closes it.
                    var compressed = new S2Stream(stream ?? new NetworkStream(socket, ownsSocket: true), store: compression == CompressionModes.S2Uncompressed);
                    stream = compressed;
                    info = HubInfo.Parse(await ReadInfoAsync(compressed, firstWordsDeadline).ConfigureAwait(false))
                        ?? throw new InvalidDataException("the hub's compressed INFO is not valid");
                }
            }

            // CONNECT is built before the link exists: a broken seed must not leave a half-made link behind.
            var connect = Connect(info, LeafCredentials.From(url, remote.CredentialsFile, remote.NkeySeed), tls is not null && !_webSocket);
            var rules = new LinkRules(
                remote.AllowExports, remote.DenyExports, remote.AllowImports, remote.DenyImports, _account == _server.Accounts.System);
            var link = new LeafConnection(_server, Transport.Over(socket, _server), id, this, _account, rules) { Compression = compression };
            if (info.LeafnodeUrls is { Count: > 0 } urls)
            {
                Learn(urls);
            }

            _server.Connections.Add(link);
            _server.Log.Info($"Connected leafnode to \"{url.Host}\"");
            link.BeginSolicited(stream, tls, connect, info.InfoOnConnect);
            return link.Closed;
        }
        catch when (stream is not null)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    void ISolicitor.OnDialFailed(Uri url, Exception error) =>
        _server.Log.Error($"Error trying to connect as leafnode to remote server {Redacted(url)}: {error.Message}");

    // The hub sends its INFO and then waits, so the first line is all there is to read.
    private static async Task<byte[]> ReadInfoAsync(Stream stream, CancellationToken cancellationToken)
    {
        var (read, length) = await FirstLine.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        var json = FirstLine.InfoJson(read.AsSpan(0, length));
        return json.IsEmpty ? throw new InvalidDataException("the server did not start with INFO") : json.ToArray();
    }

    private Task<SslStream> HandshakeAsync(Socket socket, Uri url, CancellationToken stopping)
    {
        var options = _remote.Tls ?? new RemoteTlsOptions();
        return LinkTls.ConnectAsync(socket, url.Host, options.CaFile, options.CertificateFile, options.KeyFile, options.Timeout, stopping);
    }

    // CONNECT as nats-server's leafs send it: the server's name as its cluster name, the
    // deny_imports as deny_pub so the hub does not even send them.
    private byte[] Connect(HubInfo info, LeafCredentials credentials, bool tls)
    {
        var connect = new LeafConnect
        {
            Version = ServerVersion.Info,
            TlsRequired = tls,
            ServerId = _server.ServerId,
            Name = _server.ServerName,
            Cluster = _server.ServerName,
            Headers = true,
            DenyPub = _remote.DenyImports.Count > 0 ? [.. _remote.DenyImports] : null,
            RemoteAccount = _account.Name,
        };

        // One login, in nats-server's order: a .creds file, an nkey seed, then the URL's user info.
        if (credentials.Jwt is { } jwt && info.Nonce is { } jwtNonce)
        {
            connect = connect with { Jwt = jwt, Signature = credentials.Sign(jwtNonce) };
        }
        else if (credentials.Nkey is { } nkey && info.Nonce is { } nkeyNonce)
        {
            connect = connect with { Nkey = nkey, Signature = credentials.Sign(nkeyNonce) };
        }
        else
        {
            connect = connect with { User = credentials.User, Password = credentials.Password, Token = credentials.Token };
        }

        return WireJson.Connect(connect, WireJsonContext.Default.LeafConnect);
    }

    private static bool IsWebSocket(Uri url) => url.Scheme is "ws" or "wss";

    // Logs name the hub, never the password or token a URL may carry.
    private string Redacted(Uri url) => $"\"{url.Scheme}://{url.Host}:{_dialler.Urls.PortOf(url)}\"";
}
