using System.Globalization;
using Nats.Edge.Configuration;

namespace Nats.Edge.CommandLine;

/// <summary>
/// Reads nats-server's common flags the way Go's flag package does: one or two dashes,
/// <c>-p 4222</c> or <c>-p=4222</c>, booleans alone or as <c>-D=true</c>.
/// </summary>
internal static class CommandLineParser
{
    public static HostArguments Parse(IReadOnlyList<string> args)
    {
        var result = new HostArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] != '-')
            {
                throw new CommandLineException($"unexpected argument \"{arg}\"");
            }

            var name = arg.TrimStart('-');
            string? inline = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new CommandLineException($"flag needs an argument: -{name}");
                }

                return args[++i];
            }

            bool Flag() => inline is null || ParseBool(name, inline);

            result = name switch
            {
                "h" or "help" => result with { ShowHelp = Flag() },
                "v" or "version" => result with { ShowVersion = Flag() },
                "c" or "config" => result with { ConfigFile = Value() },
                "t" => result with { ConfigTest = Flag() },
                "sl" or "signal" => result with { Signal = Value() },
                "P" or "pid" => result with { PidFile = Value() },
                "ports_file_dir" => result with { PortsFileDir = Value() },
                "l" or "log" => result with { LogFile = Value() },
                "log_size_limit" => result with { LogSizeLimit = ParseSize(name, Value()) },
                "T" or "logtime" => result with { LogTime = Flag() },
                "logtime_utc" => result with { LogTimeUtc = Flag() },
                "s" or "syslog" => result with { Syslog = Flag() },
                "r" or "remote_syslog" => result with { RemoteSyslog = Value() },
                "D" or "debug" => result with { Debug = Flag() },
                "V" or "VV" or "trace" => result with { Trace = Flag() },
                "DV" or "DVV" => result with { Debug = Flag(), Trace = Flag() },
                "a" or "addr" or "net" => result with { Host = Value() },
                "p" or "port" => result with { Port = ParsePort(name, Value()) },
                "n" or "name" or "server_name" => result with { ServerName = Value() },
                "user" => result with { User = Value() },
                "pass" => result with { Password = Value() },
                "auth" => result with { Token = Value() },
                "max_payload" => result with { MaxPayload = (int)ParseSize(name, Value(), int.MaxValue) },
                "m" or "http_port" => result with { HttpPort = ParsePort(name, Value()) },
                "ms" or "https_port" => throw new CommandLineException($"-{name}: HTTPS monitoring is not supported by nats-edge; use -m"),
                "cluster" or "cluster_listen" => result with { ClusterListen = ParseClusterUrl(name, Value()) },
                "routes" => result with { Routes = ParseRoutes(name, Value()) },
                "cluster_name" => result with { ClusterName = Value() },
                "leafnode" => result with { Leafnodes = [.. result.Leafnodes, ParseHubUrl(name, Value())] },
                _ => throw new CommandLineException($"flag provided but not defined: -{name}"),
            };
        }

        return result;
    }

    // "nats-leaf://user:pass@hub.example.com:7422", or just "hub.example.com" (port 7422).
    private static Uri ParseHubUrl(string name, string value) =>
        ServerUrls.TryParseLeaf(value, out var url)
            ? url
            : throw new CommandLineException($"invalid value \"{value}\" for -{name}: not a nats-leaf://, nats:// or tls:// URL");

    // "nats://0.0.0.0:6222", with user:pass@ for the login routes must give; port -1 (which a URI
    // cannot hold) picks a free one, as 0 does.
    private static Uri ParseClusterUrl(string name, string value) =>
        Uri.TryCreate(value.EndsWith(":-1", StringComparison.Ordinal) ? value[..^2] + "0" : value, UriKind.Absolute, out var url)
            && url.Scheme is "nats" or "nats-route" && !string.IsNullOrEmpty(url.Host)
            ? url
            : throw new CommandLineException($"invalid value \"{value}\" for -{name}: not a nats://host:port URL");

    private static List<Uri> ParseRoutes(string name, string value)
    {
        var routes = new List<Uri>();
        foreach (var text in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            routes.Add(ServerUrls.TryParseRoute(text, out var url)
                ? url
                : throw new CommandLineException($"invalid value \"{text}\" for -{name}: not a nats-route://host:port URL"));
        }

        return routes;
    }

    private static bool ParseBool(string name, string value) => value.ToLowerInvariant() switch
    {
        "1" or "t" or "true" => true,
        "0" or "f" or "false" => false,
        _ => throw new CommandLineException($"invalid boolean value \"{value}\" for -{name}"),
    };

    private static int ParsePort(string name, string value)
    {
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port) || port < -1 || port > 65535)
        {
            throw new CommandLineException($"invalid value \"{value}\" for -{name}: a port is -1 (random), 0 or 1-65535");
        }

        return port;
    }

    private static long ParseSize(string name, string value, long max = long.MaxValue)
    {
        if (!ConfigValue.TryParseSize(value, out var size) || size <= 0 || size > max)
        {
            throw new CommandLineException($"invalid value \"{value}\" for -{name}: a size such as 1048576 or 1MB");
        }

        return size;
    }
}
