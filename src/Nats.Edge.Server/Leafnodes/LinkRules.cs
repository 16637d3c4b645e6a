using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// What may cross one leafnode link: exports go to the far side, imports come from it. Each
/// direction has an optional allow list and a deny list. Go servers deny JetStream's API, KV and
/// object-store subjects on every non-system leaf link (spec/leafnode-protocol.md §7.3); so does this.
/// </summary>
internal sealed class LinkRules
{
    private static readonly string[] JetStreamDenies = ["$JS.API.>", "$KV.>", "$OBJ.>"];

    private readonly SubjectPatternList? _exportAllow;
    private readonly SubjectPatternList _exportDeny;
    private readonly SubjectPatternList? _importAllow;
    private readonly SubjectPatternList _importDeny;

    public LinkRules(
        IReadOnlyList<string>? exportAllow, IEnumerable<string> exportDeny, IReadOnlyList<string>? importAllow, IEnumerable<string> importDeny, bool systemAccount)
    {
        _exportAllow = exportAllow is null ? null : new SubjectPatternList(exportAllow);
        _importAllow = importAllow is null ? null : new SubjectPatternList(importAllow);
        _exportDeny = new SubjectPatternList(systemAccount ? exportDeny : [.. exportDeny, .. JetStreamDenies]);
        _importDeny = new SubjectPatternList(systemAccount ? importDeny : [.. importDeny, .. JetStreamDenies]);
        ImportAllowPatterns = importAllow ?? [];
    }

    /// <summary>The import allow list as written, to narrow wide interest before it is announced.</summary>
    public IReadOnlyList<string> ImportAllowPatterns { get; }

    public bool HasImportAllowList => _importAllow is not null;

    /// <summary>Whether a message on <paramref name="subject"/> may go to the far side.</summary>
    public bool MayExport(ReadOnlySpan<byte> subject) =>
        (_exportAllow is null || _exportAllow.Covers(subject)) && !_exportDeny.Covers(subject);

    /// <summary>Whether a message on <paramref name="subject"/> may be taken from the far side.</summary>
    public bool MayImport(ReadOnlySpan<byte> subject) =>
        (_importAllow is null || _importAllow.Covers(subject)) && !_importDeny.Covers(subject);

    /// <summary>Whether interest in <paramref name="subject"/> is denied outright for imports.</summary>
    public bool DeniesImport(ReadOnlySpan<byte> subject) => _importDeny.Covers(subject);

    /// <summary>Whether interest in <paramref name="subject"/> is denied outright for exports.</summary>
    public bool DeniesExport(ReadOnlySpan<byte> subject) =>
        _exportDeny.Covers(subject) || (_exportAllow is not null && !_exportAllow.Covers(subject));
}
