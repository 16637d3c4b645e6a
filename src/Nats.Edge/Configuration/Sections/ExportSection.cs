using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>One of an account's <c>exports</c>: a stream or a service, and who may import it.</summary>
internal sealed class ExportSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("stream", KeyShape.Text)
        .Add("service", KeyShape.Text)
        .Add("accounts", KeyShape.Strings)
        .Add("response_type", KeyShape.Text, "response")
        .Unsupported("response_threshold", "threshold", "latency");

    [ConfigurationKeyName("stream")]
    public string? Stream { get; set; }

    [ConfigurationKeyName("service")]
    public string? Service { get; set; }

    [ConfigurationKeyName("accounts")]
    public List<string>? Accounts { get; set; }

    [ConfigurationKeyName("response_type")]
    public string? ResponseType { get; set; }

    public ExportOptions ToOptions(ConfigPath at)
    {
        var multiple = ResponseType?.ToLowerInvariant() switch
        {
            null or "single" or "singleton" => false,
            "stream" or "chunk" or "chunked" => true,
            var other => throw at.Child("response_type").Invalid($"unknown response type \"{other}\""),
        };
        var (kind, subject) = Stream is not null ? (ExportKind.Stream, Stream)
            : Service is not null ? (ExportKind.Service, Service)
            : throw at.Invalid("an export needs \"stream\" or \"service\"");
        return new ExportOptions { Kind = kind, Subject = subject, Accounts = at.Child("accounts").ListOf(Accounts), MultipleResponses = multiple };
    }
}
