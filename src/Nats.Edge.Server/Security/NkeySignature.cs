using System.Buffers.Text;
using NATS.NKeys;

namespace Nats.Edge.Server.Security;

/// <summary>Checks that a client signed its INFO nonce with the private half of the nkey it names.</summary>
internal static class NkeySignature
{
    public static bool IsValid(string publicKey, string nonce, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || !IsUserKey(publicKey))
        {
            return false;
        }

        // Clients send the signature base64url without padding; nats-server also takes standard base64.
        byte[] raw;
        try
        {
            raw = Base64Url.DecodeFromChars(signature);
        }
        catch (FormatException)
        {
            try
            {
                raw = Convert.FromBase64String(signature);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        using var key = KeyPair.FromPublicKey(publicKey);
        try
        {
            return key.Verify(Encoding.ASCII.GetBytes(nonce), raw);
        }
        catch (Exception ex) when (ex is ArgumentException or NKeysException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="publicKey"/> is a well-formed public user nkey ("U…" with a good checksum).</summary>
    public static bool IsUserKey(string publicKey)
    {
        try
        {
            return KeyPair.IsValidPublicKey(PrefixByte.User, publicKey);
        }
        catch (NKeysException)
        {
            return false;
        }
    }
}
