using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Configuration.Sections;

/// <summary>
/// The login a dialling gateway must give: <c>gateway.authorization { user, password, timeout }</c>.
/// nats-server reads it with the client block's parser, then refuses what a gateway cannot use.
/// </summary>
internal sealed class GatewayAuthorizationSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(User), KeyShape.Text, "user", "username")
        .Add(nameof(Password), KeyShape.Text, "password", "pass")
        .Add(nameof(Timeout), KeyShape.Duration, "timeout")
        // nats-server's refusals (server/opts.go, parseGateway), word for word.
        .Refuse("token", "Gateway authorization does not support tokens")
        .Refuse("users", "Gateway authorization does not allow multiple users")
        // nats-server takes these and does nothing with them for a gateway.
        .Unsupported("permissions", "default_permissions", "default_permission");

    public string? User { get; set; }

    public string? Password { get; set; }

    public TimeSpan? Timeout { get; set; }
}
