using System.Buffers.Text;
using NATS.NKeys;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// How this server logs in to a hub: user/password or a token from the URL, a <c>.creds</c> file
/// (user JWT plus nkey seed) or an nkey seed; JWT and nkey logins sign the hub's nonce.
/// </summary>
internal sealed class LeafCredentials
{
    private readonly string? _seed;

    private LeafCredentials(string? user, string? password, string? token, string? jwt, string? seed)
    {
        User = user;
        Password = password;
        Token = token;
        Jwt = jwt;
        _seed = seed;
    }

    public string? User { get; }

    public string? Password { get; }

    public string? Token { get; }

    public string? Jwt { get; }

    /// <summary>The public key of the seed, sent as <c>nkey</c> when there is no JWT.</summary>
    public string? Nkey => _seed is null || Jwt is not null ? null : PublicKey(_seed);

    public static LeafCredentials From(Uri url, string? credentialsFile, string? nkeySeed)
    {
        string? jwt = null;
        string? seed = null;
        if (credentialsFile is not null)
        {
            var text = File.ReadAllText(credentialsFile);
            jwt = Block(text, "NATS USER JWT") ?? throw new InvalidDataException($"no user JWT in {credentialsFile}");
            seed = Block(text, "USER NKEY SEED") ?? throw new InvalidDataException($"no nkey seed in {credentialsFile}");
        }
        else
        {
            seed = nkeySeed;
        }

        string? user = null, password = null, token = null;
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            var first = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                user = first;
                password = Uri.UnescapeDataString(parts[1]);
            }
            else
            {
                // nats-server: a URL with a user name only sends it as user and as token.
                user = first;
                token = first;
            }
        }

        return new LeafCredentials(user, password, token, jwt, seed);
    }

    /// <summary>base64url (no padding) Ed25519 signature of the nonce; null without a seed.</summary>
    public string? Sign(string nonce)
    {
        if (_seed is null)
        {
            return null;
        }

        using var key = KeyPair.FromSeed(_seed);
        var signature = new byte[64];
        key.Sign(Encoding.ASCII.GetBytes(nonce), signature);
        return Base64Url.EncodeToString(signature);
    }

    private static string PublicKey(string seed)
    {
        using var key = KeyPair.FromSeed(seed);
        return key.GetPublicKey();
    }

    // A .creds block: "-----BEGIN <name>-----", the value, "------END <name>------".
    private static string? Block(string text, string name)
    {
        var begin = text.IndexOf($"BEGIN {name}", StringComparison.Ordinal);
        if (begin < 0)
        {
            return null;
        }

        var start = text.IndexOf('\n', begin);
        var end = text.IndexOf("------END", start, StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            end = text.IndexOf("-----END", start < 0 ? begin : start, StringComparison.Ordinal);
            if (start < 0 || end < 0)
            {
                return null;
            }
        }

        return text[start..end].Trim();
    }
}
