using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Nats.Edge.Configuration.Schema;

/// <summary>
/// Rewrites the configuration (the file with the <c>NATS_EDGE_*</c> variables laid over it) into the
/// one shape each key's bound property takes: every spelling becomes the property's name, a value
/// where a list is allowed a one-item list, a permission list an allow list, a block's shorthand the
/// block, sizes and durations the numbers and TimeSpans they stand for. What no section takes is
/// refused here, naming the key as written and its line; where each rewritten key came from is kept
/// for the errors found after binding.
/// </summary>
internal sealed class ConfigNormaliser
{
    private readonly KeyLocations _where;
    private readonly IReadOnlySet<string> _variables;
    private readonly Dictionary<string, string?> _data = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _origins = new(StringComparer.OrdinalIgnoreCase);

    private ConfigNormaliser(KeyLocations where, IReadOnlySet<string> variables)
    {
        _where = where;
        _variables = variables;
    }

    /// <param name="root">The configuration as read.</param>
    /// <param name="keys">The keys of its top level.</param>
    /// <param name="where">Where each key of <paramref name="root"/> was written.</param>
    /// <param name="variables">Top-level keys that served as <c>$variables</c>, which nats-server lets stand.</param>
    public static NormalisedConfig Normalise(IConfiguration root, SectionKeys keys, KeyLocations where, IReadOnlySet<string> variables)
    {
        var normaliser = new ConfigNormaliser(where, variables);
        normaliser.Block(root.GetChildren(), "", keys);
        return new NormalisedConfig(normaliser._data, normaliser._origins, where);
    }

    private void Block(IEnumerable<IConfigurationSection> children, string path, SectionKeys keys)
    {
        var chosen = new Dictionary<string, (IConfigurationSection Section, ConfigKey Key, int Rank)>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            if (keys.TryFind(child.Key, out var key, out var rank))
            {
                if (!chosen.TryGetValue(key.Property, out var taken) || rank < taken.Rank)
                {
                    chosen[key.Property] = (child, key, rank);
                }
            }
            else if (keys.Others is { } others)
            {
                Other(child, $"{Join(path, others)}:{child.Key.ToLowerInvariant()}");
            }
            else if (path.Length > 0 || !_variables.Contains(child.Key))
            {
                throw Unknown(child);
            }
        }

