using System.Collections.Specialized;
using System.Text.Json.Serialization;
using Nats.Edge.Server.Gateways;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// <c>/gatewayz</c>: this cluster's gateway and its links to the other clusters, nats-server 2.9's
/// <c>Gatewayz</c>. <c>accs=1</c> adds each link's accounts, <c>acc_name</c> one account (and implies
/// <c>accs</c>), <c>gw_name</c> keeps one remote cluster. Without a gateway: identity and two empty maps.
/// </summary>
internal sealed class Gatewayz
{
    public required string ServerId { get; init; }

    public required string Now { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Host { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Port { get; init; }

    /// <summary>One outbound per remote cluster; null when <c>gw_name</c> names one without an outbound, as in nats-server.</summary>
    public Dictionary<string, RemoteGatewayz>? OutboundGateways { get; init; }

    /// <summary>Every inbound, by the cluster it came from: a cluster's servers may each have dialled this one.</summary>
    public required Dictionary<string, List<RemoteGatewayz>> InboundGateways { get; init; }

    public static Gatewayz From(NatsServer server, NameValueCollection query)
    {
        var withAccounts = QueryReader.Bool(query, "accs");
        var gatewayName = QueryReader.Text(query, "gw_name");
        var accountName = QueryReader.Text(query, "acc_name");
        var now = DateTime.UtcNow;
        if (server.Gateways is not { } gateways)
        {
            return new Gatewayz
            {
                ServerId = server.ServerId,
                Now = GoFormat.Timestamp(now),
                OutboundGateways = [],
                InboundGateways = [],
            };
        }

        var filter = new RemoteGatewayz.Filter(withAccounts || accountName is not null, accountName);
        var (host, port) = HostAndPort(gateways);
        return new Gatewayz
        {
            ServerId = server.ServerId,
            Now = GoFormat.Timestamp(now),
            Name = gateways.Name,
            Host = host,
            Port = port,
            OutboundGateways = Outbound(server, gateways, gatewayName, filter),
            InboundGateways = Inbound(server, gateways, gatewayName, filter),
        };
    }

    private static Dictionary<string, RemoteGatewayz>? Outbound(NatsServer server, GatewayManager gateways, string? gatewayName, RemoteGatewayz.Filter filter)
    {
        var outbound = new Dictionary<string, RemoteGatewayz>(StringComparer.Ordinal);
        foreach (var gateway in gateways.Outbound)
        {
            if (gateway.RemoteName is { } name && (gatewayName is null || name == gatewayName))
            {
                outbound[name] = RemoteGatewayz.Outbound(server, gateways, gateway, filter);
            }
        }

        // nats-server answers null, not {}, for a gw_name it has no outbound to.
        return gatewayName is not null && outbound.Count == 0 ? null : outbound;
    }

    private static Dictionary<string, List<RemoteGatewayz>> Inbound(NatsServer server, GatewayManager gateways, string? gatewayName, RemoteGatewayz.Filter filter)
    {
        var inbound = new Dictionary<string, List<RemoteGatewayz>>(StringComparer.Ordinal);
        foreach (var gateway in gateways.Inbound)
        {
            if (gateway.RemoteName is { } name && (gatewayName is null || name == gatewayName))
            {
                if (!inbound.TryGetValue(name, out var list))
                {
                    inbound[name] = list = [];
                }

                list.Add(RemoteGatewayz.Inbound(server, gateway, filter));
            }
        }

        return inbound;
    }

    // The address the gateway INFO gives other clusters: the advertised one when set, else the listener's.
    private static (string? Host, int Port) HostAndPort(GatewayManager gateways)
    {
        var url = gateways.Url;
        var colon = url.LastIndexOf(':');
        if (colon > 0 && int.TryParse(url.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port))
        {
            return (url[..colon].Trim('[', ']'), port);
        }

        return (gateways.Options.Host, gateways.EndPoint?.Port ?? 0);
    }
}
