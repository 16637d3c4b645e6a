using Microsoft.Extensions.Configuration;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>Reads nats-server's <c>cluster</c> block by hand (routes come as a string or a list).</summary>
internal sealed class ClusterConfigReader(KeyLocations where)
{
    private readonly SectionReader _read = new(where);

    public ClusterOptions Read(IConfigurationSection section)
    {
        var options = new ClusterOptions();
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "name":
                    options = options with { Name = _read.Scalar(child) };
                    break;
                case "listen":
                    var (host, port) = ConfigFileLoader.SplitListen(where, child.Path, _read.Scalar(child), options.Host);
                    options = options with { Host = host, Port = port };
                    break;
                case "port":
                    options = options with { Port = _read.Int(child) };
                    break;
                case "host" or "net":
                    options = options with { Host = _read.Scalar(child) };
                    break;
                case "routes":
                    options = options with { Routes = Routes(child) };
                    break;
                case "authorization":
                    options = Authorization(child, options);
                    break;
                case "no_advertise":
                    options = options with { NoAdvertise = _read.Bool(child) };
                    break;
                case "connect_retries":
                    options = options with { ConnectRetries = _read.Int(child) };
                    break;
                case "advertise" or "cluster_advertise" or "tls" or "permissions" or "pool_size" or "accounts" or "compression" or "ping_interval" or "ping_max":
                    throw _read.Unsupported(child);
                default:
                    throw _read.Unknown(child);
            }
        }

        return options;
    }

    /// <summary>Route URLs as <c>--routes</c> and the config give them: <c>nats-route://[user:pass@]host:port</c>.</summary>
    public static bool TryParseRoute(string text, out Uri url) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out url!) && url.Scheme is "nats-route" or "nats" or "route" && url.Port > 0;

    private List<Uri> Routes(IConfigurationSection section)
    {
        var routes = new List<Uri>();
        foreach (var text in _read.Strings(section))
        {
            routes.Add(TryParseRoute(text, out var url)
                ? url
                : throw new ConfigException($"{where.Of(section)}: key \"{SectionReader.Key(section)}\": \"{text}\" is not a nats-route://host:port URL"));
        }

        return routes;
    }

    private ClusterOptions Authorization(IConfigurationSection section, ClusterOptions options)
    {
        foreach (var child in section.GetChildren())
        {
            switch (child.Key.ToLowerInvariant())
            {
                case "user" or "username":
                    options = options with { Username = _read.Scalar(child) };
                    break;
                case "pass" or "password":
                    options = options with { Password = _read.Scalar(child) };
                    break;
                case "timeout":
                    options = options with { AuthTimeout = _read.Duration(child) };
                    break;
                default:
                    throw _read.Unknown(child);
            }
        }

        return options;
    }
}
