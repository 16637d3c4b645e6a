using System.Diagnostics;
using System.Text.Json.Serialization;
using Nats.Edge.Server.Routes;

namespace Nats.Edge.Server.Monitoring;

/// <summary>One route in <c>/routez</c>, nats-server 2.9's <c>RouteInfo</c> fields.</summary>
internal sealed class RouteDetail
{
    public ulong Rid { get; init; }

    public required string RemoteId { get; init; }

    public required string RemoteName { get; init; }

    public bool DidSolicit { get; init; }

    public bool IsConfigured { get; init; }

    public required string Ip { get; init; }

    public int Port { get; init; }

    public required string Start { get; init; }

    public required string LastActivity { get; init; }

    public required string Rtt { get; init; }

    public required string Uptime { get; init; }

    public required string Idle { get; init; }

    public long PendingSize { get; init; }

    public long InMsgs { get; init; }

    public long OutMsgs { get; init; }

    public long InBytes { get; init; }

    public long OutBytes { get; init; }

    public int Subscriptions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SubscriptionsList { get; init; }

    /// <summary>The mode the route runs with, as nats-server 2.10 shows it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Compression { get; init; }

    /// <summary>Bytes before and after S2, each way, when the route compresses (nats-edge's own fields).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? UncompressedOutBytes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? CompressedOutBytes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? UncompressedInBytes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? CompressedInBytes { get; init; }

    /// <summary>The link's TLS version, as <c>/connz</c> names a client's; absent on a plain link (nats-edge's own field).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TlsVersion { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TlsCipherSuite { get; init; }

    public static RouteDetail From(NatsServer server, RouteConnection route, bool withSubscriptions)
    {
        var now = Stopwatch.GetTimestamp();
        var traffic = Connections.TrafficCounts.Of(route);
        var learned = route.LearnedInterest();
        var s2 = route.CompressedStream;

        return new RouteDetail
        {
            Rid = route.Id,
            RemoteId = route.Peer?.ServerId ?? string.Empty,
            RemoteName = route.Peer?.ServerName ?? string.Empty,
            DidSolicit = route.IsSolicited,
            IsConfigured = route.Solicitor?.IsConfigured ?? false,
            Ip = route.RemoteEndPoint.Address.ToString(),
            Port = route.RemoteEndPoint.Port,
            Start = GoFormat.Timestamp(server.WallClock(route.Started)),
            LastActivity = GoFormat.Timestamp(server.WallClock(route.LastActivity)),
            Rtt = Configuration.GoDuration.Format(route.Rtt),
            Uptime = GoFormat.Uptime(Stopwatch.GetElapsedTime(route.Started, now)),
            Idle = GoFormat.Uptime(Stopwatch.GetElapsedTime(route.LastActivity, now)),
            PendingSize = route.Outbound.PendingBytes,
            InMsgs = traffic.InMessages,
            OutMsgs = traffic.OutMessages,
            InBytes = traffic.InBytes,
            OutBytes = traffic.OutBytes,
            Subscriptions = learned.Count,
            SubscriptionsList = withSubscriptions ? SubjectLists.Of(learned) : null,
            Compression = route.Compression == Configuration.CompressionModes.NotSupported ? null : route.Compression,
            UncompressedOutBytes = s2?.UncompressedBytesWritten,
            CompressedOutBytes = s2?.CompressedBytesWritten,
            UncompressedInBytes = s2?.UncompressedBytesRead,
            CompressedInBytes = s2?.CompressedBytesRead,
            TlsVersion = GoFormat.TlsVersion(route.TlsStream),
            TlsCipherSuite = route.TlsStream?.NegotiatedCipherSuite.ToString(),
        };
    }
}
