
namespace Nats.Edge.Server.WebSockets;

/// <summary>The Sec-WebSocket-Key a client sends and the Sec-WebSocket-Accept that proves a server read it (RFC 6455, 4.2.2).</summary>
internal static class WebSocketKey
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>A fresh key: 16 random bytes in base64. It only proves the answer is fresh, so no secure random is needed.</summary>
    public static string New()
    {
        Span<byte> nonce = stackalloc byte[16];
        Random.Shared.NextBytes(nonce);
        return Convert.ToBase64String(nonce);
    }

    /// <summary>The accept value for <paramref name="key"/>: base64 of SHA-1 of the key and RFC 6455's GUID.</summary>
    public static string Accept(string key)
    {
        var input = Encoding.ASCII.GetBytes(key + Guid);
        Span<byte> hash = stackalloc byte[Sha1.HashSize];
        Sha1.Hash(input, hash);
        return Convert.ToBase64String(hash);
    }
}
