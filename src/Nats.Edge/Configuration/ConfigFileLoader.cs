using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Configuration;

/// <summary>
/// Reads a config file (JSON or nats conf) with <c>NATS_EDGE_*</c> environment variables laid over
/// it, normalises nats-server's spellings and shapes, binds the result through the binding source
/// generator (no reflection), sets what the flags set in it, then turns the bound sections into options.
/// </summary>
internal static class ConfigFileLoader
{
    // NATS_EDGE_MAX_PAYLOAD=2MB; "__" nests: NATS_EDGE_LEAFNODES__REMOTES__0__URL=nats-leaf://hub.
    public const string EnvironmentPrefix = "NATS_EDGE_";

    /// <param name="path">The config file; none: the environment and the flags only.</param>
    /// <param name="flags">What the flags set in the bound file, in their order.</param>
    public static LoadedConfig Load(string? path, IReadOnlyList<Action<ConfigFile>> flags) =>
        path is null && !HasEnvironmentOverrides()
            ? ToConfig(new ConfigFile(), flags, NormalisedConfig.Empty, Directory.GetCurrentDirectory())
            : Load(path, new EnvironmentVariablesConfigurationSource { Prefix = EnvironmentPrefix }, Environment.GetEnvironmentVariable, flags);

    // With neither a file nor a NATS_EDGE_ variable there is nothing to bind, only the flags to set;
    // skipping the configuration stack keeps measurably more of a board's memory free (idle RSS of
    // the AOT build; figures in bench/README.md).
    private static bool HasEnvironmentOverrides()
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys)
        {
            if (name is string text && text.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Loads <paramref name="path"/> (none: overrides only) with <paramref name="overrides"/> on top,
    /// and <paramref name="flags"/> on top of both; <paramref name="environment"/> answers a conf
    /// file's <c>$NAME</c> references.
    /// </summary>
    public static LoadedConfig Load(string? path, IConfigurationSource overrides, Func<string, string?> environment, IReadOnlyList<Action<ConfigFile>> flags)
    {
        var content = path is null ? null : ConfigFileReader.Read(path, environment);
        var environmentProvider = new OverrideProvider(overrides.Build(new ConfigurationBuilder()));
        var warnings = new List<string>();
        while (true)
        {
            try
            {
                return Load(path, content, environmentProvider, flags) with { Warnings = warnings };
            }
            catch (ConfigException ex) when (ex.UnknownKey is { } key && IsOnlyOverridden(key, content, environmentProvider))
            {
                // The same key in the file stays an error: only the shared environment gets leeway.
                warnings.Add($"{ex.Message}, ignored");
                environmentProvider.Forget(key);
            }
        }
    }

    private static bool IsOnlyOverridden(string key, ConfigFileContent? content, OverrideProvider overrides) =>
        overrides.Holds(key) && content?.Provider.Holds(key) != true;

    private static LoadedConfig Load(string? path, ConfigFileContent? content, OverrideProvider environmentProvider, IReadOnlyList<Action<ConfigFile>> flags)
    {
        // One root over the file's own provider rather than a chained configuration, which would
        // turn an empty list's "" into null. The root loads the file again, as it was read a moment ago.
        var root = new ConfigurationRoot(content is null ? [environmentProvider] : [content.Provider, environmentProvider]);
        var where = new KeyLocations(path, content?.Lines ?? new Dictionary<string, KeyLocation>(), environmentProvider);
        var folder = path is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var config = ConfigNormaliser.Normalise(root, ConfigFile.Keys, where, content?.Conf?.VariableKeys ?? new HashSet<string>());
        return ToConfig(config.Bind(), flags, config, folder);
    }

    // The flags are set in the bound file rather than in the options made of it, so that each means
    // what its key means and is checked as that key is.
    private static LoadedConfig ToConfig(ConfigFile file, IReadOnlyList<Action<ConfigFile>> flags, NormalisedConfig config, string folder)
    {
        foreach (var flag in flags)
        {
            flag(file);
        }

        var at = new ConfigPath(config, "");
        return new LoadedConfig(file.ToOptions(at, folder), file.ToHostSettings(), file.ToDevices(at));
    }
}
