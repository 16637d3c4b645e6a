namespace Nats.Edge.Server.Configuration;

/// <summary>
/// An allow and a deny list of subjects, wildcards allowed. No allow list allows everything not
/// denied; an empty one allows nothing. Subscribe entries may name a queue: <c>"orders.* workers"</c>.
/// </summary>
public sealed record SubjectPermissionOptions
{
    /// <summary>Subjects allowed; null for no allow list.</summary>
    public IReadOnlyList<string>? Allow { get; init; }

    /// <summary>Subjects denied even when allowed.</summary>
    public IReadOnlyList<string>? Deny { get; init; }
}
