namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// A client's request to switch to WebSocket (RFC 6455, 4.2.1), checked in nats-server's order and
/// with its answers: 405 for another method than GET, 400 for a missing or wrong header, 403 for an
/// origin the port does not allow.
/// </summary>
internal sealed class UpgradeRequest
{
    // nats-server's path for leafnodes; every other path is a client.
    private const string LeafPath = "/leafnode";

    private UpgradeRequest(string key, bool isLeaf, bool offersDeflate)
    {
        Key = key;
        IsLeaf = isLeaf;
        OffersDeflate = offersDeflate;
    }

    /// <summary>The client's Sec-WebSocket-Key, for the answer's Sec-WebSocket-Accept.</summary>
    public string Key { get; }

    /// <summary>A leafnode, not a client: the request's path starts with <c>/leafnode</c>.</summary>
    public bool IsLeaf { get; }

    /// <summary>The client offers permessage-deflate, with whatever parameters: nats-server looks for the name only.</summary>
    public bool OffersDeflate { get; }

    /// <summary>Why the request is refused, or null and the <paramref name="request"/>.</summary>
    public static HandshakeRefusal? Check(HttpHead head, OriginPolicy origins, bool tls, out UpgradeRequest? request)
    {
        request = null;
        var parts = head.StartLine.Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return Refuse(400, "malformed request line");
        }

        if (parts[0] != "GET")
        {
            return Refuse(405, "request method must be GET");
        }

        var host = head["Host"];
        if (string.IsNullOrEmpty(host))
        {
            return Refuse(400, "'Host' missing in request");
        }

        if (!head.HasToken("Upgrade", "websocket"))
        {
            return Refuse(400, "invalid value for header 'Upgrade'");
        }

        if (!head.HasToken("Connection", "Upgrade"))
        {
            return Refuse(400, "invalid value for header 'Connection'");
        }

        var key = head["Sec-WebSocket-Key"];
        if (string.IsNullOrEmpty(key))
        {
            return Refuse(400, "key missing");
        }

        if (!head.HasToken("Sec-WebSocket-Version", "13"))
        {
            return Refuse(400, "invalid version");
        }

        if (origins.Refusal(head["Origin"] ?? head["Sec-WebSocket-Origin"], host, tls) is { } origin)
        {
            return Refuse(403, $"origin not allowed: {origin}");
        }

        request = new UpgradeRequest(key, parts[1].StartsWith(LeafPath, StringComparison.Ordinal), PerMessageDeflate.Find(head, out _));
        return null;
    }

    private static HandshakeRefusal Refuse(int status, string reason) => new(status, reason);
}
