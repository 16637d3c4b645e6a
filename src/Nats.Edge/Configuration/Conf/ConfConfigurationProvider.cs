using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Nats.Edge.Configuration.Conf;

/// <summary>
/// Lays a parsed nats conf file out as the JSON provider lays out the same JSON: <c>a:b</c> for
/// nested keys, <c>a:0</c> for list items; an empty block has a null value and an empty list "".
/// Also keeps the line of every key and which top-level keys served as <c>$variables</c>.
/// </summary>
internal sealed class ConfConfigurationProvider(ConfConfigurationSource source) : ConfigurationProvider
{
    private readonly Dictionary<string, KeyLocation> _locations = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _variableKeys = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, KeyLocation> Locations => _locations;

    public IReadOnlySet<string> VariableKeys => _variableKeys;

    public override void Load()
    {
        var root = ConfParser.ParseFile(source.Path, source.EnvironmentVariable);
        _locations.Clear();
        _variableKeys.Clear();
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, entry) in root.Entries)
        {
            if (entry.UsedAsVariable)
            {
                _variableKeys.Add(key);
            }

            Add(data, key, entry.Where, entry.Value);
        }

        Data = data;
    }

    private void Add(Dictionary<string, string?> data, string path, KeyLocation where, ConfValue value)
    {
        _locations[path] = where;
        switch (value)
        {
            case ConfScalar scalar:
                data[path] = scalar.Text;
                break;
            case ConfMap map:
                if (map.Entries.Count == 0)
                {
                    data[path] = null;
                }

                foreach (var (key, entry) in map.Entries)
                {
                    Add(data, $"{path}:{key}", entry.Where, entry.Value);
                }

                break;
            case ConfList list:
                if (list.Items.Count == 0)
                {
                    data[path] = "";
                }

                for (var i = 0; i < list.Items.Count; i++)
                {
                    Add(data, $"{path}:{i.ToString(CultureInfo.InvariantCulture)}", list.Items[i].Where, list.Items[i]);
                }

                break;
        }
    }
}
