using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Performance;

/// <summary>
/// A server whose load user has publish and subscribe lists, with a deny entry over a wildcard, so
/// every publish goes through the permission check: the setup the permission benchmark and the
/// allocation test share.
/// </summary>
public static class PermissionLoad
{
    /// <summary>CONNECT fields of the load user.</summary>
    public const string Credentials = "\"user\":\"board\",\"pass\":\"pi\"";

    public static ServerOptions Options { get; } = new()
    {
        Host = "127.0.0.1",
        Port = 0,
        Users =
        [
            new UserOptions
            {
                Username = "board",
                Password = "pi",
                Permissions = new PermissionOptions
                {
                    Publish = new SubjectPermissionOptions { Allow = ["sensors.>", "devices.>", "_INBOX.>"], Deny = ["sensors.*.secret"] },
                    Subscribe = new SubjectPermissionOptions { Allow = ["sensors.>", "devices.>", "_INBOX.>"], Deny = ["devices.*.secret"] },
                },
            },
        ],
    };
}
