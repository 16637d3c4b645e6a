using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// One import in <c>account_detail.imports</c>. As nats-server puts it: a stream names the exporter's
/// subject and the <c>local_subject</c> it arrives on; a service names the local subject and the
/// exporter's subject it goes <c>to</c>.
/// </summary>
internal sealed class AccountImport
{
    public required string Subject { get; init; }

    public required string Account { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? To { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LocalSubject { get; init; }

    public required string Type { get; init; }

    public bool Invalid { get; init; }

    public bool Share { get; init; }

    public bool Tracking { get; init; }

    public static AccountImport From(ImportOptions import)
    {
        if (import.Kind == ExportKind.Service)
        {
            return new AccountImport { Subject = import.LocalSubject, Account = import.Account, To = import.Subject, Type = "service" };
        }

        return new AccountImport { Subject = import.Subject, Account = import.Account, LocalSubject = import.LocalSubject, Type = "stream" };
    }
}
