using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NATS.NKeys;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// Operator, account and user JWTs for tests of nats-server's operator mode, signed with nkeys made
/// at run time: header and claims base64url-encoded, an Ed25519 signature by the issuer's key.
/// </summary>
public static class TestJwt
{
    public static string Operator(KeyPair operatorKey) =>
        Encode(operatorKey, operatorKey.GetPublicKey(), "test-operator", new JsonObject { ["type"] = "operator", ["version"] = 2 });

    public static string Account(KeyPair operatorKey, KeyPair accountKey) =>
        Encode(operatorKey, accountKey.GetPublicKey(), "test-account", new JsonObject
        {
            ["type"] = "account",
            ["version"] = 2,
            ["limits"] = new JsonObject
            {
                ["subs"] = -1, ["data"] = -1, ["payload"] = -1, ["imports"] = -1, ["exports"] = -1,
                ["wildcards"] = true, ["conn"] = -1, ["leaf"] = -1,
            },
        });

    public static string User(KeyPair accountKey, KeyPair userKey) =>
        Encode(accountKey, userKey.GetPublicKey(), "test-user", new JsonObject
        {
            ["type"] = "user",
            ["version"] = 2,
            ["pub"] = new JsonObject(),
            ["sub"] = new JsonObject(),
            ["subs"] = -1,
            ["data"] = -1,
            ["payload"] = -1,
        });

    /// <summary>A <c>.creds</c> file's text: the user JWT and the user's seed, in nsc's layout.</summary>
    public static string Credentials(string userJwt, KeyPair userKey) => $"""
        -----BEGIN NATS USER JWT-----
        {userJwt}
        ------END NATS USER JWT------

        ************************* IMPORTANT *************************
        NKEY Seed printed below can be used to sign and prove identity.
        NKEYs are sensitive and should be treated as secrets.

        -----BEGIN USER NKEY SEED-----
        {userKey.GetSeed()}
        ------END USER NKEY SEED------

        *************************************************************
        """;

    private static string Encode(KeyPair issuer, string subject, string name, JsonObject nats)
    {
        var claims = new JsonObject
        {
            ["jti"] = string.Empty,
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["iss"] = issuer.GetPublicKey(),
            ["name"] = name,
            ["sub"] = subject,
            ["nats"] = nats,
        };
        claims["jti"] = Base32(SHA256.HashData(Encoding.UTF8.GetBytes(claims.ToJsonString())));
        var header = Base64Url.EncodeToString("""{"typ":"JWT","alg":"ed25519-nkey"}"""u8);
        var body = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = new byte[64];
        issuer.Sign(Encoding.ASCII.GetBytes($"{header}.{body}"), signature);
        return $"{header}.{body}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Base32(ReadOnlySpan<byte> data)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}
