namespace Nats.Edge.Server.Configuration;

/// <summary>One entry of <c>leafnodes.remotes</c>: a hub this server dials, and what may cross to it.</summary>
public sealed record RemoteLeafOptions
{
    /// <summary>
    /// Hub URLs (<c>url</c> / <c>urls</c>): <c>nats-leaf://</c>, <c>nats://</c> or <c>tls://</c>, default
    /// port 7422, or all of them the hub's websocket port, <c>ws://</c> or <c>wss://</c> (default ports
    /// 80 and 443); user:password@ or token@ in a URL log in with those.
    /// </summary>
    public required IReadOnlyList<Uri> Urls { get; init; }

    /// <summary>The local account this link belongs to (<c>account</c>); null is <c>$G</c>.</summary>
    public string? Account { get; init; }

    /// <summary>A <c>.creds</c> file (user JWT and nkey seed) to log in with (<c>credentials</c>).</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>A user nkey seed to log in with (<c>nkey</c> / <c>seed</c>, as in nats-server 2.10+), for hubs with nkey users.</summary>
    public string? NkeySeed { get; init; }

    /// <summary>TLS toward the hub; also used when the hub requires it.</summary>
    public RemoteTlsOptions? Tls { get; init; }

    /// <summary>Subjects never taken from the hub (<c>deny_imports</c>).</summary>
    public IReadOnlyList<string> DenyImports { get; init; } = [];

    /// <summary>Subjects never sent to the hub (<c>deny_exports</c>).</summary>
    public IReadOnlyList<string> DenyExports { get; init; } = [];

    /// <summary>
    /// nats-edge's allow list for what may come down (<c>allow_imports</c>); null allows all not denied.
    /// Interest wider than the list is narrowed to it before it goes up, so the hub never sends more.
    /// </summary>
    public IReadOnlyList<string>? AllowImports { get; init; }

    /// <summary>nats-edge's allow list for what may go up (<c>allow_exports</c>); null allows all not denied.</summary>
    public IReadOnlyList<string>? AllowExports { get; init; }

    /// <summary>
    /// Time the TCP connect to the hub may take (<c>dial_timeout</c>); null takes the
    /// <c>leafnodes.dial_timeout</c>. A satellite or cellular link may need more than the default.
    /// </summary>
    public TimeSpan? DialTimeout { get; init; }

    /// <summary>Time the hub has to send its INFO once connected (<c>first_info_timeout</c>, 2 s); long for satellite links.</summary>
    public TimeSpan FirstInfoTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>An HTTP proxy every dial to the hub goes through (<c>proxy</c>), for networks that let nothing else out.</summary>
    public ProxyOptions? Proxy { get; init; }

    /// <summary>S2 compression of this uplink (<c>compression</c>), s2_auto by default as in nats-server 2.10+.</summary>
    public CompressionOptions Compression { get; init; } = new() { Mode = CompressionModes.S2Auto };

    /// <summary>
    /// For a <c>ws://</c> or <c>wss://</c> hub: offer permessage-deflate in the upgrade (<c>ws_compression</c>);
    /// a hub that does not take it up leaves the link uncompressed.
    /// </summary>
    public bool WebSocketCompression { get; init; }

    /// <summary>Not dialled (<c>disabled</c>); a reload that sets it closes the link, one that clears it dials again.</summary>
    public bool Disabled { get; init; }

    /// <summary>Subjects kept on disk while the hub is away and sent to its stream in order (<c>outbox</c>, nats-edge's own).</summary>
    public OutboxOptions? Outbox { get; init; }
}
