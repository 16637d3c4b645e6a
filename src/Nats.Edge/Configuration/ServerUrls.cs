namespace Nats.Edge.Configuration;

/// <summary>The URLs of other servers, read alike from the config file and the flags.</summary>
internal static class ServerUrls
{
    /// <summary>A route: <c>nats-route://[user:pass@]host:port</c>.</summary>
    public static bool TryParseRoute(string text, out Uri url) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out url!) && url.Scheme is "nats-route" or "nats" or "route" && url.Port > 0;

    /// <summary>
    /// A hub to join as a leafnode: <c>nats-leaf://[user:pass@]host[:7422]</c>, or the host alone, or its
    /// websocket port: <c>ws://</c> or <c>wss://</c>.
    /// </summary>
    public static bool TryParseLeaf(string text, out Uri url) =>
        Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "nats-leaf://" + text, UriKind.Absolute, out url!)
            && url.Scheme is "nats-leaf" or "nats" or "tls" or "ws" or "wss";

    /// <summary>
    /// A server of a remote cluster: <c>nats://[user:pass@]host:port</c>. nats-server dials the host and
    /// port whatever the scheme; nats and tls are the ones its docs and tests write.
    /// </summary>
    public static bool TryParseGateway(string text, out Uri url) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out url!) && url.Scheme is "nats" or "tls" && url.Port > 0;
}
