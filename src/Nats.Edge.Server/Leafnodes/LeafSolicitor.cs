using System.Buffers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Accounts;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// Keeps one remote's uplink up: dials the hub's URLs in turn (and those the hub gossips in
/// <c>leafnode_urls</c>), sets the link up, and after a failure waits a capped, jittered,
/// exponentially growing delay, so a fleet of boards neither hammers a hub that just came back nor
/// burns cellular data while it is away. (nats-server itself redials about once a second.)
/// </summary>
internal sealed class LeafSolicitor(NatsServer server, RemoteLeafOptions remote, Account account)
{
    // Errors after which nats-server waits 30 s before dialling again.
    private static readonly TimeSpan PenaltyDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DialTimeout = TimeSpan.FromSeconds(2);

    private readonly Lock _sync = new();
    private readonly List<Uri> _learned = [];
    private int _next = Random.Shared.Next(Math.Max(1, remote.Urls.Count));
    private TimeSpan? _penalty;

    /// <summary>Dials and redials until <paramref name="stopping"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            var url = NextUrl();
            var link = await TryConnectAsync(url, stopping).ConfigureAwait(false);
            if (link is not null)
            {
                failures = 0;
                await link.Closed.WaitAsync(stopping).ConfigureAwait(false);
            }
            else
            {
                failures++;
            }

            TimeSpan delay;
            lock (_sync)
            {
                delay = _penalty ?? Backoff(failures);
                _penalty = null;
            }

            await Task.Delay(delay, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Adds the hub cluster's leafnode URLs to the ones dialled in turn.</summary>
    public void Learn(List<string> hostPorts)
    {
        lock (_sync)
        {
            _learned.Clear();
            foreach (var hostPort in hostPorts)
            {
                if (Uri.TryCreate($"nats-leaf://{hostPort}", UriKind.Absolute, out var url) && !IsConfigured(url))
                {
                    _learned.Add(url);
                }
            }
        }
    }

    /// <summary>An -ERR from the hub: a loop, a permission refusal or a clashing cluster name waits 30 s.</summary>
    public void NoteError(string message)
    {
        if (message.Contains("Loop detected", StringComparison.Ordinal)
            || message.Contains("Permissions Violation", StringComparison.Ordinal)
            || message.Contains("same cluster name", StringComparison.Ordinal))
        {
            lock (_sync)
            {
                _penalty = PenaltyDelay;
            }
        }
    }

    private TimeSpan Backoff(int failures) =>
        BackoffDelay(server.Options.Leafnodes?.ReconnectDelay ?? TimeSpan.FromSeconds(1), failures, Random.Shared.NextDouble());

    /// <summary>
    /// The wait before the next dial: the configured delay after a link that worked (no failures),
    /// then doubling with each failed dial up to 30 times it; <paramref name="draw"/> (0 to 1) places
    /// the wait between half and all of that, so boards that lost the hub together do not return together.
    /// </summary>
    internal static TimeSpan BackoffDelay(TimeSpan baseDelay, int failures, double draw)
    {
        var ceiling = baseDelay * 30;
        var delay = baseDelay * Math.Pow(2, Math.Min(Math.Max(0, failures - 1), 16));
        if (delay > ceiling)
        {
            delay = ceiling;
        }

        return delay * (0.5 + (draw * 0.5));
    }

    private bool IsConfigured(Uri url)
    {
        foreach (var configured in remote.Urls)
        {
            if (string.Equals(configured.Host, url.Host, StringComparison.OrdinalIgnoreCase) && Port(configured) == Port(url))
            {
                return true;
            }
        }

        return false;
    }

    private Uri NextUrl()
    {
        lock (_sync)
        {
            var count = remote.Urls.Count + _learned.Count;
            var index = _next++ % count;
            return index < remote.Urls.Count ? remote.Urls[index] : _learned[index - remote.Urls.Count];
        }
    }

    private static int Port(Uri url) => url.Port > 0 ? url.Port : 7422;

    private async Task<LeafConnection?> TryConnectAsync(Uri url, CancellationToken stopping)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        SslStream? tls = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(DialTimeout);
            await socket.ConnectAsync(url.Host, Port(url), timeout.Token).ConfigureAwait(false);
            var info = HubInfo.Parse(await ReadInfoAsync(socket, timeout.Token).ConfigureAwait(false));
            if (info is null || info.ClientId == 0 || info.LeafnodeUrls is null)
            {
                // A client or route port answers with an INFO that lacks these: not a leafnode port.
                server.Log.Error($"Error connecting to leafnode remote {Redacted(url)}: attempted to connect to wrong port (not a leafnode port)");
                socket.Dispose();
                return null;
            }

            if (info.TlsRequired || remote.Tls is not null || url.Scheme == "tls")
            {
                tls = await HandshakeAsync(socket, url, stopping).ConfigureAwait(false);
            }

            // CONNECT is built before the link exists: a broken seed must not leave a half-made link behind.
            var connect = Connect(info, LeafCredentials.From(url, remote.CredentialsFile, remote.NkeySeed), tls is not null);
            var rules = new LinkRules(
                remote.AllowExports, remote.DenyExports, remote.AllowImports, remote.DenyImports, account == server.Accounts.System);
            var link = new LeafConnection(server, Transport.Over(socket, server), server.Connections.NextId(), this, account, rules);
            if (info.LeafnodeUrls is { Count: > 0 } urls)
            {
                Learn(urls);
            }

            server.Connections.Add(link);
            server.Log.Info($"Connected leafnode to \"{url.Host}\"");
            link.BeginSolicited(tls, connect, info.InfoOnConnect);
            return link;
        }
#pragma warning disable CA1031 // Whatever goes wrong with one dial (a bad seed or certificate file included) is logged and retried; the uplink must not die silently.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (!stopping.IsCancellationRequested)
            {
                server.Log.Error($"Error trying to connect as leafnode to remote server {Redacted(url)}: {ex.Message}");
            }

