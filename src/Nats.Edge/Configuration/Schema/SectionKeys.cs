using System.Diagnostics.CodeAnalysis;

namespace Nats.Edge.Configuration.Schema;

/// <summary>
/// The keys one section of the config file takes, under every spelling nats-server accepts, and the
/// nats-server keys refused by name. The section's bound type declares each key's name once more,
/// in <c>[ConfigurationKeyName]</c>; binding with ErrorOnUnknownConfiguration catches a name declared
/// here and not there.
/// </summary>
internal sealed class SectionKeys
{
    // The rank orders a key's spellings: when a block gives two, the earlier-listed one is taken.
    private readonly Dictionary<string, (ConfigKey Key, int Rank)> _spellings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every key, once, under its name.</summary>
    public IEnumerable<ConfigKey> Keys => _spellings.Values.Where(static entry => entry.Rank == 0).Select(static entry => entry.Key);

    public SectionKeys Add(string name, KeyShape shape, params string[] aliases) => Add(new ConfigKey(name, shape), aliases);

    public SectionKeys Add(string name, KeyShape shape, SectionKeys block, params string[] aliases) => Add(new ConfigKey(name, shape, block), aliases);

    public SectionKeys Ignore(string name, KeyShape shape, params string[] aliases) => Add(new ConfigKey(name, shape, Ignored: true), aliases);

    public SectionKeys Unsupported(params string[] names)
    {
        foreach (var name in names)
        {
            Add(new ConfigKey(name, KeyShape.Unsupported), []);
        }

        return this;
    }

    /// <summary>An unsupported key whose refusal says what to use instead.</summary>
    public SectionKeys Refuse(string name, string refusal) => Add(new ConfigKey(name, KeyShape.Unsupported, Refusal: refusal), []);

    public bool TryFind(string spelling, [MaybeNullWhen(false)] out ConfigKey key, out int rank)
    {
        var found = _spellings.TryGetValue(spelling, out var entry);
        (key, rank) = entry;
        return found;
    }

    private SectionKeys Add(ConfigKey key, string[] aliases)
    {
        _spellings.Add(key.Name, (key, 0));
        for (var i = 0; i < aliases.Length; i++)
        {
            _spellings.Add(aliases[i], (key, i + 1));
        }

        return this;
    }
}
