namespace Nats.Edge.Server.Configuration;

/// <summary>One entry of an account's <c>exports</c>.</summary>
public sealed record ExportOptions
{
    /// <summary>Stream or service.</summary>
    public ExportKind Kind { get; init; }

    /// <summary>The exported subject, wildcards allowed.</summary>
    public required string Subject { get; init; }

    /// <summary>Accounts allowed to import it (<c>accounts</c>); null lets any account import it.</summary>
    public IReadOnlyList<string>? Accounts { get; init; }

    /// <summary>
    /// For services, whether one request may get several responses (<c>response_type</c> stream or
    /// chunked) or exactly one (singleton, the default).
    /// </summary>
    public bool MultipleResponses { get; init; }
}
