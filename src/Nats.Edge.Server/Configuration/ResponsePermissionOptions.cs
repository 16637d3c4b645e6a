namespace Nats.Edge.Server.Configuration;

/// <summary>nats-server's <c>allow_responses { max, expires }</c>.</summary>
public sealed record ResponsePermissionOptions
{
    /// <summary>Responses allowed per request received (nats-server's default: 1).</summary>
    public int MaxMessages { get; init; } = 1;

    /// <summary>How long after the request a response is still allowed (nats-server's default: 2 min).</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromMinutes(2);
}
