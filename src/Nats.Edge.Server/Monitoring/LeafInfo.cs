using System.Text.Json.Serialization;
using Nats.Edge.Server.Leafnodes;

namespace Nats.Edge.Server.Monitoring;

/// <summary>One leafnode link in <c>/leafz</c>, either direction, nats-server 2.9's <c>LeafInfo</c>.</summary>
internal sealed class LeafInfo
{
    public required string Account { get; init; }

    public required string Ip { get; init; }

    public int Port { get; init; }

    public required string Rtt { get; init; }

    public long InMsgs { get; init; }

    public long OutMsgs { get; init; }

    public long InBytes { get; init; }

    public long OutBytes { get; init; }

    /// <summary>Interest the far side announced over this link.</summary>
    public int Subscriptions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SubscriptionsList { get; init; }

    /// <summary>The compression this side runs the link with (nats-server 2.10's field); absent when the peer is older.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Compression { get; init; }

    /// <summary>On a compressed link, the bytes before and after S2 each way (nats-edge's own fields).</summary>
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

    /// <summary>The outbox of the remote this uplink belongs to, when it has one (nats-edge's own field).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OutboxInfo? Outbox { get; init; }

    public static LeafInfo From(LeafConnection leaf, Accounts.Account account, bool withSubscriptions)
    {
        var traffic = TrafficCounts.Of(leaf);
        var learned = leaf.LearnedInterest();
        var s2 = leaf.CompressedStream;

        return new LeafInfo
        {
            Account = account.Name,
            Ip = leaf.RemoteEndPoint.Address.ToString(),
            Port = leaf.RemoteEndPoint.Port,
            Rtt = Configuration.GoDuration.Format(leaf.Rtt),
            InMsgs = traffic.InMessages,
            OutMsgs = traffic.OutMessages,
            InBytes = traffic.InBytes,
            OutBytes = traffic.OutBytes,
            Subscriptions = learned.Length,
            SubscriptionsList = withSubscriptions ? SubjectLists.Of(learned) : null,
            Compression = leaf.Compression == Configuration.CompressionModes.NotSupported ? null : leaf.Compression,
            UncompressedOutBytes = s2?.UncompressedBytesWritten,
            CompressedOutBytes = s2?.CompressedBytesWritten,
            UncompressedInBytes = s2?.UncompressedBytesRead,
            CompressedInBytes = s2?.CompressedBytesRead,
            TlsVersion = GoFormat.TlsVersion(leaf.TlsStream),
            TlsCipherSuite = leaf.TlsStream?.NegotiatedCipherSuite.ToString(),
            Outbox = leaf.Outbox is { } outbox ? OutboxInfo.From(outbox) : null,
        };
    }
}
