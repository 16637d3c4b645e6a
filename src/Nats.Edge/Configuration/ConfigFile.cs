using Microsoft.Extensions.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>
/// The config file's keys, spelled as nats-server spells them so one JSON file configures either
/// server. Sizes and durations stay strings here: nats-server accepts both <c>1048576</c> and <c>"1MB"</c>.
/// </summary>
internal sealed class ConfigFile
{
    [ConfigurationKeyName("host")]
    public string? Host { get; set; }

    [ConfigurationKeyName("net")]
    public string? Net { get; set; }

    [ConfigurationKeyName("listen")]
    public string? Listen { get; set; }

    [ConfigurationKeyName("port")]
    public int? Port { get; set; }

    [ConfigurationKeyName("server_name")]
    public string? ServerName { get; set; }

    [ConfigurationKeyName("max_payload")]
    public string? MaxPayload { get; set; }

    [ConfigurationKeyName("max_control_line")]
    public string? MaxControlLine { get; set; }

    [ConfigurationKeyName("max_pending")]
    public string? MaxPending { get; set; }

    [ConfigurationKeyName("max_connections")]
    public int? MaxConnections { get; set; }

    [ConfigurationKeyName("max_subscriptions")]
    public int? MaxSubscriptions { get; set; }

    [ConfigurationKeyName("ping_interval")]
    public string? PingInterval { get; set; }

    [ConfigurationKeyName("ping_max")]
    public int? PingMax { get; set; }

    [ConfigurationKeyName("write_deadline")]
    public string? WriteDeadline { get; set; }

    [ConfigurationKeyName("http_port")]
    public int? HttpPort { get; set; }

    [ConfigurationKeyName("monitor_port")]
    public int? MonitorPort { get; set; }

    /// <summary>"host:port" or a port alone.</summary>
    [ConfigurationKeyName("http")]
    public string? Http { get; set; }

    [ConfigurationKeyName("http_base_path")]
    public string? HttpBasePath { get; set; }

    // Bound only to be refused with a clear message instead of "unknown key".
    [ConfigurationKeyName("https_port")]
    public int? HttpsPort { get; set; }

    [ConfigurationKeyName("https")]
    public string? Https { get; set; }

    [ConfigurationKeyName("no_header_support")]
    public bool? NoHeaderSupport { get; set; }

    [ConfigurationKeyName("debug")]
    public bool? Debug { get; set; }

    [ConfigurationKeyName("trace")]
    public bool? Trace { get; set; }

    [ConfigurationKeyName("trace_verbose")]
    public bool? TraceVerbose { get; set; }

    [ConfigurationKeyName("logtime")]
    public bool? LogTime { get; set; }

    [ConfigurationKeyName("logtime_utc")]
    public bool? LogTimeUtc { get; set; }

    [ConfigurationKeyName("logfile")]
    public string? LogFile { get; set; }

    [ConfigurationKeyName("log_file")]
    public string? LogFileAlias { get; set; }

    [ConfigurationKeyName("log_size_limit")]
    public string? LogSizeLimit { get; set; }

    [ConfigurationKeyName("logfile_size_limit")]
    public string? LogSizeLimitAlias { get; set; }

    [ConfigurationKeyName("syslog")]
    public bool? Syslog { get; set; }

    [ConfigurationKeyName("remote_syslog")]
    public string? RemoteSyslog { get; set; }

    [ConfigurationKeyName("pid_file")]
    public string? PidFile { get; set; }

    [ConfigurationKeyName("ports_file_dir")]
    public string? PortsFileDir { get; set; }

    [ConfigurationKeyName("lame_duck_duration")]
    public string? LameDuckDuration { get; set; }

    [ConfigurationKeyName("lame_duck_grace_period")]
    public string? LameDuckGracePeriod { get; set; }

    // Permission lists take a string, a list or an allow/deny object, which no bound type can hold:
    // these two sections are read by hand (SecurityConfigReader).
    [ConfigurationKeyName("authorization")]
    public IConfigurationSection? Authorization { get; set; }

    [ConfigurationKeyName("accounts")]
    public IConfigurationSection? Accounts { get; set; }

    [ConfigurationKeyName("cluster")]
    public IConfigurationSection? Cluster { get; set; }

    [ConfigurationKeyName("leafnodes")]
    public IConfigurationSection? Leafnodes { get; set; }

    // nats-edge's own: the board's sensors and actuators (DevicesConfigReader).
    [ConfigurationKeyName("devices")]
    public IConfigurationSection? Devices { get; set; }

    [ConfigurationKeyName("no_auth_user")]
    public string? NoAuthUser { get; set; }

    [ConfigurationKeyName("system_account")]
    public string? SystemAccount { get; set; }

    [ConfigurationKeyName("tls")]
    public TlsSection? Tls { get; set; }
}
