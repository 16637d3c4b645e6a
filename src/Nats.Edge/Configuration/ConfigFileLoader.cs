using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Nats.Edge.Configuration.Conf;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>
/// Reads a config file (JSON or nats conf) with <c>NATS_EDGE_*</c> environment variables laid over
/// it, binds the result through the binding source generator (no reflection), then turns
/// nats-server's spellings into options.
/// </summary>
internal static class ConfigFileLoader
{
    // NATS_EDGE_MAX_PAYLOAD=2MB; "__" nests: NATS_EDGE_LEAFNODES__REMOTES__0__URL=nats-leaf://hub.
    public const string EnvironmentPrefix = "NATS_EDGE_";

    public static LoadedConfig Load(string? path) =>
        path is null && !HasEnvironmentOverrides()
            ? new LoadedConfig(new ServerOptions(), new HostSettings())
            : Load(path, new EnvironmentVariablesConfigurationSource { Prefix = EnvironmentPrefix }, Environment.GetEnvironmentVariable);

    // With neither a file nor a NATS_EDGE_ variable there is nothing to bind; skipping the
    // configuration stack keeps measurably more of a board's memory free (idle RSS of the AOT
    // build; figures in bench/README.md).
    private static bool HasEnvironmentOverrides()
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys)
        {
            if (name is string text && text.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Loads <paramref name="path"/> (none: overrides only) with <paramref name="overrides"/> on top;
    /// <paramref name="environment"/> answers a conf file's <c>$NAME</c> references.
    /// </summary>
    public static LoadedConfig Load(string? path, IConfigurationSource overrides, Func<string, string?> environment)
    {
        var content = path is null ? null : ConfigFileReader.Read(path, environment);
        var environmentProvider = new OverrideProvider(overrides.Build(new ConfigurationBuilder()));
        var warnings = new List<string>();
        while (true)
        {
            try
            {
                return Load(path, content, environmentProvider) with { Warnings = warnings };
            }
            catch (ConfigException ex) when (ex.UnknownKey is { } key && IsOnlyOverridden(key, content, environmentProvider))
            {
                // The same key in the file stays an error: only the shared environment gets leeway.
                warnings.Add($"{ex.Message}, ignored");
                environmentProvider.Forget(key);
            }
        }
    }

    private static bool IsOnlyOverridden(string key, ConfigFileContent? content, OverrideProvider overrides) =>
        overrides.Holds(key) && content?.Provider.Holds(key) != true;

    private static LoadedConfig Load(string? path, ConfigFileContent? content, OverrideProvider environmentProvider)
    {
        // One root over the file's own provider rather than a chained configuration, which would
        // turn an empty list's "" into null. The root loads the file again, as it was read a moment ago.
        var root = new ConfigurationRoot(content is null ? [environmentProvider] : [content.Provider, environmentProvider]);
        var where = new KeyLocations(path, content?.Lines ?? new Dictionary<string, KeyLocation>(), environmentProvider);
        var folder = path is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var file = Bind(root, where, content?.Conf);
        var devices = file.Devices is { } section && section.Exists()
            ? new DevicesConfigReader(where).Read(section, DevicesConfigReader.TokenFrom(file.ServerName ?? Environment.MachineName))
            : null;
        return new LoadedConfig(ToOptions(where, folder, file), ToHostSettings(where, file), devices);
    }

    private static HostSettings ToHostSettings(KeyLocations where, ConfigFile file) => new()
    {
        Debug = file.Debug ?? false,
        Trace = (file.Trace ?? false) || (file.TraceVerbose ?? false),
        LogFile = file.LogFile ?? file.LogFileAlias,
        LogSizeLimit = Size(
            where, file.LogSizeLimit is null ? "logfile_size_limit" : "log_size_limit",
            file.LogSizeLimit ?? file.LogSizeLimitAlias, 0, long.MaxValue),
        LogTime = file.LogTime ?? true,
        LogTimeUtc = file.LogTimeUtc ?? false,
        Syslog = file.Syslog ?? false,
        RemoteSyslog = file.RemoteSyslog,
        PidFile = file.PidFile,
        PortsFileDir = file.PortsFileDir,
    };

    private static ConfigFile Bind(IConfiguration root, KeyLocations where, ConfConfigurationProvider? conf)
    {
        while (true)
        {
            var file = new ConfigFile();
            try
            {
                root.Bind(file, binder => binder.ErrorOnUnknownConfiguration = true);
                return file;
            }
            catch (InvalidOperationException ex) when (!BinderMessage.IsUnknownKeys(ex.Message))
            {
                throw new ConfigException($"{where.Of(BinderMessage.FailedKey(ex.Message))}: {ex.Message}");
            }
            catch (InvalidOperationException ex)
            {
                var unknown = BinderMessage.UnknownKeys(ex.Message);
                // nats-server lets a top-level key stand that only serves as a $variable; with those
                // out of the way, binding again checks the rest.
                var variables = unknown.FindAll(key => conf?.VariableKeys.Contains(key) == true);
                if (conf is null || variables.Count < unknown.Count)
                {
                    var refused = unknown.Except(variables).ToList();
                    // One stray variable at a time, so the caller can drop it and bind again. The
                    // variable's name is upper case; keys are nats-server's lower-case spelling.
                    if (refused.Find(where.IsOverridden) is { } overridden)
                    {
                        throw new ConfigException($"{where.Of(overridden)}: unknown configuration key '{Dotted(overridden).ToLowerInvariant()}'", overridden);
                    }

                    var names = string.Join(", ", refused.Select(key => $"'{Dotted(key)}'"));
                    throw new ConfigException($"{where.Of(refused[0])}: unknown configuration key {names}", refused[0]);
                }

                variables.ForEach(conf.Forget);
            }
        }
    }

    private static ServerOptions ToOptions(KeyLocations where, string folder, ConfigFile file)
    {
        var options = new ServerOptions();
        var host = file.Host ?? file.Net ?? options.Host;
        var port = file.Port ?? options.Port;
        if (file.Listen is { } listen)
        {
            (host, port) = SplitListen(where, "listen", listen, host);
        }

        var security = new SecurityConfigReader(where).Read(file.Authorization, file.Accounts);
        var (httpHost, httpPort) = Monitoring(where, file);
        return options with
        {
            Host = host,
            Port = port,
            ServerName = file.ServerName,
            MaxPayload = (int)Size(where, "max_payload", file.MaxPayload, options.MaxPayload, int.MaxValue),
            MaxControlLine = (int)Size(where, "max_control_line", file.MaxControlLine, options.MaxControlLine, int.MaxValue),
            MaxPending = Size(where, "max_pending", file.MaxPending, options.MaxPending, long.MaxValue),
            MaxConnections = file.MaxConnections ?? options.MaxConnections,
            MaxSubscriptions = file.MaxSubscriptions ?? options.MaxSubscriptions,
            PingInterval = Duration(where, "ping_interval", file.PingInterval, options.PingInterval),
            MaxPingsOutstanding = file.PingMax ?? options.MaxPingsOutstanding,
            WriteDeadline = Duration(where, "write_deadline", file.WriteDeadline, options.WriteDeadline),
            NoHeaderSupport = file.NoHeaderSupport ?? options.NoHeaderSupport,
            LameDuckDuration = LameDuckDuration(where, file.LameDuckDuration, options.LameDuckDuration),
            LameDuckGracePeriod = Duration(where, "lame_duck_grace_period", file.LameDuckGracePeriod, options.LameDuckGracePeriod),
            HttpHost = httpHost,
            HttpPort = httpPort ?? options.HttpPort,
            HttpBasePath = file.HttpBasePath ?? options.HttpBasePath,
            Username = security.User,
            Password = security.Password,
            AuthorizationToken = security.Token,
            AuthTimeout = Duration(where, "authorization:timeout", security.Timeout, options.AuthTimeout),
            Users = security.Users,
            Accounts = security.Accounts,
            NoAuthUser = file.NoAuthUser,
            SystemAccount = file.SystemAccount ?? options.SystemAccount,
            Tls = file.Tls is { } tls ? ToTls(where, folder, "tls", tls) : null,
            Leafnodes = file.Leafnodes is { } leafnodes && leafnodes.Exists() ? new LeafnodeConfigReader(where, folder).Read(leafnodes) : null,
            Cluster = file.Cluster is { } cluster && cluster.Exists() ? new ClusterConfigReader(where).Read(cluster) : null,
        };
    }

    // "http" gives host and port, "http_port" (alias "monitor_port") the port; the port keys win.
    private static (string? Host, int? Port) Monitoring(KeyLocations where, ConfigFile file)
    {
        if (file.HttpsPort is not null || file.Https is not null)
        {
            var key = file.HttpsPort is not null ? "https_port" : "https";
            throw new ConfigException($"{where.Of(key)}: key \"{key}\": HTTPS monitoring is not supported by nats-edge; use http_port");
        }

        string? host = null;
        int? port = null;
        if (file.Http is { } http)
        {
            var colon = http.LastIndexOf(':');
            if (!int.TryParse(http.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var httpPort))
            {
                throw new ConfigException($"{where.Of("http")}: key \"http\": \"{http}\" is not host:port or a port");
            }

            host = colon > 0 ? http[..colon].Trim('[', ']') : null;
            port = httpPort;
        }

        return (host, file.HttpPort ?? file.MonitorPort ?? port);
    }

    // Relative certificate paths are taken from the config file's folder, so a file and its
    // certificates can move together.
    public static TlsOptions ToTls(KeyLocations where, string folder, string key, TlsSection tls)
    {
        if (tls.CertificateFile is null || tls.KeyFile is null)
        {
            throw new ConfigException($"{where.Of(key)}: key \"{Dotted(key)}\" needs both cert_file and key_file");
        }

        return new TlsOptions
        {
            CertificateFile = Path.Combine(folder, tls.CertificateFile),
            KeyFile = Path.Combine(folder, tls.KeyFile),
            CaFile = tls.CaFile is null ? null : Path.Combine(folder, tls.CaFile),
            Verify = tls.Verify ?? false,
            VerifyAndMap = tls.VerifyAndMap ?? false,
            Timeout = Duration(where, key + ":timeout", tls.Timeout, TimeSpan.FromSeconds(2)),
        };
    }

    // "listen": "host:port" or ":port", as nats-server takes it.
    public static (string Host, int Port) SplitListen(KeyLocations where, string key, string listen, string defaultHost)
    {
        // A bare port is nats-server's "listen: 4222".
        if (int.TryParse(listen, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bare))
        {
            return (defaultHost, bare);
        }

        var colon = listen.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(listen.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port))
        {
            throw new ConfigException($"{where.Of(key)}: key \"{Dotted(key)}\": \"{listen}\" is not host:port");
        }

        var host = listen[..colon].Trim('[', ']');
        return (host.Length == 0 ? defaultHost : host, port);
    }

    private static long Size(KeyLocations where, string key, string? text, long fallback, long max)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!ConfigValue.TryParseSize(text, out var size) || size < 0 || size > max)
        {
            throw new ConfigException($"{where.Of(key)}: key \"{Dotted(key)}\": \"{text}\" is not a size (e.g. 1048576 or 1MB)");
        }

        return size;
    }

    // nats-server refuses less than 30 s: a shorter drain would send every client reconnecting at once.
    private static TimeSpan LameDuckDuration(KeyLocations where, string? text, TimeSpan fallback)
    {
        var duration = Duration(where, "lame_duck_duration", text, fallback);
        return duration >= TimeSpan.FromSeconds(30)
            ? duration
            : throw new ConfigException($"{where.Of("lame_duck_duration")}: invalid lame_duck_duration of {GoDuration.Format(duration)}, minimum is 30 seconds");
    }

    private static TimeSpan Duration(KeyLocations where, string key, string? text, TimeSpan fallback)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!ConfigValue.TryParseDuration(text, out var duration))
        {
            throw new ConfigException($"{where.Of(key)}: key \"{Dotted(key)}\": \"{text}\" is not a duration (e.g. 2m, 500ms or seconds)");
        }

        return duration;
    }

    private static string Dotted(string key) => key.Replace(':', '.');
}
