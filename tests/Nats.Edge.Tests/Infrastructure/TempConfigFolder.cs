using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Nats.Edge.CommandLine;
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
    /// <param name="path">The file; null for none.</param>
    /// <param name="overrides">The keys of the <c>NATS_EDGE_*</c> layer.</param>
    /// <param name="environment">What a conf file's <c>$NAME</c> finds.</param>
    /// <param name="flags">The command line, flags that override config keys included.</param>
    internal static LoadedConfig Load(
        string? path,
        IEnumerable<KeyValuePair<string, string?>>? overrides = null,
        Func<string, string?>? environment = null,
        IReadOnlyList<string>? flags = null) =>
        ConfigFileLoader.Load(
            path, new MemoryConfigurationSource { InitialData = overrides }, environment ?? NoEnvironment, CommandLineParser.Parse(flags ?? []).Overrides);

    public void Dispose() => _directory.Delete(recursive: true);

    private static string? NoEnvironment(string name) => null;
}
