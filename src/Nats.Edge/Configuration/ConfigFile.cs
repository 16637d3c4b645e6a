using Nats.Edge.Configuration.Schema;
using Nats.Edge.Configuration.Sections;

namespace Nats.Edge.Configuration;

/// <summary>
/// The config file's top level, under nats-server's spellings so one file configures either server.
/// Each property is bound in the one shape the normaliser leaves its key in: sizes as numbers,
/// durations as TimeSpans, whichever way the file wrote them.
/// </summary>
internal sealed partial class ConfigFile
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Host), KeyShape.Text, "host", "net")
        .Add(nameof(Listen), KeyShape.Text, "listen")
        .Add(nameof(Port), KeyShape.Number, "port")
        .Add(nameof(ServerName), KeyShape.Text, "server_name")
        .Add(nameof(MaxPayload), KeyShape.Size, "max_payload")
        .Add(nameof(MaxControlLine), KeyShape.Size, "max_control_line")
        .Add(nameof(MaxPending), KeyShape.LongSize, "max_pending")
        .Add(nameof(MaxConnections), KeyShape.Number, "max_connections")
        .Add(nameof(MaxSubscriptions), KeyShape.Number, "max_subscriptions")
        .Add(nameof(MaxTracedMsgLen), KeyShape.Number, "max_traced_msg_len")
        .Add(nameof(PingInterval), KeyShape.Duration, "ping_interval")
        .Add(nameof(PingMax), KeyShape.Number, "ping_max")
        .Add(nameof(WriteDeadline), KeyShape.Duration, "write_deadline")
        .Add(nameof(HttpPort), KeyShape.Number, "http_port", "monitor_port")
        .Add(nameof(Http), KeyShape.Text, "http")
        .Add(nameof(HttpBasePath), KeyShape.Text, "http_base_path")
        .Refuse("https_port", "HTTPS monitoring is not supported by nats-edge; use http_port")
        .Refuse("https", "HTTPS monitoring is not supported by nats-edge; use http_port")
        .Add(nameof(NoHeaderSupport), KeyShape.Flag, "no_header_support")
        .Add(nameof(Debug), KeyShape.Flag, "debug")
        .Add(nameof(Trace), KeyShape.Flag, "trace")
        .Add(nameof(TraceVerbose), KeyShape.Flag, "trace_verbose")
        .Add(nameof(LogTime), KeyShape.Flag, "logtime")
        .Add(nameof(LogTimeUtc), KeyShape.Flag, "logtime_utc")
        .Add(nameof(LogFile), KeyShape.Text, "logfile", "log_file")
        .Add(nameof(LogSizeLimit), KeyShape.LongSize, "log_size_limit", "logfile_size_limit")
        .Add(nameof(Syslog), KeyShape.Flag, "syslog")
        .Add(nameof(RemoteSyslog), KeyShape.Text, "remote_syslog")
        .Add(nameof(PidFile), KeyShape.Text, "pid_file")
        .Add(nameof(PortsFileDir), KeyShape.Text, "ports_file_dir")
        .Add(nameof(LameDuckDuration), KeyShape.Duration, "lame_duck_duration")
        .Add(nameof(LameDuckGracePeriod), KeyShape.Duration, "lame_duck_grace_period")
        .Add(nameof(Authorization), KeyShape.Block, AuthorizationSection.Keys, "authorization")
        .Add(nameof(Accounts), KeyShape.NamedBlocks, AccountSection.Keys, "accounts")
        .Add(nameof(NoAuthUser), KeyShape.Text, "no_auth_user")
        .Add(nameof(SystemAccount), KeyShape.Text, "system_account")
        .Add(nameof(Tls), KeyShape.Block, TlsSection.Keys, "tls")
        .Add(nameof(Cluster), KeyShape.Block, ClusterSection.Keys, "cluster")
        .Add(nameof(Leafnodes), KeyShape.Block, LeafnodesSection.Keys, "leafnodes")
        .Add(nameof(Gateway), KeyShape.Block, GatewaySection.Keys, "gateway")
        .Add(nameof(Websocket), KeyShape.Block, WebsocketSection.Keys, "websocket", "ws")
        // nats-edge's own: the board's sensors and actuators.
        .Add(nameof(Devices), KeyShape.Block, DevicesSection.Keys, "devices");

    public string? Host { get; set; }

    public string? Listen { get; set; }

    public int? Port { get; set; }

    public string? ServerName { get; set; }

    public int? MaxPayload { get; set; }

    public int? MaxControlLine { get; set; }

    public long? MaxPending { get; set; }

    public int? MaxConnections { get; set; }

    public int? MaxSubscriptions { get; set; }

    public int? MaxTracedMsgLen { get; set; }

    public TimeSpan? PingInterval { get; set; }

    public int? PingMax { get; set; }

    public TimeSpan? WriteDeadline { get; set; }

    public int? HttpPort { get; set; }

    /// <summary>"host:port" or a port alone.</summary>
    public string? Http { get; set; }

    public string? HttpBasePath { get; set; }

    public bool? NoHeaderSupport { get; set; }

    public bool? Debug { get; set; }

    public bool? Trace { get; set; }

    public bool? TraceVerbose { get; set; }

    public bool? LogTime { get; set; }

    public bool? LogTimeUtc { get; set; }

    public string? LogFile { get; set; }

    public long? LogSizeLimit { get; set; }

    public bool? Syslog { get; set; }

    public string? RemoteSyslog { get; set; }

    public string? PidFile { get; set; }

    public string? PortsFileDir { get; set; }

    public TimeSpan? LameDuckDuration { get; set; }

    public TimeSpan? LameDuckGracePeriod { get; set; }

    public AuthorizationSection? Authorization { get; set; }

    public Dictionary<string, AccountSection>? Accounts { get; set; }

    public string? NoAuthUser { get; set; }

    public string? SystemAccount { get; set; }

    public TlsSection? Tls { get; set; }

    public ClusterSection? Cluster { get; set; }

    public LeafnodesSection? Leafnodes { get; set; }

    public GatewaySection? Gateway { get; set; }

    public WebsocketSection? Websocket { get; set; }

    public DevicesSection? Devices { get; set; }
}
