namespace Nats.Edge.Server.Configuration;

/// <summary>
/// One entry of nats-server's <c>users</c> lists: a user/password pair or an nkey, the account it logs
/// into and what it may publish and subscribe to.
/// </summary>
public sealed record UserOptions
{
    /// <summary>User name (<c>user</c>); with <c>verify_and_map</c>, the certificate identity it matches.</summary>
    public string? Username { get; init; }

    /// <summary>Plain or bcrypt (<c>$2a$…</c>) password (<c>password</c>).</summary>
    public string? Password { get; init; }

    /// <summary>Public user nkey (<c>nkey</c>, "U…"); such a user proves itself by signing the INFO nonce.</summary>
    public string? Nkey { get; init; }

    /// <summary>The account the user logs into; null is the global account <c>$G</c>.</summary>
    public string? Account { get; init; }

    /// <summary>Publish/subscribe limits; null allows everything.</summary>
    public PermissionOptions? Permissions { get; init; }
}
