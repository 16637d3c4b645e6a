using Microsoft.Extensions.Configuration;

namespace Nats.Edge.Configuration;

internal static class ConfigurationProviderKeys
{
    /// <summary>Whether the provider has a value at <paramref name="key"/> or anything under it.</summary>
    public static bool Holds(this IConfigurationProvider provider, string key) =>
        provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any();
}
