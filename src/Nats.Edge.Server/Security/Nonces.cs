using System.Buffers.Text;
using System.Security.Cryptography;

namespace Nats.Edge.Server.Security;

/// <summary>
/// The random nonces an INFO carries for the peer to sign (nkeys) or to tell logins apart, secure
/// random bytes as unpadded base64url, the lengths nats-server sends.
/// </summary>
internal static class Nonces
{
    /// <summary>16 bytes, 22 characters: a client port's nonce.</summary>
    public static string ForClient() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>11 bytes, 15 characters: the first INFO of an accepting leafnode or route port.</summary>
    public static string ForLink() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(11));
}
