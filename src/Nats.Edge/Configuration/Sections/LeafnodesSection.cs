using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>nats-server's <c>leafnodes</c> block: the listener leafs connect to, and the remotes this server dials.</summary>
internal sealed class LeafnodesSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("listen", KeyShape.Text)
        .Add("host", KeyShape.Text, "net")
        .Add("port", KeyShape.Number)
        .Add("authorization", KeyShape.Block, LeafAuthorizationSection.Keys)
        .Add("remotes", KeyShape.Blocks, RemoteSection.Keys)
        .Add("reconnect", KeyShape.Duration, "reconnect_delay", "reconnect_interval")
        .Add("tls", KeyShape.Block, TlsSection.LeafKeys)
        .Unsupported("advertise", "leafnode_advertise", "no_advertise", "min_version", "minimum_version", "compression");

    [ConfigurationKeyName("listen")]
    public string? Listen { get; set; }

    [ConfigurationKeyName("host")]
    public string? Host { get; set; }

    [ConfigurationKeyName("port")]
    public int? Port { get; set; }

    [ConfigurationKeyName("authorization")]
    public LeafAuthorizationSection? Authorization { get; set; }

    [ConfigurationKeyName("remotes")]
    public List<RemoteSection>? Remotes { get; set; }

    [ConfigurationKeyName("reconnect")]
    public TimeSpan? Reconnect { get; set; }

    [ConfigurationKeyName("tls")]
    public TlsSection? Tls { get; set; }

    // A block with only remotes listens nowhere, as in nats-server; "listen" or "port" opens the port.
    public LeafnodeOptions ToOptions(ConfigPath at, string folder)
    {
        var options = new LeafnodeOptions();
        var (host, port) = Listen is null
            ? (Host ?? options.Host, Port)
            : ListenAddress.Split(at.Child("listen"), Listen, Host ?? options.Host);
        var remotes = new List<RemoteLeafOptions>();
        for (var i = 0; i < Remotes?.Count; i++)
        {
            remotes.Add(Remotes[i].ToOptions(at.Child("remotes").Item(i), folder));
        }

        return options with
        {
            Host = host,
            Port = port,
            Username = Authorization?.User,
            Password = Authorization?.Password,
            Account = Authorization?.Account,
            AuthTimeout = Authorization?.Timeout ?? options.AuthTimeout,
            Users = [.. Authorization?.Users?.Select(static user => user.ToOptions()) ?? []],
            Tls = TlsSection.ToOptions(Tls, at.Child("tls"), folder),
            Remotes = remotes,
            ReconnectDelay = Reconnect ?? options.ReconnectDelay,
        };
    }
}
