using System.Buffers.Text;
using System.Text;
using NATS.NKeys;

namespace Nats.Edge.Tests.Security;

/// <summary>
/// One config with every kind of user, permission and account the security table exercises. The
/// bcrypt hash and the nkey are made per run; the same file is given to both servers.
/// </summary>
public static class SecurityConfig
{
    private static readonly KeyPair NkeyUser = KeyPair.CreatePair(PrefixByte.User);

    /// <summary>The user nkey's seed, for clients that sign the nonce.</summary>
    public static string NkeySeed { get; } = NkeyUser.GetSeed();

    /// <summary>The user nkey's public key.</summary>
    public static string NkeyPublic { get; } = NkeyUser.GetPublicKey();

    /// <summary>The config file's members.</summary>
    public static string Body { get; } = $$"""
        "authorization": {
          "users": [
            { "user": "alice", "password": "wonder" },
            { "user": "bob", "password": "{{BCrypt.Net.BCrypt.HashPassword("builder", 4)}}" },
            { "user": "sensor", "password": "s",
              "permissions": { "publish": { "allow": ["sensors.>"], "deny": "sensors.secret" }, "subscribe": ["commands.>", "_INBOX.>"] } },
            { "user": "worker", "password": "w", "permissions": { "subscribe": ["jobs.* workers", "status"] } },
            { "user": "svc", "password": "s", "permissions": { "subscribe": "svc.>", "allow_responses": true } },
            { "user": "svc2", "password": "s", "permissions": { "subscribe": "svc.>", "allow_responses": { "max": 2 } } },
            { "user": "watcher", "password": "w", "permissions": { "subscribe": { "allow": "data.>", "deny": "data.private" } } },
            { "user": "picky", "password": "p", "permissions": { "subscribe": { "deny": ["tasks", "tasks v1"] } } },
            { "user": "guest", "password": "guest", "permissions": { "publish": "public.>", "subscribe": "public.>" } },
            { "nkey": "{{NkeyPublic}}" }
          ]
        },
        "no_auth_user": "guest",
        "accounts": {
          "ORDERS": {
            "users": [ { "user": "orders", "password": "o" } ],
            "exports": [ { "stream": "orders.>" }, { "service": "stock.*" }, { "stream": "private.>", "accounts": ["NOBODY"] } ]
          },
          "SHOP": {
            "users": [ { "user": "shop", "password": "s" } ],
            "imports": [
              { "stream": { "account": "ORDERS", "subject": "orders.>" }, "prefix": "from" },
              { "service": { "account": "ORDERS", "subject": "stock.*" }, "to": "inventory.*" }
            ]
          },
          "NOBODY": { "users": [ { "user": "nobody", "password": "n" } ] }
        }
        """;

    /// <summary>
    /// The CONNECT an nkey client sends: <paramref name="publicKey"/> and a signature over the nonce
    /// made with <paramref name="signingSeed"/> (the configured user's own seed unless a test forges one).
    /// </summary>
    public static string NkeyConnect(string nonce, string? publicKey = null, string? signingSeed = null)
    {
        using var key = KeyPair.FromSeed(signingSeed ?? NkeySeed);
        var signature = new byte[64];
        key.Sign(Encoding.ASCII.GetBytes(nonce), signature);
        return $"{{\"verbose\":false,\"nkey\":\"{publicKey ?? NkeyPublic}\",\"sig\":\"{Base64Url.EncodeToString(signature)}\"}}";
    }
}
