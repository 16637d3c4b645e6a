using System.Diagnostics.CodeAnalysis;

namespace Nats.Edge.Configuration.Schema;

/// <summary>
/// The keys one section of the config file takes, each under every spelling nats-server accepts and
/// tied by <c>nameof</c> to the property it binds to, and the nats-server keys refused by name.
/// </summary>
internal sealed class SectionKeys
{
    // The rank orders a key's spellings: when a block gives two, the earlier-listed one is taken.
    private readonly Dictionary<string, (ConfigKey Key, int Rank)> _spellings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every key, once, under its first spelling.</summary>
    public IEnumerable<(string Spelling, ConfigKey Key)> Keys =>
        _spellings.Where(static entry => entry.Value.Rank == 0).Select(static entry => (entry.Key, entry.Value.Key));

    public SectionKeys Add(string property, KeyShape shape, params string[] spellings) => Add(new ConfigKey(property, shape), spellings);

    public SectionKeys Add(string property, KeyShape shape, SectionKeys block, params string[] spellings) =>
        Add(new ConfigKey(property, shape, block), spellings);

    public SectionKeys Ignore(KeyShape shape, params string[] spellings) => Add(new ConfigKey(spellings[0], shape, Ignored: true), spellings);

    /// <summary>A block its own reader checks.</summary>
    public SectionKeys Unchecked(string spelling) => Add(new ConfigKey(spelling, KeyShape.Unchecked), [spelling]);

    public SectionKeys Unsupported(params string[] spellings)
    {
        foreach (var spelling in spellings)
        {
            Add(new ConfigKey(spelling, KeyShape.Unsupported), [spelling]);
        }

        return this;
    }

    /// <summary>An unsupported key whose refusal says what to use instead.</summary>
    public SectionKeys Refuse(string spelling, string refusal) => Add(new ConfigKey(spelling, KeyShape.Unsupported, Refusal: refusal), [spelling]);

    public bool TryFind(string spelling, [MaybeNullWhen(false)] out ConfigKey key, out int rank)
    {
        var found = _spellings.TryGetValue(spelling, out var entry);
        (key, rank) = entry;
        return found;
    }

    private SectionKeys Add(ConfigKey key, string[] spellings)
    {
        for (var i = 0; i < spellings.Length; i++)
        {
            _spellings.Add(spellings[i], (key, i));
        }

        return this;
    }
}
