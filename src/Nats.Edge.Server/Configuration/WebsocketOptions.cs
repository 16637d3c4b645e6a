namespace Nats.Edge.Server.Configuration;

/// <summary>
/// nats-server's <c>websocket { … }</c> block: a port where browsers (nats.ws), clients behind HTTP-only
/// firewalls and leafnodes (on the path <c>/leafnode</c>) connect over WebSocket.
/// </summary>
public sealed record WebsocketOptions
{
    /// <summary>Listen address (<c>websocket.host</c> / <c>listen</c>).</summary>
    public string Host { get; init; } = "0.0.0.0";

    /// <summary>The port (<c>websocket.port</c>); 0 or -1 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>TLS for the port (<c>wss://</c>); null serves plain <c>ws://</c>, which the config file allows only with <c>no_tls: true</c>.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>Refuse a browser page from another origin than the host it connects to (<c>same_origin</c>).</summary>
    public bool SameOrigin { get; init; }

    /// <summary>The only origins browser pages may connect from (<c>allowed_origins</c>), such as <c>https://dashboard.lan</c>; empty allows any.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Answer a peer's permessage-deflate offer (<c>compression</c>): messages over 64 bytes then go out deflated.</summary>
    public bool Compression { get; init; }

    /// <summary>Time a peer has for the TLS handshake and its upgrade request (<c>handshake_timeout</c>).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