        foreach (var (section, key, _) in chosen.Values)
        {
            Value(section, Join(path, key.Property), key);
        }
    }

    private void Value(IConfigurationSection section, string path, ConfigKey key)
    {
        _origins[path] = section.Path;
        switch (key.Shape)
        {
            case KeyShape.Unsupported:
                throw key.Refusal is null ? Error(section, " is not supported by nats-edge") : Error(section, $": {key.Refusal}");
            case KeyShape.Strings or KeyShape.AllowList:
                List(section, path, key.Shape == KeyShape.AllowList);
                break;
            case KeyShape.Permission when section.Value is not null || IsList(section):
                _origins[$"{path}:allow"] = section.Path;
                List(section, $"{path}:allow", allow: true);
                break;
            case KeyShape.BlockOrValue when section.Value is not null:
                key.Block!.TryFind(key.Shorthand!, out var shorthand, out _);
                Value(section, $"{path}:{shorthand!.Property}", shorthand);
                break;
            case KeyShape.Permission or KeyShape.Block or KeyShape.BlockOrValue:
                Block(Children(section), path, key.Block!);
                break;
            case KeyShape.Responses:
                Responses(section, path, key.Block!);
                break;
            case KeyShape.Blocks:
                Blocks(section, path, key.Block!);
                break;
            case KeyShape.NamedBlocks:
                foreach (var named in Children(section))
                {
                    Item($"{path}:{named.Key}", named, key.Block!);
                }

                break;
            default:
                var text = Scalar(section, key.Shape);
                if (!key.Ignored)
                {
                    _data[path] = text;
                }

                break;
        }
    }

    private string Scalar(IConfigurationSection section, KeyShape shape)
    {
        var text = section.Value ?? throw Error(section, " needs a value");
        (string? Canonical, string? Problem) result = shape switch
        {
            KeyShape.Number => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? (number.ToString(CultureInfo.InvariantCulture), null)
                : (null, "is not a number"),
            KeyShape.Flag => bool.TryParse(text, out var flag) ? (flag ? "true" : "false", null) : (null, "is not true or false"),
            KeyShape.Size or KeyShape.LongSize => ConfigValue.TryParseSize(text, out var size) && size >= 0 && (shape == KeyShape.LongSize || size <= int.MaxValue)
                ? (size.ToString(CultureInfo.InvariantCulture), null)
                : (null, "is not a size (e.g. 1048576 or 1MB)"),
            // The binder reads a TimeSpan in its constant format.
            KeyShape.Duration => ConfigValue.TryParseDuration(text, out var duration)
                ? (duration.ToString("c", CultureInfo.InvariantCulture), null)
                : (null, "is not a duration (e.g. 2m, 500ms or seconds)"),
            KeyShape.HandshakeFirst => HandshakeFirst(text),
            _ => (text, null),
        };
        return result.Canonical ?? throw Error(section, $": \"{text}\" {result.Problem}");
    }

    // nats-server's spellings: a flag, "auto" for its 50 ms fallback to INFO first, or that fallback's length.
    private static (string? Canonical, string? Problem) HandshakeFirst(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "on" => ("true", null),
        "false" or "off" => ("false", null),
        "auto" or "auto_fallback" => (TimeSpan.FromMilliseconds(50).ToString("c", CultureInfo.InvariantCulture), null),
        _ when ConfigValue.TryParseDuration(text, out var fallback) && fallback > TimeSpan.Zero => (fallback.ToString("c", CultureInfo.InvariantCulture), null),
        _ => (null, "is not true, false, auto or a duration"),
    };

    // An empty list binds as none: the mapping tells the two apart by whether the key was written.
    private void List(IConfigurationSection section, string path, bool allow)
    {
        if (section.Value is { Length: > 0 } single)
        {
            Emit($"{path}:0", single, section.Path);
            return;
        }

        var count = 0;
        if (section.Value is null)
        {
            foreach (var item in section.GetChildren())
            {
                if (!IsIndex(item.Key))
                {
                    throw Error(section, " needs a value or a list of values");
                }

                Emit($"{path}:{count++}", item.Value ?? throw Error(item, " needs a value"), item.Path);
            }
        }

        if (count == 0 && allow)
        {
            throw Error(section, ": an empty list is ambiguous (nats-server allows everything); "
                + "write { \"deny\": [\">\"] } to allow nothing, or leave the key out to allow everything");
        }
    }

    // Named with no value even when its list is empty, so that the binder still makes an entry of it
    // for the section to refuse or take.
    private void Other(IConfigurationSection section, string path)
    {
        Emit(path, null, section.Path);
        List(section, path, allow: false);
    }

    // true and an empty block take nats-server's defaults, which a max of zero stands for.
    private void Responses(IConfigurationSection section, string path, SectionKeys keys)
    {
        if (section.Value is null || Scalar(section, KeyShape.Flag) == "true")
        {
            Emit($"{path}:max", "0", section.Path);
        }

        if (section.Value is null)
        {
            Block(section.GetChildren(), path, keys);
        }
    }

    private void Blocks(IConfigurationSection section, string path, SectionKeys keys)
    {
        // "" is an empty list: it has no items.
        if (section.Value is { Length: > 0 })
        {
            throw Error(section, " needs a list");
        }

        var index = 0;
        foreach (var item in section.GetChildren())
        {
            if (!IsIndex(item.Key))
            {
                throw Error(section, " needs a list");
            }

            Item($"{path}:{index++}", item, keys);
        }
    }

    // Named with no value even when empty, so that the binder still makes an item of it.
    private void Item(string path, IConfigurationSection section, SectionKeys keys)
    {
        Emit(path, null, section.Path);
        Block(Children(section), path, keys);
    }

    private IEnumerable<IConfigurationSection> Children(IConfigurationSection section) =>
        section.Value is null ? section.GetChildren() : throw Error(section, " needs a block of keys");

    private void Emit(string path, string? value, string origin)
    {
        _data[path] = value;
        _origins[path] = origin;
    }

    private static bool IsList(IConfigurationSection section)
    {
        var any = false;
        foreach (var child in section.GetChildren())
        {
            if (!IsIndex(child.Key))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}:{key}";

    private static bool IsIndex(string key) => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private ConfigException Unknown(IConfigurationSection section)
    {
        // A key from an upper-case NATS_EDGE_ variable is shown in nats-server's spelling.
        var name = KeyLocations.Name(section.Path);
        return new($"{_where.Of(section)}: unknown configuration key '{(_where.IsOverridden(section.Path) ? name.ToLowerInvariant() : name)}'", section.Path);
    }

    private ConfigException Error(IConfigurationSection section, string problem) =>
        new($"{_where.Of(section)}: key \"{KeyLocations.Name(section.Path)}\"{problem}");
}
