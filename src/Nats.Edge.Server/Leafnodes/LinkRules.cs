using Nats.Edge.Server.Links;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// What may cross one leafnode link: exports go to the far side, imports come from it. Each
/// direction has an optional allow list and a deny list. Go servers deny JetStream's API, KV and
/// object-store subjects on every non-system leaf link, both ways, JetStream or not; so does this.
/// </summary>
internal sealed class LinkRules : IAnnouncementRules
{
    private static readonly string[] JetStreamDenies = ["$JS.API.>", "$KV.>", "$OBJ.>"];

    // Every allow list of a direction must cover a subject: a board's own list and the one its hub
    // sends in its second INFO both apply.
    private readonly SubjectPatternList[] _exportAllows;
    private readonly SubjectPatternList _exportDeny;
    private readonly SubjectPatternList[] _importAllows;
    private readonly SubjectPatternList _importDeny;
    private readonly List<string> _exportDenyEntries;
    private readonly List<string> _importDenyEntries;
    private readonly bool _systemAccount;

    public LinkRules(
        IReadOnlyList<string>? exportAllow, IEnumerable<string> exportDeny, IReadOnlyList<string>? importAllow, IEnumerable<string> importDeny, bool systemAccount)
        : this(
            exportAllow is null ? [] : [new SubjectPatternList(exportAllow)],
            [.. exportDeny],
            importAllow is null ? [] : [new SubjectPatternList(importAllow)],
            [.. importDeny],
            importAllow ?? [],
            systemAccount)
    {
    }

    private LinkRules(
        SubjectPatternList[] exportAllows, List<string> exportDeny, SubjectPatternList[] importAllows, List<string> importDeny,
        IReadOnlyList<string> importAllowPatterns, bool systemAccount)
    {
        _exportAllows = exportAllows;
        _importAllows = importAllows;
        _exportDenyEntries = exportDeny;
        _importDenyEntries = importDeny;
        _systemAccount = systemAccount;
        _exportDeny = new SubjectPatternList(systemAccount ? exportDeny : [.. exportDeny, .. JetStreamDenies]);
        _importDeny = new SubjectPatternList(systemAccount ? importDeny : [.. importDeny, .. JetStreamDenies]);
        ImportAllowPatterns = importAllowPatterns;
    }

    /// <summary>
    /// These rules narrowed further by what the hub allows this leaf (its second INFO's
    /// <c>export</c>: what the leaf may publish, <c>import</c>: what it may receive).
    /// </summary>
    public LinkRules Narrowed(SubjectListPair? export, SubjectListPair? import)
    {
        var exportAllows = export?.Allow is { } ea ? [.. _exportAllows, new SubjectPatternList(ea)] : _exportAllows;
        var importAllows = import?.Allow is { } ia ? [.. _importAllows, new SubjectPatternList(ia)] : _importAllows;
        var importAllowPatterns = ImportAllowPatterns.Count == 0 && import?.Allow is { } hubImports ? hubImports : ImportAllowPatterns;
        return new LinkRules(
            exportAllows, [.. _exportDenyEntries, .. export?.Deny ?? []], importAllows, [.. _importDenyEntries, .. import?.Deny ?? []],
            importAllowPatterns, _systemAccount);
    }

    /// <summary>The import allow list as written, to narrow wide interest before it is announced.</summary>
    public IReadOnlyList<string> ImportAllowPatterns { get; }

    public bool HasImportAllowList => _importAllows.Length > 0;

    /// <summary>Whether a message on <paramref name="subject"/> may go to the far side.</summary>
    public bool MayExport(ReadOnlySpan<byte> subject) => AllCover(_exportAllows, subject) && !_exportDeny.Covers(subject);

    /// <summary>Whether a message on <paramref name="subject"/> may be taken from the far side.</summary>
    public bool MayImport(ReadOnlySpan<byte> subject) => AllCover(_importAllows, subject) && !_importDeny.Covers(subject);

    /// <summary>Whether interest in <paramref name="subject"/> is denied outright for imports.</summary>
    public bool DeniesImport(ReadOnlySpan<byte> subject) => _importDeny.Covers(subject);

    /// <summary>Whether interest in <paramref name="subject"/> is denied outright for exports.</summary>
    public bool DeniesExport(ReadOnlySpan<byte> subject) => _exportDeny.Covers(subject) || !AllCover(_exportAllows, subject);

    // Interest is announced only where messages may come back over the link: on a board what it may
    // import, on a hub what the leaf user may publish. Loop detection subjects always cross.
    public bool MayAnnounce(string subject)
    {
        if (subject.StartsWith("$LDS.", StringComparison.Ordinal))
        {
            return true;
        }

        var bytes = Encoding.UTF8.GetBytes(subject);
        return !DeniesImport(bytes) && (!HasImportAllowList || MayImport(bytes));
    }

    // With an import allow list, interest wider than the list (a SUB on ">") is narrowed to the
    // list's own patterns it covers, so the far side sends only what may come over: no cellular data
    // spent on messages dropped on arrival.
    public IReadOnlyList<string> Announcements(string subject)
    {
        if (MayAnnounce(subject))
        {
            return [subject];
        }

        var narrowed = new List<string>();
        if (HasImportAllowList)
        {
            var wide = Encoding.UTF8.GetBytes(subject);
            foreach (var pattern in ImportAllowPatterns)
            {
                if (SubjectPattern.Covers(wide, Encoding.UTF8.GetBytes(pattern)) && !DeniesImport(Encoding.UTF8.GetBytes(pattern)))
                {
                    narrowed.Add(pattern);
                }
            }
        }

        return narrowed;
    }

    private static bool AllCover(SubjectPatternList[] lists, ReadOnlySpan<byte> subject)
    {
        foreach (var list in lists)
        {
            if (!list.Covers(subject))
            {
                return false;
            }
        }

        return true;
    }
}
