using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>nats-server's <c>websocket</c> block: a port for clients and leafnodes over WebSocket.</summary>
internal sealed class WebsocketSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Listen), KeyShape.Text, "listen")
        .Add(nameof(Host), KeyShape.Text, "host", "net")
        .Add(nameof(Port), KeyShape.Number, "port")
        .Add(nameof(NoTls), KeyShape.Flag, "no_tls")
        .Add(nameof(Tls), KeyShape.Block, TlsSection.LinkKeys, "tls")
        .Add(nameof(SameOrigin), KeyShape.Flag, "same_origin")
        .Add(nameof(AllowedOrigins), KeyShape.Strings, "allowed_origins", "allowed_origin", "allow_origins", "allow_origin", "origins", "origin")
        .Add(nameof(HandshakeTimeout), KeyShape.Duration, "handshake_timeout")
        // permessage-deflate (RFC 7692), answered as nats-server answers it; zlib comes with System.IO.Compression.
        .Add(nameof(Compression), KeyShape.Flag, "compression", "compress")
        .Unsupported("advertise", "authorization", "authentication", "no_auth_user", "jwt_cookie");

    public string? Listen { get; set; }

    public string? Host { get; set; }

    public int? Port { get; set; }

    public bool? NoTls { get; set; }

    public TlsSection? Tls { get; set; }

    public bool? SameOrigin { get; set; }

    public List<string>? AllowedOrigins { get; set; }

    public TimeSpan? HandshakeTimeout { get; set; }

    public bool? Compression { get; set; }

    // As nats-server: a block without a port opens nothing, and is not checked further.
    public WebsocketOptions? ToOptions(ConfigPath at, string folder)
    {
        var listen = ListenAddress.Split(at.Child(nameof(Listen)), Listen);
        var port = Port ?? listen.Port ?? 0;
        if (port == 0)
        {
            return null;
        }

        var tls = TlsSection.ToOptions(Tls, at.Child(nameof(Tls)), folder);
        if (tls is null && NoTls != true)
        {
            throw at.Invalid("websocket requires TLS configuration");
        }

        for (var i = 0; i < AllowedOrigins?.Count; i++)
        {
            if (!Uri.TryCreate(AllowedOrigins[i], UriKind.Absolute, out _))
            {
                throw at.Child(nameof(AllowedOrigins)).Item(i).Invalid($"unable to parse allowed origin: \"{AllowedOrigins[i]}\" is not a URL");
            }
        }

        var options = new WebsocketOptions();
        return options with
        {
            Host = Host ?? listen.Host ?? options.Host,
            Port = port,
            Tls = tls,
            SameOrigin = SameOrigin ?? options.SameOrigin,
            AllowedOrigins = AllowedOrigins ?? options.AllowedOrigins,
            HandshakeTimeout = HandshakeTimeout ?? options.HandshakeTimeout,
            Compression = Compression ?? options.Compression,
        };
    }
}
