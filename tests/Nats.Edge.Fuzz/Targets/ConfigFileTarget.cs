using Nats.Edge.Configuration;

namespace Nats.Edge.Fuzz.Targets;

/// <summary>
/// A config file, in nats conf syntax or JSON, loaded as the server loads it at start: what it cannot
/// take is refused with a <see cref="ConfigException"/> that names the place, never anything else.
/// </summary>
internal sealed class ConfigFileTarget(string name, string fileName) : IFuzzTarget
{
    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("nats-edge-fuzz-").FullName, fileName);

    public string Name => name;

    public void Run(ReadOnlySpan<byte> input)
    {
        File.WriteAllBytes(_path, input.ToArray());
        try
        {
            _ = ConfigFileLoader.Load(_path, []);
        }
        catch (ConfigException)
        {
        }
    }
}
