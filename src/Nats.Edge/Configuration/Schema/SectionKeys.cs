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

    /// <summary>
    /// The property that keys this list does not name are bound under, each as a list of values, for
    /// the section to take or refuse once bound (a device's keys are its kind's); null refuses them here.
    /// </summary>
    public string? Others { get; private set; }

    /// <summary>Every key, once, under its first spelling.</summary>
    public IEnumerable<(string Spelling, ConfigKey Key)> Keys =>
        _spellings.Where(static entry => entry.Value.Rank == 0).Select(static entry => (entry.Key, entry.Value.Key));

    public SectionKeys Add(string property, KeyShape shape, params string[] spellings) => Add(new ConfigKey(property, shape), spellings);

    public SectionKeys Add(string property, KeyShape shape, SectionKeys block, params string[] spellings) =>
        Add(new ConfigKey(property, shape, block), spellings);

    /// <summary>A block, or a value alone that stands for its key <paramref name="shorthand"/>.</summary>
    public SectionKeys BlockOrValue(string property, SectionKeys block, string shorthand, params string[] spellings) =>
        block.TryFind(shorthand, out _, out _)
            ? Add(new ConfigKey(property, KeyShape.BlockOrValue, block, Shorthand: shorthand), spellings)
            : throw new ArgumentException($"the block has no key \"{shorthand}\"", nameof(shorthand));

    public SectionKeys Ignore(KeyShape shape, params string[] spellings) => Add(new ConfigKey(spellings[0], shape, Ignored: true), spellings);

    /// <summary>Binds the keys this list does not name under <paramref name="property"/>; see <see cref="Others"/>.</summary>
    public SectionKeys OthersUnder(string property)
    {
        Others = property;
        return this;
    }

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
