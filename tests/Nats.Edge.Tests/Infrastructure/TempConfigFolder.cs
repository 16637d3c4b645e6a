using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Nats.Edge.Configuration;
using Nats.Edge.Configuration.Conf;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>A temporary folder for config files, and the ways the tests read them.</summary>
public sealed class TempConfigFolder : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nats-edge-conf-");

    public string FullName => _directory.FullName;

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder and returns the full path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Reads a nats conf file through its configuration provider alone.</summary>
    internal ConfConfigurationProvider Parse(string text, Func<string, string?>? environment = null, string name = "test.conf")
    {
        var source = new ConfConfigurationSource { Path = Write(name, text), EnvironmentVariable = environment ?? NoEnvironment };
        var provider = (ConfConfigurationProvider)source.Build(new ConfigurationBuilder());
        provider.Load();
        return provider;
    }

    /// <summary>Loads a file through the whole loader, with no process environment in play.</summary>
    internal static LoadedConfig Load(
        string? path, IEnumerable<KeyValuePair<string, string?>>? overrides = null, Func<string, string?>? environment = null) =>
        ConfigFileLoader.Load(path, new MemoryConfigurationSource { InitialData = overrides }, environment ?? NoEnvironment);

    public void Dispose() => _directory.Delete(recursive: true);

    private static string? NoEnvironment(string name) => null;
}
