namespace Nats.Edge.Configuration.Schema;

/// <summary>One key of a section: the property it binds to, and the forms its value may take.</summary>
/// <param name="Property">
/// The bound property's name, which the normaliser writes every spelling of the key as; a key that
/// binds to nothing (unsupported, ignored, unchecked) goes by its first spelling.
/// </param>
/// <param name="Shape">The forms its value may take.</param>
/// <param name="Block">The keys of its block, for the block shapes.</param>
/// <param name="Refusal">Why an unsupported key is refused, when more than "not supported" helps.</param>
/// <param name="Ignored">Checked like any value, then dropped: nats-server's, with nothing here to set.</param>
/// <param name="Shorthand">For <see cref="KeyShape.BlockOrValue"/>: the key of the block that a value alone stands for.</param>
internal sealed record ConfigKey(
    string Property, KeyShape Shape, SectionKeys? Block = null, string? Refusal = null, bool Ignored = false, string? Shorthand = null);
