using System.Security.Cryptography.X509Certificates;
using Nats.Edge.Server.Leafnodes;

namespace Nats.Edge.Server.Security;

/// <summary>Who an accepted leafnode link logs in as, decided from its CONNECT as nats-server decides it.</summary>
internal static class LeafAuthenticator
{
    /// <summary>
    /// The account an accepted leaf's CONNECT logs into, or null: the leafnode users when
    /// configured, else the ordinary client users and accounts, else the leafnode account.
    /// </summary>
    public static (Account Account, PermissionOptions? Permissions)? Authenticate(
        LeafnodeOptions leafnodes, AccountRegistry accounts, Authenticator authenticator,
        LeafConnect connect, string? nonce, X509Certificate2? certificate)
    {
        if (leafnodes.Users.Count > 0)
        {
            foreach (var user in leafnodes.Users)
            {
                if (user.Username == connect.User && PasswordCheck.Matches(user.Password ?? string.Empty, connect.Password))
                {
                    return (accounts.Find(user.Account), user.Permissions);
                }
            }

            return null;
        }

        if (leafnodes.Username is { } single)
        {
            return connect.User == single && PasswordCheck.Matches(leafnodes.Password ?? string.Empty, connect.Password)
                ? (accounts.Find(leafnodes.Account), null)
                : null;
        }

        if (authenticator.Required)
        {
            return authenticator.Authenticate(connect, nonce, certificate) is { } user ? (user.Account, user.Permissions?.Options) : null;
        }

        return (accounts.Find(leafnodes.Account), null);
    }
}
