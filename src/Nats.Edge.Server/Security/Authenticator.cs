using System.Security.Cryptography.X509Certificates;

namespace Nats.Edge.Server.Security;

/// <summary>
/// Decides who a CONNECT logs in as, in nats-server's order: an nkey user, then the users list (by
/// certificate under verify_and_map, else by name, with no_auth_user for clients without
/// credentials), then the single token, then the single user/password.
/// </summary>
internal sealed class Authenticator
{
    private readonly ServerOptions _options;
    private readonly Dictionary<string, ConfiguredUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfiguredUser> _nkeys = new(StringComparer.Ordinal);
    private readonly User _anonymous;

    // --user/--pass (authorization.user): in $G with no limits, named so /connz?auth=1 can show it.
    private readonly User? _singleUser;

    public Authenticator(ServerOptions options, AccountRegistry accounts)
    {
        _options = options;
        _anonymous = new User(string.Empty, accounts.Global, permissions: null);
        _singleUser = options.Username is { } singleName ? new User(singleName, accounts.Global, permissions: null) : null;
        foreach (var user in options.Users)
        {
            var account = accounts.Find(user.Account);
            var permissions = user.Permissions is null ? null : new Permissions(user.Permissions);
            if (user.Nkey is { } nkey)
            {
                if (!NkeySignature.IsUserKey(nkey))
                {
                    throw new ServerOptionsException($"Not a valid public nkey for a user: \"{nkey}\"");
                }

                if (!_nkeys.TryAdd(nkey, new ConfiguredUser(new User(nkey, account, permissions, isNkey: true), null)))
                {
                    throw new ServerOptionsException($"duplicate nkey user \"{nkey}\"");
                }
            }
            else if (user.Username is { } name)
            {
                if (!_users.TryAdd(name, new ConfiguredUser(new User(name, account, permissions), user.Password)))
                {
                    throw new ServerOptionsException($"duplicate user \"{name}\"");
                }
            }
        }

        if (options.NoAuthUser is { } noAuthUser && !_users.ContainsKey(noAuthUser))
        {
            throw new ServerOptionsException($"no_auth_user: \"{noAuthUser}\" not present as user in authorization block or account configuration");
        }

        foreach (var user in _users.Values)
        {
            HasPlaintextPasswords |= user.Password is { Length: > 0 } password && !PasswordCheck.IsBcrypt(password);
        }

        HasPlaintextPasswords |= options.Password is { Length: > 0 } single && !PasswordCheck.IsBcrypt(single);
        HasPlaintextPasswords |= options.AuthorizationToken is { Length: > 0 } token && !PasswordCheck.IsBcrypt(token);
        Required = _users.Count > 0 || _nkeys.Count > 0 || options.AuthorizationToken is not null || options.Username is not null;
    }

    /// <summary>Whether a client must present credentials (<c>auth_required</c> in INFO).</summary>
    public bool Required { get; }

    /// <summary>Whether a password or token is kept in clear text, which nats-server warns about.</summary>
    public bool HasPlaintextPasswords { get; }

    /// <summary>Whether INFO carries a nonce for nkey users to sign.</summary>
    public bool NonceRequired => _nkeys.Count > 0;

    /// <summary>How a failed login is logged: the name it tried, never the secret.</summary>
    public string DescribeFailure(IConnectCredentials connect) =>
        _nkeys.Count > 0 ? $"authentication error - Nkey \"{connect.Nkey}\""
        : _users.Count > 0 ? $"authentication error - User \"{connect.User}\""
        : "authentication error";

    /// <summary>The user a client's or leaf's CONNECT proves to be, or null for an Authorization Violation.</summary>
    public User? Authenticate(IConnectCredentials connect, string? nonce, X509Certificate2? certificate)
    {
        if (!Required)
        {
            return _anonymous;
        }

        if (_nkeys.Count > 0 && !string.IsNullOrEmpty(connect.Nkey))
        {
            return _nkeys.TryGetValue(connect.Nkey, out var nkeyUser) && nonce is not null
                && NkeySignature.IsValid(connect.Nkey, nonce, connect.Signature)
                ? nkeyUser.User
                : null;
        }

        if (_users.Count > 0)
        {
            if (_options.Tls?.VerifyAndMap == true)
            {
                return certificate is not null && MapCertificate(certificate) is { } mapped
                    && PasswordCheck.Matches(mapped.Password ?? string.Empty, connect.Password)
                    ? mapped.User
                    : null;
            }

            if (_options.NoAuthUser is { } noAuthUser && string.IsNullOrEmpty(connect.User) && string.IsNullOrEmpty(connect.Password)
                && string.IsNullOrEmpty(connect.AuthToken))
            {
                return _users[noAuthUser].User;
            }

            if (connect.User is { Length: > 0 } name)
            {
                return _users.TryGetValue(name, out var user) && PasswordCheck.Matches(user.Password ?? string.Empty, connect.Password)
                    ? user.User
                    : null;
            }
        }

        if (_options.AuthorizationToken is { } token)
        {
            return PasswordCheck.Matches(token, connect.AuthToken) ? _anonymous : null;
        }

        if (_singleUser is { } single)
        {
            return connect.User == single.Name && PasswordCheck.Matches(_options.Password ?? string.Empty, connect.Password) ? single : null;
        }

        return null;
    }

    private ConfiguredUser? MapCertificate(X509Certificate2 certificate)
    {
        foreach (var name in CertificateIdentity.Names(certificate))
        {
            if (_users.TryGetValue(name, out var user))
            {
                return user;
            }
        }

        foreach (var (name, user) in _users)
        {
            if (CertificateIdentity.SubjectMatches(name, certificate))
            {
                return user;
            }
        }

        return null;
    }

    private sealed record ConfiguredUser(User User, string? Password);
}
