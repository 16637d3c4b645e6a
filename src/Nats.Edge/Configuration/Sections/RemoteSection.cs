using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>
/// One of <c>leafnodes.remotes</c>: a hub to dial. Two keys are nats-edge's own: <c>allow_imports</c>
/// and <c>allow_exports</c>.
/// </summary>
internal sealed class RemoteSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("urls", KeyShape.Strings, "url")
        .Add("account", KeyShape.Text, "local")
        .Add("credentials", KeyShape.Text, "creds")
        .Add("nkey", KeyShape.Text, "seed")
        .Add("tls", KeyShape.Block, RemoteTlsSection.Keys)
        .Add("deny_imports", KeyShape.Strings, "deny_import")
        .Add("deny_exports", KeyShape.Strings, "deny_export")
        .Add("allow_imports", KeyShape.Strings)
        .Add("allow_exports", KeyShape.Strings)
        // Checked and accepted for nats-server's files; the first URL dialled is picked at random regardless.
        .Ignore("no_randomize", KeyShape.Flag, "dont_randomize")
        .Unsupported(
            "hub", "ws_compress", "ws_compression", "websocket_compress", "websocket_compression",
            "ws_no_masking", "websocket_no_masking", "jetstream_cluster_migrate", "js_cluster_migrate");

    [ConfigurationKeyName("urls")]
    public List<string>? Urls { get; set; }

    [ConfigurationKeyName("account")]
    public string? Account { get; set; }

    [ConfigurationKeyName("credentials")]
    public string? Credentials { get; set; }

    [ConfigurationKeyName("nkey")]
    public string? Nkey { get; set; }

    [ConfigurationKeyName("tls")]
    public RemoteTlsSection? Tls { get; set; }

    [ConfigurationKeyName("deny_imports")]
    public List<string>? DenyImports { get; set; }

    [ConfigurationKeyName("deny_exports")]
    public List<string>? DenyExports { get; set; }

    [ConfigurationKeyName("allow_imports")]
    public List<string>? AllowImports { get; set; }

    [ConfigurationKeyName("allow_exports")]
    public List<string>? AllowExports { get; set; }

    public RemoteLeafOptions ToOptions(ConfigPath at, string folder)
    {
        var urls = new List<Uri>();
        for (var i = 0; i < Urls?.Count; i++)
        {
            urls.Add(ServerUrls.TryParseLeaf(Urls[i], out var url)
                ? url
                : throw at.Child("urls").Item(i).Invalid($"\"{Urls[i]}\" is not a nats-leaf://, nats:// or tls:// URL"));
        }

        if (Nkey is not null && !Nkey.StartsWith("SU", StringComparison.Ordinal))
        {
            throw at.Child("nkey").Invalid("Remote leafnode nkey is not a valid seed");
        }

        if (Credentials is not null && Nkey is not null)
        {
            throw at.Invalid("Remote leafnode can not have both creds and nkey defined");
        }

        return new RemoteLeafOptions
        {
            Urls = urls.Count > 0 ? urls : throw at.Invalid("a remote needs \"url\" or \"urls\""),
            Account = Account,
            CredentialsFile = Credentials is null ? null : Path.Combine(folder, Credentials),
            NkeySeed = Nkey,
            // An empty block still asks for TLS toward the hub, as in nats-server.
            Tls = Tls?.ToOptions(folder) ?? (at.Child("tls").IsWritten ? new RemoteTlsOptions() : null),
            DenyImports = DenyImports ?? [],
            DenyExports = DenyExports ?? [],
            // An empty allow list allows nothing; no list, everything.
            AllowImports = at.Child("allow_imports").ListOf(AllowImports),
            AllowExports = at.Child("allow_exports").ListOf(AllowExports),
        };
    }
}
