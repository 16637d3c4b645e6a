using System.Globalization;
using Microsoft.Extensions.Configuration;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>
/// Reads a JSON config file with Microsoft.Extensions.Configuration.Json and binds it through the
/// binding source generator (no reflection), then turns nats-server's spellings into options.
/// </summary>
internal static class ConfigFileLoader
{
    public static LoadedConfig Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ConfigException($"config file \"{path}\" does not exist");
        }

        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder()
                .SetBasePath(Path.GetDirectoryName(fullPath)!)
                .AddJsonFile(Path.GetFileName(fullPath), optional: false, reloadOnChange: false)
                .Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            throw new ConfigException($"{path}: {JsonError(ex)}");
        }

        var file = new ConfigFile();
        try
        {
            root.Bind(file, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            // The binder lists the keys it could not place after the last ": ".
            var keys = ex.Message[(ex.Message.LastIndexOf(": ", StringComparison.Ordinal) + 2)..];
            throw new ConfigException($"{path}: unknown configuration key {keys}");
        }

        return new LoadedConfig(ToOptions(path, file), file.Debug ?? false, file.Trace ?? false, file.LogFile ?? file.LogFileAlias);
    }

    // The JSON reader's own words carry the line: "'}' is an invalid start of a value. LineNumber: 1 | ...".
    private static string JsonError(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Text.Json.JsonException json)
            {
                return $"line {json.LineNumber + 1}: {json.Message.Split(" LineNumber:")[0]}";
            }
        }

        return ex.Message;
    }

    private static ServerOptions ToOptions(string path, ConfigFile file)
    {
        var options = new ServerOptions();
        var host = file.Host ?? file.Net ?? options.Host;
        var port = file.Port ?? options.Port;
        if (file.Listen is { } listen)
        {
            (host, port) = SplitListen(path, listen, host);
        }

        var security = new SecurityConfigReader(path).Read(file.Authorization, file.Accounts);
        var (httpHost, httpPort) = Monitoring(path, file);
        return options with
        {
            Host = host,
            Port = port,
            ServerName = file.ServerName,
            MaxPayload = (int)Size(path, "max_payload", file.MaxPayload, options.MaxPayload, int.MaxValue),
            MaxControlLine = (int)Size(path, "max_control_line", file.MaxControlLine, options.MaxControlLine, int.MaxValue),
            MaxPending = Size(path, "max_pending", file.MaxPending, options.MaxPending, long.MaxValue),
            MaxConnections = file.MaxConnections ?? options.MaxConnections,
            MaxSubscriptions = file.MaxSubscriptions ?? options.MaxSubscriptions,
            PingInterval = Duration(path, "ping_interval", file.PingInterval, options.PingInterval),
            MaxPingsOutstanding = file.PingMax ?? options.MaxPingsOutstanding,
            WriteDeadline = Duration(path, "write_deadline", file.WriteDeadline, options.WriteDeadline),
            NoHeaderSupport = file.NoHeaderSupport ?? options.NoHeaderSupport,
            HttpHost = httpHost,
            HttpPort = httpPort ?? options.HttpPort,
            HttpBasePath = file.HttpBasePath ?? options.HttpBasePath,
            Username = security.User,
            Password = security.Password,
            AuthorizationToken = security.Token,
            AuthTimeout = Duration(path, "authorization.timeout", security.Timeout, options.AuthTimeout),
            Users = security.Users,
            Accounts = security.Accounts,
            NoAuthUser = file.NoAuthUser,
            SystemAccount = file.SystemAccount ?? options.SystemAccount,
            Tls = file.Tls is { } tls ? ToTls(path, tls) : null,
            Leafnodes = file.Leafnodes is { } leafnodes ? new LeafnodeConfigReader(path).Read(leafnodes) : null,
        };
    }

    // "http" gives host and port, "http_port" (alias "monitor_port") the port; the port keys win.
    private static (string? Host, int? Port) Monitoring(string path, ConfigFile file)
    {
        if (file.HttpsPort is not null || file.Https is not null)
        {
            var key = file.HttpsPort is not null ? "https_port" : "https";
            throw new ConfigException($"{path}: key \"{key}\": HTTPS monitoring is not supported by nats-edge; use http_port");
        }

        string? host = null;
        int? port = null;
        if (file.Http is { } http)
        {
            var colon = http.LastIndexOf(':');
            if (!int.TryParse(http.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var httpPort))
            {
                throw new ConfigException($"{path}: key \"http\": \"{http}\" is not host:port or a port");
            }

            host = colon > 0 ? http[..colon].Trim('[', ']') : null;
            port = httpPort;
        }

        return (host, file.HttpPort ?? file.MonitorPort ?? port);
    }

    // Relative certificate paths are taken from the config file's folder, so a file and its
    // certificates can move together.
    public static TlsOptions ToTls(string path, TlsSection tls)
    {
        if (tls.CertificateFile is null || tls.KeyFile is null)
        {
            throw new ConfigException($"{path}: key \"tls\" needs both cert_file and key_file");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return new TlsOptions
        {
            CertificateFile = Path.Combine(folder, tls.CertificateFile),
            KeyFile = Path.Combine(folder, tls.KeyFile),
            CaFile = tls.CaFile is null ? null : Path.Combine(folder, tls.CaFile),
            Verify = tls.Verify ?? false,
            VerifyAndMap = tls.VerifyAndMap ?? false,
            Timeout = Duration(path, "tls.timeout", tls.Timeout, TimeSpan.FromSeconds(2)),
        };
    }

    // "listen": "host:port" or ":port", as nats-server takes it.
    public static (string Host, int Port) SplitListen(string path, string listen, string defaultHost)
    {
        var colon = listen.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(listen.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port))
        {
            throw new ConfigException($"{path}: key \"listen\": \"{listen}\" is not host:port");
        }

        var host = listen[..colon].Trim('[', ']');
        return (host.Length == 0 ? defaultHost : host, port);
    }

    private static long Size(string path, string key, string? text, long fallback, long max)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!ConfigValue.TryParseSize(text, out var size) || size < 0 || size > max)
        {
            throw new ConfigException($"{path}: key \"{key}\": \"{text}\" is not a size (e.g. 1048576 or 1MB)");
        }

        return size;
    }

    private static TimeSpan Duration(string path, string key, string? text, TimeSpan fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!ConfigValue.TryParseDuration(text, out var duration))
        {
            throw new ConfigException($"{path}: key \"{key}\": \"{text}\" is not a duration (e.g. 2m, 500ms or seconds)");
        }

        return duration;
    }
}
