using System.Globalization;

namespace Nats.Edge.Configuration.Schema;

/// <summary>A key of the normalised configuration, for the errors found while turning its sections into options.</summary>
internal readonly record struct ConfigPath(NormalisedConfig Config, string Path)
{
    public string Where => Config.Where(Path);

    /// <summary>Whether the file or the environment wrote the key, if only as an empty block the binder skips.</summary>
    public bool IsWritten => Config.IsWritten(Path);

    /// <summary>A bound list, or an empty one where the key was written as one: the binder leaves an empty list unset.</summary>
    public IReadOnlyList<string>? ListOf(List<string>? bound) => bound ?? (IsWritten ? [] : null);

    public ConfigPath Child(string key) => new(Config, Path.Length == 0 ? key : $"{Path}:{key}");

    public ConfigPath Item(int index) => Child(index.ToString(CultureInfo.InvariantCulture));

    /// <summary><c>file:line: key "a.b": problem</c>.</summary>
    public ConfigException Invalid(string problem) => new($"{Where}: key \"{Config.Name(Path)}\": {problem}");

    /// <summary>
    /// <c>file:line: unknown configuration key 'a.b'</c>, for a key that only its section can tell
    /// is unknown once bound; the environment may still drop it, as it may any unknown key.
    /// </summary>
    public ConfigException Unknown() => new($"{Where}: unknown configuration key '{Config.Name(Path).ToLowerInvariant()}'", Config.Origin(Path));

    /// <summary><c>file:line: key "a.b" needs what</c>.</summary>
    public ConfigException Needs(string what) => new($"{Where}: key \"{Config.Name(Path)}\" needs {what}");
}
