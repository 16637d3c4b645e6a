using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Configuration.Sections;

namespace Nats.Edge.Configuration;

/// <summary>
/// The config file's top level, spelled as nats-server spells it so one file configures either
/// server. Each key is bound in the one shape the normaliser leaves it in: sizes as numbers,
/// durations as TimeSpans, whichever way the file wrote them.
/// </summary>
internal sealed partial class ConfigFile
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("host", KeyShape.Text, "net")
        .Add("listen", KeyShape.Text)
        .Add("port", KeyShape.Number)
        .Add("server_name", KeyShape.Text)
        .Add("max_payload", KeyShape.Size)
        .Add("max_control_line", KeyShape.Size)
        .Add("max_pending", KeyShape.LongSize)
        .Add("max_connections", KeyShape.Number)
        .Add("max_subscriptions", KeyShape.Number)
        .Add("ping_interval", KeyShape.Duration)
        .Add("ping_max", KeyShape.Number)
        .Add("write_deadline", KeyShape.Duration)
        .Add("http_port", KeyShape.Number, "monitor_port")
        .Add("http", KeyShape.Text)
        .Add("http_base_path", KeyShape.Text)
        .Refuse("https_port", "HTTPS monitoring is not supported by nats-edge; use http_port")
        .Refuse("https", "HTTPS monitoring is not supported by nats-edge; use http_port")
        .Add("no_header_support", KeyShape.Flag)
        .Add("debug", KeyShape.Flag)
        .Add("trace", KeyShape.Flag)
        .Add("trace_verbose", KeyShape.Flag)
        .Add("logtime", KeyShape.Flag)
        .Add("logtime_utc", KeyShape.Flag)
        .Add("logfile", KeyShape.Text, "log_file")
        .Add("log_size_limit", KeyShape.LongSize, "logfile_size_limit")
        .Add("syslog", KeyShape.Flag)
        .Add("remote_syslog", KeyShape.Text)
        .Add("pid_file", KeyShape.Text)
        .Add("ports_file_dir", KeyShape.Text)
        .Add("lame_duck_duration", KeyShape.Duration)
        .Add("lame_duck_grace_period", KeyShape.Duration)
        .Add("authorization", KeyShape.Block, AuthorizationSection.Keys)
        .Add("accounts", KeyShape.NamedBlocks, AccountSection.Keys)
        .Add("no_auth_user", KeyShape.Text)
        .Add("system_account", KeyShape.Text)
        .Add("tls", KeyShape.Block, TlsSection.Keys)
        .Add("cluster", KeyShape.Block, ClusterSection.Keys)
        .Add("leafnodes", KeyShape.Block, LeafnodesSection.Keys)
        // nats-edge's own: the board's sensors and actuators, which DevicesConfigReader reads and checks.
        .Add("devices", KeyShape.Unchecked);

    [ConfigurationKeyName("host")]
    public string? Host { get; set; }

    [ConfigurationKeyName("listen")]
    public string? Listen { get; set; }

    [ConfigurationKeyName("port")]
    public int? Port { get; set; }

    [ConfigurationKeyName("server_name")]
    public string? ServerName { get; set; }

    [ConfigurationKeyName("max_payload")]
    public int? MaxPayload { get; set; }

    [ConfigurationKeyName("max_control_line")]
    public int? MaxControlLine { get; set; }

    [ConfigurationKeyName("max_pending")]
    public long? MaxPending { get; set; }

    [ConfigurationKeyName("max_connections")]
    public int? MaxConnections { get; set; }

    [ConfigurationKeyName("max_subscriptions")]
    public int? MaxSubscriptions { get; set; }

    [ConfigurationKeyName("ping_interval")]
    public TimeSpan? PingInterval { get; set; }

    [ConfigurationKeyName("ping_max")]
    public int? PingMax { get; set; }

    [ConfigurationKeyName("write_deadline")]
    public TimeSpan? WriteDeadline { get; set; }

    [ConfigurationKeyName("http_port")]
    public int? HttpPort { get; set; }

    /// <summary>"host:port" or a port alone.</summary>
    [ConfigurationKeyName("http")]
    public string? Http { get; set; }

    [ConfigurationKeyName("http_base_path")]
    public string? HttpBasePath { get; set; }

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

    [ConfigurationKeyName("log_size_limit")]
    public long? LogSizeLimit { get; set; }

    [ConfigurationKeyName("syslog")]
    public bool? Syslog { get; set; }

    [ConfigurationKeyName("remote_syslog")]
    public string? RemoteSyslog { get; set; }

    [ConfigurationKeyName("pid_file")]
    public string? PidFile { get; set; }

    [ConfigurationKeyName("ports_file_dir")]
    public string? PortsFileDir { get; set; }

    [ConfigurationKeyName("lame_duck_duration")]
    public TimeSpan? LameDuckDuration { get; set; }

    [ConfigurationKeyName("lame_duck_grace_period")]
    public TimeSpan? LameDuckGracePeriod { get; set; }

    [ConfigurationKeyName("authorization")]
    public AuthorizationSection? Authorization { get; set; }

    [ConfigurationKeyName("accounts")]
    public Dictionary<string, AccountSection>? Accounts { get; set; }

    [ConfigurationKeyName("no_auth_user")]
    public string? NoAuthUser { get; set; }

    [ConfigurationKeyName("system_account")]
    public string? SystemAccount { get; set; }

    [ConfigurationKeyName("tls")]
    public TlsSection? Tls { get; set; }

    [ConfigurationKeyName("cluster")]
    public ClusterSection? Cluster { get; set; }

    [ConfigurationKeyName("leafnodes")]
    public LeafnodesSection? Leafnodes { get; set; }
}
