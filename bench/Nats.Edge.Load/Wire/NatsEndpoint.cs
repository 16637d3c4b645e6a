namespace Nats.Edge.Load.Wire;

/// <summary>Where a server listens and how to authenticate, parsed from a <c>nats://</c> URL.</summary>
internal sealed record NatsEndpoint(string Host, int Port, string? User, string? Password, string? Token)
{
    // 4222: the NATS client port, also the port nats-server listens on when none is given.
    private const int DefaultPort = 4222;

    /// <summary>Accepts <c>nats://[user:pass@|token@]host[:port]</c> or a bare <c>host[:port]</c>.</summary>
    public static NatsEndpoint Parse(string url)
    {
        string text = url.Contains("://", StringComparison.Ordinal) ? url : "nats://" + url;
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || uri.Scheme != "nats" || uri.Host.Length == 0)
        {
            throw new ArgumentException($"not a nats:// URL: {url}");
        }

        int port = uri.Port > 0 ? uri.Port : DefaultPort;
        string host = uri.Host.Trim('[', ']');
        if (uri.UserInfo.Length == 0)
        {
            return new NatsEndpoint(host, port, null, null, null);
        }

        string[] parts = uri.UserInfo.Split(':', 2);
        return parts.Length == 2
            ? new NatsEndpoint(host, port, Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]), null)
            : new NatsEndpoint(host, port, null, null, Uri.UnescapeDataString(parts[0]));
    }

    /// <summary>The URL without credentials, for printing.</summary>
    public override string ToString() => $"nats://{Host}:{Port}";
}
