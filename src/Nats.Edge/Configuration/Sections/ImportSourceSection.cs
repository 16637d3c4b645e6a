using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Configuration.Sections;

/// <summary>What an import takes: <c>{ account, subject }</c>.</summary>
internal sealed class ImportSourceSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("account", KeyShape.Text)
        .Add("subject", KeyShape.Text);

    [ConfigurationKeyName("account")]
    public string? Account { get; set; }

    [ConfigurationKeyName("subject")]
    public string? Subject { get; set; }
}
