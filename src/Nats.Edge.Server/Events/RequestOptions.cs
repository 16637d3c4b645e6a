using System.Collections.Specialized;
using System.Globalization;
using System.Text.Json;

namespace Nats.Edge.Server.Events;

/// <summary>
/// The JSON a <c>$SYS.REQ…</c> request may carry: the endpoint's options, under the names
/// nats-server's option structs give them, turned into the query the HTTP endpoints read, so one
/// parser serves both; and the filter that decides whether this server answers at all.
/// </summary>
internal sealed class RequestOptions
{
    private RequestOptions(NameValueCollection query, string? serverName, string? cluster, string? host, bool tagged, string? domain)
    {
        Query = query;
        ServerName = serverName;
        Cluster = cluster;
        Host = host;
        Tagged = tagged;
        Domain = domain;
    }

    /// <summary>The endpoint's options as monitoring query parameters.</summary>
    public NameValueCollection Query { get; }

    private string? ServerName { get; }

    private string? Cluster { get; }

    private string? Host { get; }

    private bool Tagged { get; }

    private string? Domain { get; }

    /// <summary>
    /// Reads <paramref name="payload"/>; empty means no options. Throws <see cref="JsonException"/>
    /// on anything but a JSON object, which nats-server answers with a 400.
    /// </summary>
    public static RequestOptions Parse(ReadOnlySpan<byte> payload)
    {
        var query = new NameValueCollection();
        string? serverName = null, cluster = null, host = null, domain = null;
        var tagged = false;
        if (payload.IsEmpty)
        {
            return new RequestOptions(query, null, null, null, false, null);
        }

        var reader = new Utf8JsonReader(payload);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"json: cannot unmarshal {reader.TokenType} into an options object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "server_name":
                    serverName = reader.GetString();
                    break;
                case "cluster":
                    cluster = reader.GetString();
                    break;
                case "host":
                    host = reader.GetString();
                    break;
                case "domain":
                    domain = reader.GetString();
                    break;
                case "tags":
                    tagged = CountItems(ref reader) > 0;
                    break;
                case "accounts" when reader.TokenType == JsonTokenType.StartArray:
                    // Account STATZ's list of names; gatewayz's "accounts" is a boolean (accs).
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        query.Add("accounts", Text(ref reader));
                    }

                    break;
                case "subscriptions_detail" when reader.TokenType == JsonTokenType.True:
                    query["subs"] = "detail";
                    break;
                case "state":
                    // nats-server's ConnState is a number in JSON: 0 open, 1 closed, 2 all.
                    query["state"] = Text(ref reader) switch { "0" => "open", "1" => "closed", "2" => "all", var other => other };
                    break;
                default:
                    if (QueryName(name) is { } parameter && query[parameter] != "detail")
                    {
                        query[parameter] = Text(ref reader);
                    }
                    else
                    {
                        reader.Skip();
                    }

                    break;
            }
        }

        return new RequestOptions(query, serverName, cluster, host, tagged, domain);
    }

    /// <summary>
    /// Whether <paramref name="server"/> stays silent: nats-server answers only when each given filter
    /// is part of its name, host or cluster. nats-edge has no tags and no JetStream domain, so a
    /// request for either is not for it.
    /// </summary>
    public bool Excludes(NatsServer server) =>
        (ServerName is { Length: > 0 } name && !server.ServerName.Contains(name, StringComparison.Ordinal))
        || (Host is { Length: > 0 } host && !server.Options.Host.Contains(host, StringComparison.Ordinal))
        || (Cluster is { Length: > 0 } cluster && !(server.Gateways?.Name ?? server.Cluster?.Name ?? string.Empty).Contains(cluster, StringComparison.Ordinal))
        || Tagged
        || Domain is { Length: > 0 };

    // The monitoring query parameter each of nats-server's JSON option names stands for.
    private static string? QueryName(string option) => option switch
    {
        "sort" or "auth" or "offset" or "limit" or "cid" or "test" or "user" or "include_unused" => option,
        "subscriptions" => "subs",
        "acc" or "account" => "acc",
        "name" => "gw_name",
        "accounts" => "accs",
        "account_name" => "acc_name",
        _ => null,
    };

    private static int CountItems(ref Utf8JsonReader reader)
    {
        var count = 0;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return count;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            reader.Skip();
        }

        return count;
    }

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Number => reader.GetDecimal().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"json: cannot unmarshal {reader.TokenType} into an option"),
    };
}
