using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Conf;

namespace Nats.Edge.Configuration;

/// <summary>A config file's provider, loaded once to prove the file reads, and the line of each key.</summary>
internal sealed record ConfigFileContent(IConfigurationProvider Provider, IReadOnlyDictionary<string, KeyLocation> Lines)
{
    public ConfConfigurationProvider? Conf => Provider as ConfConfigurationProvider;
}
