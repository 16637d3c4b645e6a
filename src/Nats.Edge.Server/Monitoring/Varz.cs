using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// <c>/varz</c>: the server's identity, limits and totals, in nats-server 2.9's fields and order.
/// Go runtime fields (<c>go</c>, <c>gomaxprocs</c>) have no counterpart here and are left out.
/// </summary>
internal sealed class Varz
{
    public required string ServerId { get; init; }

    public required string ServerName { get; init; }

    public required string Version { get; init; }

    public int Proto { get; init; }

    public required string Host { get; init; }

    public int Port { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AuthRequired { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TlsRequired { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TlsVerify { get; init; }

    public int MaxConnections { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int MaxSubscriptions { get; init; }

    /// <summary>Nanoseconds, as Go marshals a <c>time.Duration</c>.</summary>
    public long PingInterval { get; init; }

    public int PingMax { get; init; }

    public required string HttpHost { get; init; }

    /// <summary>As configured: -1 stays -1, as in nats-server.</summary>
    public int HttpPort { get; init; }

    public required string HttpBasePath { get; init; }

    public int HttpsPort { get; init; }

    /// <summary>Seconds.</summary>
    public double AuthTimeout { get; init; }

    public int MaxControlLine { get; init; }

    public int MaxPayload { get; init; }

    public long MaxPending { get; init; }

    public EmptyObject Cluster { get; init; } = EmptyObject.Instance;

    public required GatewaySummary Gateway { get; init; }

    public required LeafSummary Leaf { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OutboxTotals? Outbox { get; init; }

    public EmptyObject Mqtt { get; init; } = EmptyObject.Instance;

    public EmptyObject Websocket { get; init; } = EmptyObject.Instance;

    public EmptyObject Jetstream { get; init; } = EmptyObject.Instance;

    /// <summary>Seconds.</summary>
    public double TlsTimeout { get; init; }

    /// <summary>Nanoseconds.</summary>
    public long WriteDeadline { get; init; }

    public required string Start { get; init; }

    public required string Now { get; init; }

    public required string Uptime { get; init; }

    public long Mem { get; init; }

    public int Cores { get; init; }

    public double Cpu { get; init; }

    public int Connections { get; init; }

    public long TotalConnections { get; init; }

    public int Routes { get; init; }

    public int Remotes { get; init; }

    public int Leafnodes { get; init; }

    public long InMsgs { get; init; }

    public long OutMsgs { get; init; }

    public long InBytes { get; init; }

    public long OutBytes { get; init; }

    public long SlowConsumers { get; init; }

    public long Subscriptions { get; init; }

    public required IReadOnlyDictionary<string, long> HttpReqStats { get; init; }

    public required string ConfigLoadTime { get; init; }

    public required string SystemAccount { get; init; }

    public required RuntimeStats Runtime { get; init; }

    /// <summary>The document; <paramref name="monitor"/> is null when the system account asks on a server without HTTP monitoring.</summary>
    public static Varz From(NatsServer server, MonitorServer? monitor)
    {
        var options = server.Options;
        var now = DateTime.UtcNow;
        var traffic = server.Connections.Traffic();
        return new Varz
        {
            ServerId = server.ServerId,
            ServerName = server.ServerName,
            Version = ServerVersion.Info,
            Proto = 1,
            Host = options.Host,
            Port = server.ClientEndPoint.Port,
            AuthRequired = server.AuthRequired,
            TlsRequired = server.Tls is not null,
            TlsVerify = server.Tls?.RequiresClientCertificate ?? false,
            MaxConnections = options.MaxConnections,
            MaxSubscriptions = options.MaxSubscriptions,
            PingInterval = ToNanoseconds(options.PingInterval),
            PingMax = options.MaxPingsOutstanding,
            HttpHost = monitor?.Host ?? options.HttpHost ?? options.Host,
            HttpPort = options.HttpPort,
            HttpBasePath = options.HttpBasePath,
            AuthTimeout = server.AuthTimeout.TotalSeconds,
            MaxControlLine = options.MaxControlLine,
            MaxPayload = options.MaxPayload,
            MaxPending = options.MaxPending,
            Gateway = GatewaySummary.From(server),
            Leaf = LeafSummary.From(server),
            Outbox = OutboxTotals.From(server),

            // nats-server shows its default TLS timeout, 2 s, even without TLS.
            TlsTimeout = options.Tls?.Timeout.TotalSeconds ?? 2,
            WriteDeadline = ToNanoseconds(options.WriteDeadline),
            Start = GoFormat.Timestamp(server.StartTime),
            Now = GoFormat.Timestamp(now),
            Uptime = GoFormat.Uptime(now - server.StartTime),
            Mem = ProcessUsage.ResidentBytes(),
            Cores = Environment.ProcessorCount,
            Cpu = server.Usage.CpuPercent(),
            Connections = server.Connections.ClientCount,
            TotalConnections = server.TotalConnections,
            Leafnodes = server.Connections.LeafCount,
            InMsgs = traffic.InMessages,
            OutMsgs = traffic.OutMessages,
            InBytes = traffic.InBytes,
            OutBytes = traffic.OutBytes,
            SlowConsumers = server.SlowConsumers,
            Subscriptions = server.Accounts.SubscriptionCount,
            HttpReqStats = monitor?.RequestCounts() ?? new Dictionary<string, long>(),
            ConfigLoadTime = GoFormat.Timestamp(server.StartTime),
            SystemAccount = options.SystemAccount,
            Runtime = RuntimeStats.Now(),
        };
    }

    private static long ToNanoseconds(TimeSpan value) => value.Ticks * 100;
}
