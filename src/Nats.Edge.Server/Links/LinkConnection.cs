using System.Diagnostics;

namespace Nats.Edge.Server.Links;

/// <summary>
/// What a link to another server shares, whatever its dialect (leafnode or route): the handshake's
/// deadline, the ping schedule once it is up, and the refusal of a CONNECT meant for another port.
/// </summary>
internal abstract class LinkConnection : Connection
{
    // Go servers send a link's first PING about a second after it is up.
    private static readonly TimeSpan FirstPingDelay = TimeSpan.FromSeconds(1);

    private volatile bool _ready;
    private readonly PingSchedule _pings = new();

    protected LinkConnection(IServerContext server, Transport transport, ulong id)
        : base(server, transport, id)
    {
    }

    /// <summary>True once both sides know each other and interest and messages flow.</summary>
    public bool IsReady => _ready;

    /// <summary>How long the link may take to be set up from the accept or dial.</summary>
    protected abstract TimeSpan HandshakeTimeout { get; }

    /// <summary>Time between PINGs once the link is up; zero or less for none.</summary>
    protected abstract TimeSpan PingInterval { get; }

    /// <summary>The words a refused CONNECT names this port with: "leaf node" or "route" in the first -ERR, "leafnode" or "Route" in the second.</summary>
    protected abstract (string Client, string Gateway) PortNames { get; }

    /// <summary>Closes a link whose handshake did not finish in <see cref="HandshakeTimeout"/>, with its dialect's error.</summary>
    protected abstract void CloseForHandshakeTimeout();

    public override void OnTick(long now)
    {
        base.OnTick(now);
        if (IsClosing)
        {
            return;
        }

        if (!_ready)
        {
            if (Stopwatch.GetElapsedTime(Started, now) > HandshakeTimeout)
            {
                CloseForHandshakeTimeout();
            }

            return;
        }

        if (_pings.IsDue(now, PingInterval))
        {
            PingOrCloseStale(now);
        }
    }

    /// <summary>The link is up: interest and messages may flow, and the first PING goes in about a second.</summary>
    protected void MarkReady()
    {
        _pings.StartAfter(FirstPingDelay);
        _ready = true;
    }

    /// <summary>
    /// Refuses, as nats-server does, a CONNECT that belongs on another port: a client library's (it
    /// names its language) or a gateway's. True when the link is closing for it.
    /// </summary>
    protected bool RefusesForeignConnect(string? lang, string? gateway)
    {
        var (client, gatewayPort) = PortNames;
        if (!string.IsNullOrEmpty(lang))
        {
            CloseWithError(Encoding.UTF8.GetBytes($"-ERR 'attempted to connect to {client} port'\r\n"), CloseReason.ProtocolViolation);
            return true;
        }

        if (gateway is not null)
        {
            CloseWithError(
                Encoding.UTF8.GetBytes($"-ERR 'Rejecting connection from gateway \"{gateway}\" on the {gatewayPort} port'\r\n"), CloseReason.ProtocolViolation);
            return true;
        }

        return false;
    }

    /// <summary>The configured <c>ping_interval</c>, but never longer than <paramref name="most"/>, as Go servers ping routes and gateways.</summary>
    protected TimeSpan PingIntervalAtMost(TimeSpan most) =>
        Server.Options.PingInterval is var configured && configured > TimeSpan.Zero && configured < most ? configured : most;

    /// <summary>The far server's -ERR: logged under the link's name (<paramref name="link"/>: "Route", "Gateway") and the link closes, as nats-server does.</summary>
    protected void CloseOnPeerError(string link, ReadOnlySpan<byte> text)
    {
        Server.Log.Error($"{this} - {link} Error {Encoding.UTF8.GetString(text)}");
        Close(CloseReason.ProtocolViolation);
    }

    /// <summary>Bytes the link's reader could not take: logged, then nats-server's -ERR, and the link closes.</summary>
    protected void CloseOnProtocolError(string link, ProtocolError error)
    {
        Server.Log.Error($"{this} - {link} Error: {error}");
        CloseWithError(error == ProtocolError.MaxPayloadExceeded ? ProtocolErrors.MaxPayloadViolation : ProtocolErrors.UnknownOperation, CloseReason.ParseError);
    }
}
