namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// The permessage-deflate extension (RFC 7692) in an upgrade's <c>Sec-WebSocket-Extensions</c>, as
/// nats-server offers, answers and reads it: no context takeover in either direction, so each message
/// is deflated on its own and neither side keeps a window between messages.
/// </summary>
internal static class PerMessageDeflate
{
    /// <summary>The header line nats-server's answer carries, and its leaf remotes' offer too.</summary>
    public const string HeaderLine = "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover\r\n";

    private const string Field = "Sec-WebSocket-Extensions";
    private const string Name = "permessage-deflate";

    /// <summary>
    /// Whether <paramref name="head"/> names permessage-deflate among its extensions; when it does,
    /// <paramref name="noContextTakeover"/> says whether both no-context-takeover parameters follow it.
    /// Other parameters are passed over, as nats-server passes them over.
    /// </summary>
    public static bool Find(HttpHead head, out bool noContextTakeover)
    {
        noContextTakeover = false;
        foreach (var field in head.Values(Field))
        {
            foreach (var extension in field.Split(','))
            {
                var parameters = extension.Split(';');
                var at = Array.FindIndex(parameters, static parameter => Is(parameter, Name));
                if (at < 0)
                {
                    continue;
                }

                var server = false;
                var client = false;
                for (var i = at + 1; i < parameters.Length; i++)
                {
                    server |= Is(parameters[i], "server_no_context_takeover");
                    client |= Is(parameters[i], "client_no_context_takeover");
                }

                noContextTakeover = server && client;
                return true;
            }
        }

        return false;
    }

    private static bool Is(string parameter, string name) => string.Equals(parameter.Trim(' ', '\t'), name, StringComparison.OrdinalIgnoreCase);
}
