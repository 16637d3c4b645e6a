using System.Globalization;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Configuration.Sections;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>The bound file turned into options: what every key means, and what its absence leaves.</summary>
internal sealed partial class ConfigFile
{
    /// <param name="at">The file's top level, for errors.</param>
    /// <param name="folder">Where relative file paths start: the config file's folder.</param>
    public ServerOptions ToOptions(ConfigPath at, string folder)
    {
        var options = new ServerOptions();
        var listen = ListenAddress.Split(at.Child(nameof(Listen)), Listen);
        var (httpHost, httpPort) = Http is null ? (null, null) : Monitoring(at.Child(nameof(Http)), Http);
        var users = new List<UserOptions>(Authorization?.ToUsers(at.Child(nameof(Authorization))) ?? []);
        var accounts = new List<AccountOptions>();
        foreach (var (name, account) in Accounts ?? [])
        {
            accounts.Add(account.ToOptions(at.Child(nameof(Accounts)).Child(name), name));
            users.AddRange(account.ToUsers(at.Child(nameof(Accounts)).Child(name), name));
        }

        // An empty block is refused for its missing name, where nats-server quietly runs no gateway.
        var gateway = Gateway is null && !at.Child(nameof(Gateway)).IsWritten
            ? null
            : (Gateway ?? new GatewaySection()).ToOptions(at.Child(nameof(Gateway)), folder);

        return options with
        {
            Host = Host ?? listen.Host ?? options.Host,
            Port = Port ?? listen.Port ?? options.Port,
            ServerName = ServerName,
            MaxPayload = MaxPayload ?? options.MaxPayload,
            MaxControlLine = MaxControlLine ?? options.MaxControlLine,
            MaxPending = MaxPending ?? options.MaxPending,
            MaxConnections = MaxConnections ?? options.MaxConnections,
            MaxSubscriptions = MaxSubscriptions ?? options.MaxSubscriptions,
            MaxTracedMsgLen = MaxTracedMsgLen ?? options.MaxTracedMsgLen,
            PingInterval = PingInterval ?? options.PingInterval,
            MaxPingsOutstanding = PingMax ?? options.MaxPingsOutstanding,
            WriteDeadline = WriteDeadline ?? options.WriteDeadline,
            NoHeaderSupport = NoHeaderSupport ?? options.NoHeaderSupport,
            LameDuckDuration = LameDuckDuration is { } duration ? AtLeast30Seconds(at.Child(nameof(LameDuckDuration)), duration) : options.LameDuckDuration,
            LameDuckGracePeriod = LameDuckGracePeriod ?? options.LameDuckGracePeriod,
            HttpHost = httpHost,
            // "http_port" (or "monitor_port") wins over the port of "http".
            HttpPort = HttpPort ?? httpPort ?? options.HttpPort,
            HttpBasePath = HttpBasePath ?? options.HttpBasePath,
            Username = Authorization?.User,
            Password = Authorization?.Password,
            AuthorizationToken = Authorization?.Token,
            AuthTimeout = Authorization?.Timeout ?? options.AuthTimeout,
            Users = users,
            Accounts = accounts,
            NoAuthUser = NoAuthUser,
            SystemAccount = SystemAccount ?? options.SystemAccount,
            Tls = TlsSection.ToOptions(Tls, at.Child(nameof(Tls)), folder),
            Leafnodes = Leafnodes?.ToOptions(at.Child(nameof(Leafnodes)), folder),
            Cluster = Cluster?.ToOptions(at.Child(nameof(Cluster)), folder) is { } cluster ? Named(at, cluster, gateway) : null,
            Gateway = gateway,
            Websocket = Websocket?.ToOptions(at.Child(nameof(Websocket)), folder),
        };
    }

    public HostSettings ToHostSettings()
    {
        var settings = new HostSettings();
        return settings with
        {
            Debug = Debug ?? settings.Debug,
            Trace = Trace == true || TraceVerbose == true,
            LogFile = LogFile,
            LogSizeLimit = LogSizeLimit ?? settings.LogSizeLimit,
            LogTime = LogTime ?? settings.LogTime,
            LogTimeUtc = LogTimeUtc ?? settings.LogTimeUtc,
            Syslog = Syslog ?? settings.Syslog,
            RemoteSyslog = RemoteSyslog,
            PidFile = PidFile,
            PortsFileDir = PortsFileDir,
        };
    }

    /// <summary>The device bridge's options, when the file has a <c>devices</c> block; its board is named after the server unless the block names it.</summary>
    public DeviceBridgeOptions? ToDevices(ConfigPath at) =>
        Devices?.ToOptions(at.Child(nameof(Devices)), DevicesSection.TokenFrom(ServerName ?? Environment.MachineName));

    // "http": "host:port", or a port alone.
    private static (string? Host, int? Port) Monitoring(ConfigPath at, string http)
    {
        var colon = http.LastIndexOf(':');
        return int.TryParse(http.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port)
            ? (colon > 0 ? http[..colon].Trim('[', ']') : null, port)
            : throw at.Invalid($"\"{http}\" is not host:port or a port");
    }

    // A cluster is a gateway's: it takes the gateway's name when it has none, so that the name is not
    // generated, and may not have another (nats-server's validateCluster, server/server.go, and its
    // ErrClusterNameConfigConflict wording).
    private static ClusterOptions Named(ConfigPath at, ClusterOptions cluster, GatewayOptions? gateway) => (cluster.Name, gateway?.Name) switch
    {
        (_, null) => cluster,
        (null, var name) => cluster with { Name = name },
        var (own, name) when own == name => cluster,
        _ => throw at.Child(nameof(Gateway)).Child(nameof(GatewaySection.Name)).Invalid("cluster name conflicts between cluster and gateway definitions"),
    };

    // nats-server refuses less than 30 s: a shorter drain would send every client reconnecting at once.
    private static TimeSpan AtLeast30Seconds(ConfigPath at, TimeSpan duration) =>
        duration >= TimeSpan.FromSeconds(30)
            ? duration
            : throw new ConfigException($"{at.Where}: invalid lame_duck_duration of {GoDuration.Format(duration)}, minimum is 30 seconds");
}
