namespace Nats.Edge.Server.Configuration;

/// <summary>One entry of an account's <c>imports</c>.</summary>
public sealed record ImportOptions
{
    /// <summary>Stream or service.</summary>
    public ExportKind Kind { get; init; }

    /// <summary>The exporting account.</summary>
    public required string Account { get; init; }

    /// <summary>The subject as the exporting account names it.</summary>
    public required string Subject { get; init; }

    /// <summary>Streams: a token put in front of every imported subject (<c>prefix</c>).</summary>
    public string? Prefix { get; init; }

    /// <summary>The subject as the importing account names it (<c>to</c>); null keeps <see cref="Subject"/>.</summary>
    public string? To { get; init; }

    /// <summary>The subject the import uses in the importing account: <see cref="To"/>, else the prefixed or plain subject.</summary>
    internal string LocalSubject =>
        To ?? (Kind == ExportKind.Stream && Prefix is { Length: > 0 } prefix ? $"{prefix.TrimEnd('.')}.{Subject}" : Subject);
}
