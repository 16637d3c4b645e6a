namespace Nats.Edge.Configuration.Schema;

/// <summary>One key of a section: its name (the one its bound property carries) and shape.</summary>
/// <param name="Name">The spelling the bound type declares; other spellings are rewritten to it.</param>
/// <param name="Shape">The forms its value may take.</param>
/// <param name="Block">The keys of its block, for the block shapes.</param>
/// <param name="Refusal">Why an unsupported key is refused, when more than "not supported" helps.</param>
/// <param name="Ignored">Checked like any value, then dropped: nats-server's, with nothing here to set.</param>
internal sealed record ConfigKey(string Name, KeyShape Shape, SectionKeys? Block = null, string? Refusal = null, bool Ignored = false);
