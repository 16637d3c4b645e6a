using Microsoft.Extensions.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>nats-server's <c>authorization { user, password, token, timeout }</c> block.</summary>
internal sealed class AuthorizationSection
{
    [ConfigurationKeyName("user")]
    public string? User { get; set; }

    [ConfigurationKeyName("password")]
    public string? Password { get; set; }

    [ConfigurationKeyName("token")]
    public string? Token { get; set; }

    [ConfigurationKeyName("timeout")]
    public string? Timeout { get; set; }
}
