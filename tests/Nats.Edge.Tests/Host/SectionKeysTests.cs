using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Nats.Edge.Configuration;
using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Tests.Host;

/// <summary>
/// A key list ties each key to its property by name only: a file that writes every listed key must
/// normalise and bind, or a list names a property of another type, or a shape its property does not take.
/// </summary>
public sealed class SectionKeysTests
{
    [Fact]
    public void Every_listed_key_binds_to_a_property_of_its_section()
    {
        var written = new Dictionary<string, string?>();
        Write(ConfigFile.Keys, "", written);
        var root = new ConfigurationBuilder().AddInMemoryCollection(written).Build();
        var where = new KeyLocations(null, new Dictionary<string, KeyLocation>(), new MemoryConfigurationProvider(new MemoryConfigurationSource()));

        var file = ConfigNormaliser.Normalise(root, ConfigFile.Keys, where, new HashSet<string>()).Bind();

        Assert.Equal("text", file.Leafnodes?.Remotes?[0].Tls?.CaFile);
        Assert.Equal(["text"], file.Devices?.Sensors?[0].Settings?["other"]);
    }

    // A value of each shape as a file would write it; values that do not fit the bound property's
    // type fail the binding.
    private static void Write(SectionKeys keys, string path, Dictionary<string, string?> written)
    {
        if (keys.Others is not null)
        {
            written[$"{path}:other:0"] = "text";
        }

        foreach (var (spelling, key) in keys.Keys)
        {
            var at = path.Length == 0 ? spelling : $"{path}:{spelling}";
            switch (key.Shape)
            {
                case KeyShape.Unsupported:
                    break;
                case KeyShape.Text:
                    written[at] = "text";
                    break;
                case KeyShape.Number:
                    written[at] = "3";
                    break;
                case KeyShape.Flag:
                    written[at] = "true";
                    break;
                case KeyShape.Size or KeyShape.LongSize:
                    written[at] = "1MB";
                    break;
                case KeyShape.Duration:
                    written[at] = "2m";
                    break;
                case KeyShape.Strings or KeyShape.AllowList:
                    written[$"{at}:0"] = "text";
                    break;
                case KeyShape.Block or KeyShape.BlockOrValue or KeyShape.Permission or KeyShape.Responses:
                    Write(key.Block!, at, written);
                    break;
                case KeyShape.Blocks:
                    Write(key.Block!, $"{at}:0", written);
                    break;
                case KeyShape.NamedBlocks:
                    Write(key.Block!, $"{at}:name", written);
                    break;
            }
        }
    }
}
