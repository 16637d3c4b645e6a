using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>nats-server's <c>cluster</c> block (routes come as a string or a list).</summary>
internal sealed class ClusterSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Name), KeyShape.Text, "name")
        .Add(nameof(Listen), KeyShape.Text, "listen")
        .Add(nameof(Host), KeyShape.Text, "host", "net")
        .Add(nameof(Port), KeyShape.Number, "port")
        .Add(nameof(Routes), KeyShape.Strings, "routes")
        .Add(nameof(Authorization), KeyShape.Block, ClusterAuthorizationSection.Keys, "authorization")
        .Add(nameof(NoAdvertise), KeyShape.Flag, "no_advertise")
        .Add(nameof(ConnectRetries), KeyShape.Number, "connect_retries")
        .Add(nameof(Tls), KeyShape.Block, TlsSection.LinkKeys, "tls")
        .BlockOrValue(nameof(Compression), CompressionSection.Keys, shorthand: "mode", "compression")
        .Unsupported("advertise", "cluster_advertise", "permissions", "pool_size", "accounts", "ping_interval", "ping_max");

    public string? Name { get; set; }

    public string? Listen { get; set; }

    public string? Host { get; set; }

    public int? Port { get; set; }

    public List<string>? Routes { get; set; }

    public ClusterAuthorizationSection? Authorization { get; set; }

    public bool? NoAdvertise { get; set; }

    public int? ConnectRetries { get; set; }

    public TlsSection? Tls { get; set; }

    public CompressionSection? Compression { get; set; }

    public ClusterOptions ToOptions(ConfigPath at, string folder)
    {
        var options = new ClusterOptions();
        var listen = ListenAddress.Split(at.Child(nameof(Listen)), Listen);
        var routes = new List<Uri>();
        for (var i = 0; i < Routes?.Count; i++)
        {
            routes.Add(ServerUrls.TryParseRoute(Routes[i], out var url)
                ? url
                : throw at.Child(nameof(Routes)).Item(i).Invalid($"\"{Routes[i]}\" is not a nats-route://host:port URL"));
        }

        return options with
        {
            Name = Name,
            Host = Host ?? listen.Host ?? options.Host,
            Port = Port ?? listen.Port ?? options.Port,
            Routes = routes,
            Username = Authorization?.User,
            Password = Authorization?.Password,
            AuthTimeout = Authorization?.Timeout ?? options.AuthTimeout,
            NoAdvertise = NoAdvertise ?? options.NoAdvertise,
            ConnectRetries = ConnectRetries ?? options.ConnectRetries,
            Tls = TlsSection.ToOptions(Tls, at.Child(nameof(Tls)), folder),

            // "on" means s2_fast on a route (s2_auto on a leafnode), as nats-server reads it.
            Compression = CompressionSection.ToOptions(Compression, at.Child(nameof(Compression)), on: CompressionModes.S2Fast, otherwise: options.Compression.Mode),
        };
    }
}
