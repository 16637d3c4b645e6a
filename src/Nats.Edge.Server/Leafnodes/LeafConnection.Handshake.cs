using System.Diagnostics;
using Nats.Edge.Server.Links;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>Setting a link up (INFO, CONNECT, the hub's second INFO) and the ops that are not interest or messages.</summary>
internal sealed partial class LeafConnection
{
    private string? _nonce;
    private long _opened;
    private bool _connectReceived;

    // The accepted leaf's CONNECT, kept so a config reload can check its login again.
    private LeafConnect? _connect;

    // A leaf over WebSocket had its TLS, if any, on the websocket port, before the INFO.
    private bool TlsRequired => Server.LeafTls is not null && !Transport.IsWebSocket;

    /// <summary>
    /// Hub side: the first INFO, with a nonce to sign and the compression this port offers, then
    /// (inside TLS when configured) the loops.
    /// </summary>
    public void Open()
    {
        _nonce = Nonces.ForLink();
        _opened = Stopwatch.GetTimestamp();
        var mode = HubCompression.Mode;
        var info = LeafInfoWriter.Write(
            Server, Id, _nonce, TlsRequired, remoteAccount: null, compression: mode == CompressionModes.NotSupported ? null : mode);
        if (Server.LeafTls is { } tls && !Transport.IsWebSocket)
        {
            StartWithTls(tls, info);
        }
        else
        {
            // When BeginAsync waits for the leaf's answer, it writes this INFO itself first.
            Outbound.Append(info);
            SignalSend();
            Start();
        }
    }

    /// <summary>
    /// Hub side, before the loops: a leaf that talks compression (nats-server 2.10+, nats-edge) answers
    /// the first INFO with its own, naming its mode; then, if the two modes call for it, this side
    /// sends its INFO again, compressed, and the link runs S2 both ways. Any other first line
    /// (an older leaf's CONNECT) is left for the loops to read.
    /// </summary>
    public override async ValueTask<Stream> BeginAsync(Stream stream)
    {
        var own = HubCompression;
        if (IsSolicited || !LinkCompression.Negotiates(own.Mode))
        {
            return stream;
        }

        using var deadline = new CancellationTokenSource(Server.LeafAuthTimeout);
        await Transport.WriteQueuedAsync(stream, deadline.Token).ConfigureAwait(false);
        var (read, length) = await FirstLine.ReadAsync(stream, deadline.Token).ConfigureAwait(false);
        var json = FirstLine.InfoJson(read.AsSpan(0, length));
        if (json.IsEmpty)
        {
            return new ReplayStream(read, stream);
        }

        var theirs = HubInfo.Parse(json)?.Compression;
        Compression = LinkCompression.Choose(own, theirs, Stopwatch.GetElapsedTime(_opened));
        var rest = new ReplayStream(read.AsMemory(length), stream);
        if (!LinkCompression.Compresses(Compression))
        {
            return rest;
        }

        var compressed = new Compression.S2Stream(rest, store: Compression == CompressionModes.S2Uncompressed);
        var info = LeafInfoWriter.Write(
            Server, Id, _nonce, TlsRequired, remoteAccount: null, compression: LinkCompression.ForInfo(own, Compression));
        await compressed.WriteAsync(info, deadline.Token).ConfigureAwait(false);
        await compressed.FlushAsync(deadline.Token).ConfigureAwait(false);
        return compressed;
    }

    /// <summary>
    /// Board side, once the hub's first INFO was read (and TLS set up on <paramref name="stream"/>):
    /// sends CONNECT and runs the loops. A hub that announced <c>info_on_connect</c> answers with a
    /// second INFO, which makes the link ready; an older one is taken as ready at once.
    /// </summary>
    public void BeginSolicited(Stream? stream, System.Net.Security.SslStream? tls, byte[] connect, bool hubSendsSecondInfo)
    {
        if (stream is not null)
        {
            UseStream(stream, tls);
        }

        Outbound.Append(connect);
        if (!hubSendsSecondInfo)
        {
            BecomeReady();
        }

        SignalSend();
        Start();
    }

    public bool Admit(ClientOp op)
    {
        // A leaf's first op must be CONNECT (an INFO is tolerated: newer leafs send one to talk compression).
        if (IsSolicited || _connectReceived || op is ClientOp.Connect or ClientOp.Info)
        {
            return true;
        }

        CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
        return false;
    }

    public override void OnConnect(ReadOnlySpan<byte> json)
    {
        if (IsSolicited || _connectReceived)
        {
            return;
        }

        var connect = LeafConnect.Parse(json);
        if (connect is null)
        {
            Close(CloseReason.ParseError);
            return;
        }

        if (RefusesForeignConnect(connect.Lang, connect.Gateway is { Length: > 0 } gateway ? gateway : null))
        {
            return;
        }

        if (connect.Cluster?.Contains(' ', StringComparison.Ordinal) == true)
        {
            CloseWithError("-ERR 'cluster name cannot contain spaces'\r\n"u8, CloseReason.ProtocolViolation);
            return;
        }

        var login = LeafAuthenticator.Authenticate(Server.Options.Leafnodes!, Server.Accounts, Server.Authenticator, connect, _nonce, ClientCertificate);
        if (login is not var (account, permissions))
        {
            Server.Log.Error($"{this} - authentication error");
            CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
            return;
        }

        _connect = connect;
        Volatile.Write(ref _connectReceived, true);
        _peerHeaders = connect.Headers;
        Account = account;
        _matches = new Subjects.MatchCache(account.Subscriptions);
        // The leaf user's subscribe permissions say what may go to it, its publish permissions what
        // may come from it; the leaf hears both in the second INFO.
        var receive = permissions?.Subscribe;
        var send = permissions?.Publish;
        _rules = new LinkRules(
            receive?.Allow, [.. connect.DenyPublish, .. receive?.Deny ?? []], send?.Allow, send?.Deny ?? [], account == Server.Accounts.System);
        Outbound.Append(LeafInfoWriter.Write(Server, Id, nonce: null, TlsRequired, account.Name, permissions));
        EstimateRttFromConnect();
        BecomeReady();
    }

    /// <summary>
    /// After a config reload, an accepted leaf whose login no longer works, or now lands in another
    /// account, is closed with an Authorization Violation, as clients are; it dials again and meets
    /// the new rules. Its permissions stay as they were until then.
    /// </summary>
    public void ApplyReload()
    {
        if (IsSolicited || IsClosing || !Volatile.Read(ref _connectReceived))
        {
            return;
        }

        if (LeafAuthenticator.Authenticate(Server.Options.Leafnodes!, Server.Accounts, Server.Authenticator, _connect!, _nonce, ClientCertificate) is not var (account, _) || account != Account)
        {
            Server.Log.Error($"{this} - authentication error");
            CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
        }
    }

    public override void OnInfo(ReadOnlySpan<byte> json)
    {
        if (!IsSolicited)
        {
            return;
        }

        var info = HubInfo.Parse(json);
        if (info is null)
        {
            Close(CloseReason.ParseError);
            return;
        }

        if (info.LeafnodeUrls is { } urls)
        {
            _solicitor?.Learn(urls);
        }

        _peerHeaders = info.Headers;
        if (info.ConnectInfo && !IsReady)
        {
            // A Go hub closes a leaf that announces interest it may not receive: its limits apply
            // before the first LS+ goes out.
            if (info.Export is not null || info.Import is not null)
            {
                _rules = _rules.Narrowed(info.Export, info.Import);
            }

            BecomeReady();
        }
    }

    // The far side closes after its -ERR; a board remembers the errors that ask it to wait longer.
    public override void OnErr(ReadOnlySpan<byte> text)
    {
        var message = Encoding.UTF8.GetString(text).Trim('\'');
        Server.Log.Error($"{this} - Leafnode Error '{message}'");
        if (IsSolicited)
        {
            _solicitor?.NoteError(message);
        }
    }
}
