using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>
/// One of <c>leafnodes.remotes</c>: a hub to dial. Three keys are nats-edge's own: <c>allow_imports</c>,
/// <c>allow_exports</c> and <c>outbox</c>.
/// </summary>
internal sealed class RemoteSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        // Not spellings of one key: nats-server dials the URLs of both.
        .Add(nameof(Url), KeyShape.Strings, "url")
        .Add(nameof(Urls), KeyShape.Strings, "urls")
        .Add(nameof(Account), KeyShape.Text, "account", "local")
        .Add(nameof(Credentials), KeyShape.Text, "credentials", "creds")
        .Add(nameof(Nkey), KeyShape.Text, "nkey", "seed")
        .Add(nameof(Tls), KeyShape.Block, RemoteTlsSection.Keys, "tls")
        .Add(nameof(DenyImports), KeyShape.Strings, "deny_imports", "deny_import")
        .Add(nameof(DenyExports), KeyShape.Strings, "deny_exports", "deny_export")
        .Add(nameof(AllowImports), KeyShape.Strings, "allow_imports")
        .Add(nameof(AllowExports), KeyShape.Strings, "allow_exports")
        .Add(nameof(Outbox), KeyShape.Block, OutboxSection.Keys, "outbox")
        .Add(nameof(DialTimeout), KeyShape.Duration, "dial_timeout")
        .Add(nameof(FirstInfoTimeout), KeyShape.Duration, "first_info_timeout")
        .Add(nameof(Disabled), KeyShape.Flag, "disabled")
        .Add(nameof(Proxy), KeyShape.Block, ProxySection.Keys, "proxy")
        .BlockOrValue(nameof(Compression), CompressionSection.Keys, shorthand: "mode", "compression")
        // permessage-deflate offered to a websocket hub; nats-server 2.9 takes all four spellings.
        .Add(nameof(WebSocketCompression), KeyShape.Flag, "ws_compression", "ws_compress", "websocket_compression", "websocket_compress")
        // Checked and accepted for nats-server's files; the first URL dialled is picked at random regardless.
        .Ignore(KeyShape.Flag, "no_randomize", "dont_randomize")
        .Unsupported(
            // Websocket remotes always mask their frames: the no-masking keys are refused.
            "hub", "ws_no_masking", "websocket_no_masking",
            "jetstream_cluster_migrate", "js_cluster_migrate");

    public List<string>? Url { get; set; }

    public List<string>? Urls { get; set; }

    public string? Account { get; set; }

    public string? Credentials { get; set; }

    public string? Nkey { get; set; }

    public RemoteTlsSection? Tls { get; set; }

    public List<string>? DenyImports { get; set; }

    public List<string>? DenyExports { get; set; }

    public List<string>? AllowImports { get; set; }

    public List<string>? AllowExports { get; set; }

    public OutboxSection? Outbox { get; set; }

    public TimeSpan? DialTimeout { get; set; }

    public TimeSpan? FirstInfoTimeout { get; set; }

    public bool? Disabled { get; set; }

    public ProxySection? Proxy { get; set; }

    public CompressionSection? Compression { get; set; }

    public bool? WebSocketCompression { get; set; }

    public RemoteLeafOptions ToOptions(ConfigPath at, string folder)
    {
        var urls = new List<Uri>();
        AddUrls(urls, Url, at.Child(nameof(Url)));
        AddUrls(urls, Urls, at.Child(nameof(Urls)));
        if (Nkey is not null && !Nkey.StartsWith("SU", StringComparison.Ordinal))
        {
            throw at.Child(nameof(Nkey)).Invalid("Remote leafnode nkey is not a valid seed");
        }

        // nats-server's check and words (server/leafnode.go, validateLeafNode).
        if (urls.Exists(url => IsWebSocket(url) != IsWebSocket(urls[0])))
        {
            throw at.Invalid(
                $"remote leaf node configuration cannot have a mix of websocket and non-websocket urls: [{string.Join(' ', urls.Select(static url => $"\"{url.Scheme}://{url.Authority}\""))}]");
        }

        if (Credentials is not null && Nkey is not null)
        {
            throw at.Invalid("Remote leafnode can not have both creds and nkey defined");
        }

        var remote = new RemoteLeafOptions { Urls = urls.Count > 0 ? urls : throw at.Invalid("a remote needs \"url\" or \"urls\"") };
        return remote with
        {
            Account = Account,
            CredentialsFile = Credentials is null ? null : Path.Combine(folder, Credentials),
            NkeySeed = Nkey,
            // An empty block still asks for TLS toward the hub, as in nats-server.
            Tls = Tls?.ToOptions(folder) ?? (at.Child(nameof(Tls)).IsWritten ? new RemoteTlsOptions() : null),
            DenyImports = DenyImports ?? [],
            DenyExports = DenyExports ?? [],
            // An empty allow list allows nothing; no list, everything.
            AllowImports = at.Child(nameof(AllowImports)).ListOf(AllowImports),
            AllowExports = at.Child(nameof(AllowExports)).ListOf(AllowExports),
            Outbox = Outbox?.ToOptions(at.Child(nameof(Outbox)), folder),
            DialTimeout = DialTimeout,
            FirstInfoTimeout = FirstInfoTimeout ?? remote.FirstInfoTimeout,
            Disabled = Disabled ?? false,
            Proxy = Proxy?.ToOptions(at.Child(nameof(Proxy))),
            WebSocketCompression = WebSocketCompression ?? false,
            Compression = CompressionSection.ToOptions(Compression, at.Child(nameof(Compression)), on: CompressionModes.S2Auto, otherwise: remote.Compression.Mode),
        };
    }

    private static bool IsWebSocket(Uri url) => url.Scheme is "ws" or "wss";

    private static void AddUrls(List<Uri> urls, List<string>? texts, ConfigPath at)
    {
        for (var i = 0; i < texts?.Count; i++)
        {
            urls.Add(ServerUrls.TryParseLeaf(texts[i], out var url)
                ? url
                : throw at.Item(i).Invalid($"\"{texts[i]}\" is not a nats-leaf://, nats://, tls://, ws:// or wss:// URL"));
        }
    }
}
