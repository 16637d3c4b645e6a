namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// Which browser pages may connect, by the Origin their browser sends, as nats-server decides it:
/// with <c>same_origin</c> only pages served from the host and port the request names, with
/// <c>allowed_origins</c> only those listed (scheme, host and port). A request without an Origin is not
/// a browser's and passes: any other program can write whatever Origin it likes anyway.
/// </summary>
internal sealed class OriginPolicy
{
    private readonly bool _sameOrigin;

    // Scheme and port by host, as nats-server keys them: of two origins on one host the later is kept.
    private readonly Dictionary<string, string> _allowed = new(StringComparer.Ordinal);

    public OriginPolicy(Configuration.WebsocketOptions options)
    {
        _sameOrigin = options.SameOrigin;
        foreach (var origin in options.AllowedOrigins)
        {
            if (Uri.TryCreate(origin, UriKind.Absolute, out var url))
            {
                _allowed[url.Host] = SchemeAndPort(url);
            }
        }
    }

    /// <summary>Why a request from <paramref name="origin"/> to <paramref name="host"/> is refused, in nats-server's words; null when it is not.</summary>
    public string? Refusal(string? origin, string? host, bool tls)
    {
        if ((!_sameOrigin && _allowed.Count == 0) || string.IsNullOrEmpty(origin))
        {
            return null;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from))
        {
            return $"parse \"{origin}\": invalid URI for request";
        }

        if (_sameOrigin)
        {
            if (!Uri.TryCreate((tls ? "https://" : "http://") + host, UriKind.Absolute, out var to))
            {
                return $"invalid host \"{host}\"";
            }

            if (from.Host != to.Host || PortOf(from) != PortOf(to))
            {
                return "not same origin";
            }
        }

        if (_allowed.Count > 0 && (!_allowed.TryGetValue(from.Host, out var allowed) || allowed != SchemeAndPort(from)))
        {
            return "not in the allowed list";
        }

        return null;
    }

    private static string SchemeAndPort(Uri url) => $"{url.Scheme}:{PortOf(url)}";

    // A URL without a port means the scheme's: 443 for https, 80 for anything else, as nats-server takes it.
    private static int PortOf(Uri url) => url.Port > 0 ? url.Port : url.Scheme == "https" ? 443 : 80;
}
