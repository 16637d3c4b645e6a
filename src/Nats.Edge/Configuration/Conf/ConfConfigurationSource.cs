using Microsoft.Extensions.Configuration;

namespace Nats.Edge.Configuration.Conf;

/// <summary>A file in nats-server's own configuration syntax, read into configuration keys.</summary>
internal sealed class ConfConfigurationSource : IConfigurationSource
{
    /// <summary>The file, as it should appear in error messages.</summary>
    public required string Path { get; init; }

    /// <summary>Answers <c>$NAME</c> when no block defines <c>NAME</c>.</summary>
    public Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new ConfConfigurationProvider(this);
}
