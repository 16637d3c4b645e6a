using Microsoft.Extensions.Configuration;

namespace Nats.Edge.Configuration.Schema;

/// <summary>
/// The configuration in the shape the sections bind, and the key each of its keys was written as,
/// so that an error found after binding still names that key and its line.
/// </summary>
internal sealed class NormalisedConfig(IReadOnlyDictionary<string, string?> data, IReadOnlyDictionary<string, string> origins, KeyLocations where)
{
    /// <summary>Neither a file nor a variable: nothing written, nothing to bind.</summary>
    public static NormalisedConfig Empty =>
        new(new Dictionary<string, string?>(), new Dictionary<string, string>(), new KeyLocations(null, new Dictionary<string, KeyLocation>(), overrides: null));

    public ConfigFile Bind()
    {
        var file = new ConfigFile();
        // Every key is a property a key list named by nameof: the name of another type's property
        // is a bug, caught here rather than dropped.
        new ConfigurationBuilder().AddInMemoryCollection(data).Build().Bind(file, static binder => binder.ErrorOnUnknownConfiguration = true);
        return file;
    }

    public string Where(string path) => where.Of(Origin(path));

    public bool IsWritten(string path) => origins.ContainsKey(path);

    public string Name(string path) => KeyLocations.Name(Origin(path));

    /// <summary>The key as the file or the environment wrote it.</summary>
    public string Origin(string path) => origins.TryGetValue(path, out var origin) ? origin : path;
}
