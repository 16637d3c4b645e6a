using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>One of an account's <c>exports</c>: a stream or a service, and who may import it.</summary>
internal sealed class ExportSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Stream), KeyShape.Text, "stream")
        .Add(nameof(Service), KeyShape.Text, "service")
        .Add(nameof(Accounts), KeyShape.Strings, "accounts")
        .Add(nameof(ResponseType), KeyShape.Text, "response_type", "response")
        .Unsupported("response_threshold", "threshold", "latency");

    public string? Stream { get; set; }

    public string? Service { get; set; }

    public List<string>? Accounts { get; set; }

    public string? ResponseType { get; set; }

    public ExportOptions ToOptions(ConfigPath at)
    {
        var multiple = ResponseType?.ToLowerInvariant() switch
        {
            null or "single" or "singleton" => false,
            "stream" or "chunk" or "chunked" => true,
            var other => throw at.Child(nameof(ResponseType)).Invalid($"unknown response type \"{other}\""),
        };
        var (kind, subject) = Stream is not null ? (ExportKind.Stream, Stream)
            : Service is not null ? (ExportKind.Service, Service)
            : throw at.Invalid("an export needs \"stream\" or \"service\"");
        return new ExportOptions { Kind = kind, Subject = subject, Accounts = at.Child(nameof(Accounts)).ListOf(Accounts), MultipleResponses = multiple };
    }
}
