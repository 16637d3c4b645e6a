namespace Nats.Edge.Server.Configuration;

/// <summary>One account of nats-server's <c>accounts</c> block: its own subject space, and what it shares.</summary>
public sealed record AccountOptions
{
    /// <summary>The account's name, as users and imports refer to it.</summary>
    public required string Name { get; init; }

    /// <summary>Streams and services other accounts may import.</summary>
    public IReadOnlyList<ExportOptions> Exports { get; init; } = [];

    /// <summary>Streams and services taken from other accounts' exports.</summary>
    public IReadOnlyList<ImportOptions> Imports { get; init; } = [];
}
