using System.Collections.Specialized;

namespace Nats.Edge.Server.Monitoring;

/// <summary>The query of a <c>/connz</c> request.</summary>
internal sealed record ConnzQuery
{
    public ConnzSort Sort { get; init; }

    /// <summary><c>subs=1</c>: subjects only.</summary>
    public bool Subscriptions { get; init; }

    /// <summary><c>subs=detail</c>: each subscription with its sid, queue and message count.</summary>
    public bool SubscriptionDetails { get; init; }

    /// <summary><c>auth=1</c>: the user each connection logged in as.</summary>
    public bool Auth { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; }

    /// <summary>Only this connection; 0 for all.</summary>
    public ulong Cid { get; init; }

    /// <summary>Only connections of this account.</summary>
    public string? Account { get; init; }

    /// <summary>
    /// Reads the query. Closed connections are not kept, so <c>state</c> accepts only <c>open</c>,
    /// and the closed-only sort keys (<c>stop</c>, <c>reason</c>) are refused with nats-server's
    /// own words for sorting open connections by them.
    /// </summary>
    public static ConnzQuery Parse(NameValueCollection query)
    {
        var subs = QueryReader.Text(query, "subs");
        var detail = subs == "detail";
        var (offset, limit) = QueryReader.Paging(query);
        var state = QueryReader.Text(query, "state") ?? "open";
        if (state != "open")
        {
            throw new BadQueryException(state is "closed" or "all"
                ? $"state={state} is not supported by nats-edge: closed connections are not kept"
                : $"invalid connection state: {state}");
        }

        return new ConnzQuery
        {
            Sort = ParseSort(QueryReader.Text(query, "sort") ?? "cid"),
            Subscriptions = !detail && subs is not null && QueryReader.ParseBool("subs", subs),
            SubscriptionDetails = detail,
            Auth = QueryReader.Bool(query, "auth"),
            Offset = offset,
            Limit = limit,
            Cid = QueryReader.UInt64(query, "cid"),
            Account = QueryReader.Text(query, "acc"),
        };
    }

    private static ConnzSort ParseSort(string sort) => sort switch
    {
        "cid" => ConnzSort.Cid,
        "start" => ConnzSort.Start,
        "subs" => ConnzSort.Subs,
        "pending" => ConnzSort.Pending,
        "msgs_to" => ConnzSort.MsgsTo,
        "msgs_from" => ConnzSort.MsgsFrom,
        "bytes_to" => ConnzSort.BytesTo,
        "bytes_from" => ConnzSort.BytesFrom,
        "last" => ConnzSort.Last,
        "idle" => ConnzSort.Idle,
        "uptime" => ConnzSort.Uptime,
        "rtt" => ConnzSort.Rtt,
        "stop" or "reason" => throw new BadQueryException($"sort by {sort} only valid on closed connections"),
        _ => throw new BadQueryException($"invalid sorting option: {sort}"),
    };
}
