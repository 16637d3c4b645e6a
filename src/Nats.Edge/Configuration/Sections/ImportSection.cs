using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>One of an account's <c>imports</c>: another account's stream or service, renamed or not.</summary>
internal sealed class ImportSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Stream), KeyShape.Block, ImportSourceSection.Keys, "stream")
        .Add(nameof(Service), KeyShape.Block, ImportSourceSection.Keys, "service")
        .Add(nameof(Prefix), KeyShape.Text, "prefix")
        .Add(nameof(To), KeyShape.Text, "to")
        .Unsupported("share");

    public ImportSourceSection? Stream { get; set; }

    public ImportSourceSection? Service { get; set; }

    public string? Prefix { get; set; }

    public string? To { get; set; }

    public ImportOptions ToOptions(ConfigPath at)
    {
        var (kind, source) = Stream is not null ? (ExportKind.Stream, Stream) : (ExportKind.Service, Service);
        return source is { Account: { } account, Subject: { } subject }
            ? new ImportOptions { Kind = kind, Account = account, Subject = subject, Prefix = Prefix, To = To }
            : throw at.Invalid("an import needs \"stream\" or \"service\" with \"account\" and \"subject\"");
    }
}
