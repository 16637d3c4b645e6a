namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// Compression (RFC 7692) as nats-server negotiates it: always without context takeover either way,
/// so neither side keeps a compression window per connection between messages.
/// </summary>
internal static class PerMessageDeflate
{
    private const string Extension = "permessage-deflate";
    private const string ServerNoContext = "server_no_context_takeover";
    private const string ClientNoContext = "client_no_context_takeover";

    /// <summary>The extension with both parameters: what a leaf offers and what the server answers.</summary>
    public const string Parameters = Extension + "; " + ServerNoContext + "; " + ClientNoContext;

    public const string Header = "Sec-WebSocket-Extensions";

    /// <summary>
    /// Whether <paramref name="head"/> names permessage-deflate, and whether it also names both
    /// no-context-takeover parameters (which a leaf requires of the server's answer).
    /// </summary>
    public static (bool Named, bool WithoutContext) Find(HttpHead head)
    {
        foreach (var list in head.Values(Header))
        {
            foreach (var extension in list.Split(','))
            {
                var parameters = extension.Split(';', StringSplitOptions.TrimEntries);
                if (!string.Equals(parameters[0], Extension, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var server = false;
                var client = false;
                foreach (var parameter in parameters.AsSpan(1))
                {
                    server |= string.Equals(parameter, ServerNoContext, StringComparison.OrdinalIgnoreCase);
                    client |= string.Equals(parameter, ClientNoContext, StringComparison.OrdinalIgnoreCase);
                }

                return (true, server && client);
            }
        }

        return (false, false);
    }
}
