using System.Security.Cryptography;

namespace Nats.Edge.Server.Security;

/// <summary>Compares a client's password or token with the configured one, plain or bcrypt-hashed.</summary>
internal static class PasswordCheck
{
    public static bool Matches(string configured, string? given)
    {
        given ??= string.Empty;
        if (IsBcrypt(configured))
        {
            try
            {
                return BCrypt.Net.BCrypt.Verify(given, configured);
            }
            catch (Exception ex) when (ex is BCrypt.Net.SaltParseException or ArgumentException)
            {
                // A truncated or mangled hash matches nothing, as Go's bcrypt compare says no.
                return false;
            }
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured));
    }

    // nats-server takes "$2a$", "$2b$", "$2x$" or "$2y$" followed by a two-digit cost as a hash.
    public static bool IsBcrypt(string configured) =>
        configured.Length > 7 && configured[0] == '$' && configured[1] == '2' && configured[2] is 'a' or 'b' or 'x' or 'y'
        && configured[3] == '$' && char.IsAsciiDigit(configured[4]) && char.IsAsciiDigit(configured[5]) && configured[6] == '$';
}
