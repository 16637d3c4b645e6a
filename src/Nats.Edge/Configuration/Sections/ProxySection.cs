using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>A remote's <c>proxy { url, username, password, timeout }</c>, with nats-server 2.12's checks and texts.</summary>
internal sealed class ProxySection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Url), KeyShape.Text, "url")
        .Add(nameof(Username), KeyShape.Text, "username")
        .Add(nameof(Password), KeyShape.Text, "password")
        .Add(nameof(Timeout), KeyShape.Duration, "timeout");

    public string? Url { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public TimeSpan? Timeout { get; set; }

    public ProxyOptions? ToOptions(ConfigPath at)
    {
        if (string.IsNullOrEmpty(Url))
        {
            return null;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url))
        {
            throw at.Child(nameof(Url)).Invalid($"invalid proxy URL: \"{Url}\"");
        }

        if (url.Scheme is not ("http" or "https"))
        {
            throw at.Child(nameof(Url)).Invalid($"proxy URL scheme must be http or https, got: {url.Scheme}");
        }

        if (string.IsNullOrEmpty(url.Host))
        {
            throw at.Child(nameof(Url)).Invalid("proxy URL must specify a host");
        }

        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            throw at.Invalid("proxy username and password must both be specified or both be empty");
        }

        return new ProxyOptions
        {
            Url = url,
            Username = string.IsNullOrEmpty(Username) ? null : Username,
            Password = string.IsNullOrEmpty(Password) ? null : Password,
            // 0, as nats-server reads it, is the dial timeout.
            Timeout = Timeout is { } timeout && timeout > TimeSpan.Zero ? timeout : null,
        };
    }
}
