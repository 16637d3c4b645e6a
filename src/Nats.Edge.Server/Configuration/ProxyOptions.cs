namespace Nats.Edge.Server.Configuration;

/// <summary>
/// An HTTP proxy a leafnode remote dials its hub through (<c>proxy { url, username, password, timeout }</c>,
/// nats-server 2.12): the board asks the proxy to CONNECT to the hub, then speaks to the hub through it.
/// </summary>
public sealed record ProxyOptions
{
    /// <summary><c>http://host:port</c>; the connection to the proxy itself is plain TCP, as nats-server's is.</summary>
    public required Uri Url { get; init; }

    /// <summary>Basic authentication for the proxy; set together with <see cref="Password"/> or not at all.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>Time for reaching the proxy and its answer; null takes the remote's dial timeout.</summary>
    public TimeSpan? Timeout { get; init; }
}
