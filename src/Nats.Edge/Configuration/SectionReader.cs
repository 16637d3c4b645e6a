using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>
/// Reading a config section by hand, as the devices block still is (the others are normalised and
/// bound): lists that may be a single string, items in index order, and errors that name the key and
/// the line it is on.
/// </summary>
internal sealed class SectionReader(KeyLocations where)
{
    // JSON arrays arrive as children "0", "1", …, sorted here in index order.
    public static List<IConfigurationSection> Items(IConfigurationSection section)
    {
        var items = new List<IConfigurationSection>(section.GetChildren());
        items.Sort((a, b) => int.Parse(a.Key, CultureInfo.InvariantCulture).CompareTo(int.Parse(b.Key, CultureInfo.InvariantCulture)));
        return items;
    }

    public List<string> Strings(IConfigurationSection section)
    {
        if (section.Value is { } single)
        {
            return single.Length == 0 ? [] : [single];
        }

        var values = new List<string>();
        foreach (var item in Items(section))
        {
            values.Add(Scalar(item));
        }

        return values;
    }

    public string Scalar(IConfigurationSection section) =>
        section.Value ?? throw new ConfigException($"{where.Of(section)}: key \"{Key(section)}\" needs a value");

    public ConfigException Unknown(IConfigurationSection section) =>
        // A key that came from an upper-case NATS_EDGE_ variable is shown in nats-server's spelling.
        new($"{where.Of(section)}: unknown configuration key '{Key(section).ToLowerInvariant()}'", section.Path);

    public static string Key(IConfigurationSection section) => section.Path.Replace(':', '.');

    public bool Bool(IConfigurationSection section) =>
        bool.TryParse(Scalar(section), out var value)
            ? value
            : throw new ConfigException($"{where.Of(section)}: key \"{Key(section)}\": \"{section.Value}\" is not true or false");

    public int Int(IConfigurationSection section) =>
        int.TryParse(Scalar(section), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConfigException($"{where.Of(section)}: key \"{Key(section)}\": \"{section.Value}\" is not a number");

    public TimeSpan Duration(IConfigurationSection section) =>
        ConfigValue.TryParseDuration(Scalar(section), out var value)
            ? value
            : throw new ConfigException($"{where.Of(section)}: key \"{Key(section)}\": \"{section.Value}\" is not a duration (e.g. 2m, 500ms or seconds)");
}
