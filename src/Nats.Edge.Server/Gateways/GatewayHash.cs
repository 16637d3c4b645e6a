using System.Security.Cryptography;

namespace Nats.Edge.Server.Gateways;

/// <summary>
/// The 6-character names a reply subject carries across gateways (<c>_GR_.&lt;cluster&gt;.&lt;server&gt;.</c>),
/// as nats-server makes them: the first 6 bytes of the name's SHA-256, each modulo 62 into
/// <c>0-9A-Za-z</c>. The cluster's from its gateway name, the server's from its server id.
/// </summary>
internal static class GatewayHash
{
    public const int Length = 6;

    /// <summary>The prefix a mapped reply subject starts with.</summary>
    public static ReadOnlySpan<byte> ReplyPrefix => "_GR_."u8;

    private static ReadOnlySpan<byte> Digits => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8;

    public static byte[] Of(string name)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), digest);
        var hash = new byte[Length];
        for (var i = 0; i < Length; i++)
        {
            hash[i] = Digits[digest[i] % Digits.Length];
        }

        return hash;
    }

    /// <summary>
    /// Splits <c>_GR_.&lt;cluster&gt;.&lt;server&gt;.&lt;reply&gt;</c>; false for any other subject.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<byte> subject, out ReadOnlySpan<byte> cluster, out ReadOnlySpan<byte> server, out ReadOnlySpan<byte> reply)
    {
        cluster = server = reply = default;
        var prefix = ReplyPrefix.Length;
        var replyStart = prefix + (2 * (Length + 1));
        if (subject.Length <= replyStart || !subject.StartsWith(ReplyPrefix)
            || subject[prefix + Length] != (byte)'.' || subject[replyStart - 1] != (byte)'.')
        {
            return false;
        }

        cluster = subject.Slice(prefix, Length);
        server = subject.Slice(prefix + Length + 1, Length);
        reply = subject[replyStart..];
        return true;
    }
}
