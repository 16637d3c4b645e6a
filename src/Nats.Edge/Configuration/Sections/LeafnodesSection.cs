using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>nats-server's <c>leafnodes</c> block: the listener leafs connect to, and the remotes this server dials.</summary>
internal sealed class LeafnodesSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Listen), KeyShape.Text, "listen")
        .Add(nameof(Host), KeyShape.Text, "host", "net")
        .Add(nameof(Port), KeyShape.Number, "port")
        .Add(nameof(Authorization), KeyShape.Block, LeafAuthorizationSection.Keys, "authorization")
        .Add(nameof(Remotes), KeyShape.Blocks, RemoteSection.Keys, "remotes")
        .Add(nameof(Reconnect), KeyShape.Duration, "reconnect", "reconnect_delay", "reconnect_interval")
        .Add(nameof(DialTimeout), KeyShape.Duration, "dial_timeout")
        .BlockOrValue(nameof(Compression), CompressionSection.Keys, shorthand: "mode", "compression")
        .Add(nameof(Tls), KeyShape.Block, TlsSection.LeafKeys, "tls")
        .Unsupported("advertise", "leafnode_advertise", "no_advertise", "min_version", "minimum_version");

    public string? Listen { get; set; }

    public string? Host { get; set; }

    public int? Port { get; set; }

    public LeafAuthorizationSection? Authorization { get; set; }

    public List<RemoteSection>? Remotes { get; set; }

    public TimeSpan? Reconnect { get; set; }

    public TimeSpan? DialTimeout { get; set; }

    public CompressionSection? Compression { get; set; }

    public TlsSection? Tls { get; set; }

    // A block with only remotes listens nowhere, as in nats-server; "listen" or "port" opens the port.
    public LeafnodeOptions ToOptions(ConfigPath at, string folder)
    {
        var options = new LeafnodeOptions();
        var listen = ListenAddress.Split(at.Child(nameof(Listen)), Listen);
        var remotes = new List<RemoteLeafOptions>();
        for (var i = 0; i < Remotes?.Count; i++)
        {
            remotes.Add(Remotes[i].ToOptions(at.Child(nameof(Remotes)).Item(i), folder));
        }

        return options with
        {
            Host = Host ?? listen.Host ?? options.Host,
            Port = Port ?? listen.Port,
            Username = Authorization?.User,
            Password = Authorization?.Password,
            Account = Authorization?.Account,
            AuthTimeout = Authorization?.Timeout ?? options.AuthTimeout,
            Users = [.. Authorization?.Users?.Select(static user => user.ToOptions()) ?? []],
            Tls = TlsSection.ToOptions(Tls, at.Child(nameof(Tls)), folder),
            Remotes = remotes,
            ReconnectDelay = Reconnect ?? options.ReconnectDelay,
            DialTimeout = DialTimeout ?? options.DialTimeout,
            Compression = CompressionSection.ToOptions(Compression, at.Child(nameof(Compression)), on: CompressionModes.S2Auto, otherwise: options.Compression.Mode),
        };
    }
}
