using Microsoft.Extensions.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>
/// Where each configuration key came from, so an error found while turning sections into options
/// points at the line to fix: <c>file:line</c>, the environment variable that overrode it, or at
/// least the file.
/// </summary>
/// <param name="file">The config file; null when there is none.</param>
/// <param name="lines">Where each of its keys is written.</param>
/// <param name="overrides">The <c>NATS_EDGE_*</c> layer; null when there is none.</param>
internal sealed class KeyLocations(string? file, IReadOnlyDictionary<string, KeyLocation> lines, IConfigurationProvider? overrides)
{
    /// <summary>A key as messages show it: <c>a.b</c> for <c>a:b</c>.</summary>
    public static string Name(string key) => key.Replace(':', '.');

    public string Of(IConfigurationSection section) => Of(section.Path);

    public bool IsOverridden(string key) => overrides?.Holds(key) == true;

    public string Of(string key)
    {
        if (IsOverridden(key))
        {
            return $"environment variable {ConfigFileLoader.EnvironmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()}";
        }

        return lines.TryGetValue(key, out var line) ? line.ToString() : file ?? "environment";
    }
}