            if (tls is not null)
            {
                await tls.DisposeAsync().ConfigureAwait(false);
            }

            socket.Dispose();
            return null;
        }
    }

    // The hub sends its INFO and then waits for CONNECT, so reading up to the first LF takes nothing more.
    private static async Task<byte[]> ReadInfoAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            var memory = buffer.GetMemory(512);
            var read = await socket.ReceiveAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the server closed the connection before its INFO");
            }

            buffer.Advance(read);
            var written = buffer.WrittenSpan;
            var lf = written.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var line = written[..lf].TrimEnd((byte)'\r');
                if (!line.StartsWith("INFO "u8) && !line.StartsWith("INFO\t"u8))
                {
                    throw new InvalidDataException("the server did not start with INFO");
                }

                return line[5..].ToArray();
            }

            if (written.Length > 64 * 1024)
            {
                throw new InvalidDataException("INFO line too long");
            }
        }
    }

    private async Task<SslStream> HandshakeAsync(Socket socket, Uri url, CancellationToken stopping)
    {
        var options = remote.Tls ?? new RemoteTlsOptions();
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        var authentication = new SslClientAuthenticationOptions { TargetHost = url.Host };
        if (options.CaFile is { } caFile)
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(caFile);
            authentication.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            authentication.CertificateChainPolicy.CustomTrustStore.AddRange(authorities);
        }

        if (options.CertificateFile is { } certificate && options.KeyFile is { } key)
        {
            authentication.ClientCertificates = [X509Certificate2.CreateFromPemFile(certificate, key)];
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.Timeout);
        await stream.AuthenticateAsClientAsync(authentication, timeout.Token).ConfigureAwait(false);
        return stream;
    }

    // CONNECT as nats-server's leafs send it: the server's name as its cluster name, the
    // deny_imports as deny_pub so the hub does not even send them.
    private byte[] Connect(HubInfo info, LeafCredentials credentials, bool tls)
    {
        var connect = new LeafConnect
        {
            Version = ServerVersion.Info,
            TlsRequired = tls,
            ServerId = server.ServerId,
            Name = server.ServerName,
            Cluster = server.ServerName,
            Headers = true,
            DenyPub = remote.DenyImports.Count > 0 ? [.. remote.DenyImports] : null,
            RemoteAccount = account.Name,
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

    // Logs name the hub, never the password or token a URL may carry.
    private static string Redacted(Uri url) => $"\"{url.Scheme}://{url.Host}:{Port(url)}\"";
}
