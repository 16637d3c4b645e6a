using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Configuration.Sections;

/// <summary>What an import takes: <c>{ account, subject }</c>.</summary>
internal sealed class ImportSourceSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Account), KeyShape.Text, "account")
        .Add(nameof(Subject), KeyShape.Text, "subject");

    public string? Account { get; set; }

    public string? Subject { get; set; }
}
