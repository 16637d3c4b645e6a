using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>nats-server's <c>cluster</c> block (routes come as a string or a list).</summary>
internal sealed class ClusterSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("name", KeyShape.Text)
        .Add("listen", KeyShape.Text)
        .Add("host", KeyShape.Text, "net")
        .Add("port", KeyShape.Number)
        .Add("routes", KeyShape.Strings)
        .Add("authorization", KeyShape.Block, ClusterAuthorizationSection.Keys)
        .Add("no_advertise", KeyShape.Flag)
        .Add("connect_retries", KeyShape.Number)
        .Unsupported("advertise", "cluster_advertise", "tls", "permissions", "pool_size", "accounts", "compression", "ping_interval", "ping_max");

    [ConfigurationKeyName("name")]
    public string? Name { get; set; }

    [ConfigurationKeyName("listen")]
    public string? Listen { get; set; }

    [ConfigurationKeyName("host")]
    public string? Host { get; set; }

    [ConfigurationKeyName("port")]
    public int? Port { get; set; }

    [ConfigurationKeyName("routes")]
    public List<string>? Routes { get; set; }

    [ConfigurationKeyName("authorization")]
    public ClusterAuthorizationSection? Authorization { get; set; }

    [ConfigurationKeyName("no_advertise")]
    public bool? NoAdvertise { get; set; }

    [ConfigurationKeyName("connect_retries")]
    public int? ConnectRetries { get; set; }

    public ClusterOptions ToOptions(ConfigPath at)
    {
        var options = new ClusterOptions();
        var (host, port) = Listen is null
            ? (Host ?? options.Host, Port ?? options.Port)
            : ListenAddress.Split(at.Child("listen"), Listen, Host ?? options.Host);
        var routes = new List<Uri>();
        for (var i = 0; i < Routes?.Count; i++)
        {
            routes.Add(ServerUrls.TryParseRoute(Routes[i], out var url)
                ? url
                : throw at.Child("routes").Item(i).Invalid($"\"{Routes[i]}\" is not a nats-route://host:port URL"));
        }

        return options with
        {
            Name = Name,
            Host = host,
            Port = port,
            Routes = routes,
            Username = Authorization?.User,
            Password = Authorization?.Password,
            AuthTimeout = Authorization?.Timeout ?? options.AuthTimeout,
            NoAdvertise = NoAdvertise ?? options.NoAdvertise,
            ConnectRetries = ConnectRetries ?? options.ConnectRetries,
        };
    }
}
