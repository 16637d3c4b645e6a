namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// <c>/connz?sort=</c>. Connection id and start time sort oldest first; every other key puts the
/// largest first (most recent activity, longest idle, longest up), as nats-server does.
/// </summary>
internal enum ConnzSort
{
    Cid,
    Start,
    Subs,
    Pending,
    MsgsTo,
    MsgsFrom,
    BytesTo,
    BytesFrom,
    Last,
    Idle,
    Uptime,
    Rtt,
}
