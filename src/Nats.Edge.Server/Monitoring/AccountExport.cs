using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>One export in <c>/accountz?acc=</c>'s <c>account_detail.exports</c>.</summary>
internal sealed class AccountExport
{
    public required string Subject { get; init; }

    public required string Type { get; init; }

    /// <summary>Services only: <c>Singleton</c> or <c>Stream</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ResponseType { get; init; }

    public static AccountExport From(ExportOptions export) => export.Kind == ExportKind.Stream
        ? new AccountExport { Subject = export.Subject, Type = "stream" }
        : new AccountExport { Subject = export.Subject, Type = "service", ResponseType = export.MultipleResponses ? "Stream" : "Singleton" };
}
