using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>nats-server's <c>gateway</c> block: this cluster's name and listener, and the clusters it dials.</summary>
internal sealed class GatewaySection
{
    // Every key nats-server 2.9's parseGateway takes (server/opts.go); it has no others to refuse.
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Name), KeyShape.Text, "name")
        .Add(nameof(Listen), KeyShape.Text, "listen")
        .Add(nameof(Host), KeyShape.Text, "host", "net")
        .Add(nameof(Port), KeyShape.Number, "port")
        .Add(nameof(Advertise), KeyShape.Text, "advertise")
        .Add(nameof(Gateways), KeyShape.Blocks, RemoteGatewaySection.Keys, "gateways")
        .Add(nameof(Authorization), KeyShape.Block, GatewayAuthorizationSection.Keys, "authorization")
        .Add(nameof(Tls), KeyShape.Block, TlsSection.LinkKeys, "tls")
        .Add(nameof(ConnectRetries), KeyShape.Number, "connect_retries")
        // reject_unknown is the spelling before nats-server 2.2 renamed it.
        .Add(nameof(RejectUnknown), KeyShape.Flag, "reject_unknown_cluster", "reject_unknown");

    public string? Name { get; set; }

    public string? Listen { get; set; }

    public string? Host { get; set; }

    public int? Port { get; set; }

    public string? Advertise { get; set; }

    public List<RemoteGatewaySection>? Gateways { get; set; }

    public GatewayAuthorizationSection? Authorization { get; set; }

    public TlsSection? Tls { get; set; }

    public int? ConnectRetries { get; set; }

    public bool? RejectUnknown { get; set; }

    // The errors are nats-server's (server/gateway.go, validateGatewayOptions), but for the spaces one,
    // which nats-server only checks from 2.11: 2.9 takes such a name and breaks on it later.
    public GatewayOptions ToOptions(ConfigPath at, string folder)
    {
        if (string.IsNullOrEmpty(Name))
        {
            throw at.Invalid("gateway has no name");
        }

        if (Name.Contains(' ', StringComparison.Ordinal))
        {
            throw at.Child(nameof(Name)).Invalid("gateway name cannot contain spaces");
        }

        var listen = ListenAddress.Split(at.Child(nameof(Listen)), Listen);
        // No conventional default: nats-server wants the port said, -1 for a free one.
        if ((Port ?? listen.Port ?? 0) == 0)
        {
            throw at.Invalid($"gateway \"{Name}\" has no port specified (select -1 for random port)");
        }

        var gateways = new List<RemoteGatewayOptions>();
        for (var i = 0; i < Gateways?.Count; i++)
        {
            gateways.Add(Gateways[i].ToOptions(at.Child(nameof(Gateways)).Item(i), i, folder));
        }

        var options = new GatewayOptions { Name = Name };
        return options with
        {
            Host = Host ?? listen.Host ?? options.Host,
            Port = Port ?? listen.Port ?? options.Port,
            Advertise = Advertise,
            Gateways = gateways,
            Username = Authorization?.User,
            Password = Authorization?.Password,
            AuthTimeout = Authorization?.Timeout ?? options.AuthTimeout,
            Tls = TlsSection.ToOptions(Tls, at.Child(nameof(Tls)), folder),
            ConnectRetries = ConnectRetries ?? options.ConnectRetries,
            RejectUnknown = RejectUnknown ?? options.RejectUnknown,
        };
    }
}
