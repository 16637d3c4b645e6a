using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>One of <c>gateway.gateways</c>: <c>{ name, url, urls, tls }</c>, a remote cluster to dial.</summary>
internal sealed class RemoteGatewaySection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Name), KeyShape.Text, "name")
        // Not spellings of one key: both lists are dialled.
        .Add(nameof(Url), KeyShape.Strings, "url")
        .Add(nameof(Urls), KeyShape.Strings, "urls")
        .Add(nameof(Tls), KeyShape.Block, RemoteTlsSection.Keys, "tls");

    public string? Name { get; set; }

    public List<string>? Url { get; set; }

    public List<string>? Urls { get; set; }

    public RemoteTlsSection? Tls { get; set; }

    /// <param name="at">This entry of the list, for errors.</param>
    /// <param name="index">Its place in the list, which nats-server's error counts from 0.</param>
    /// <param name="folder">Where relative certificate paths start.</param>
    public RemoteGatewayOptions ToOptions(ConfigPath at, int index, string folder)
    {
        // nats-server's words (server/gateway.go, validateGatewayOptions).
        if (string.IsNullOrEmpty(Name))
        {
            throw at.Invalid($"gateway in the list {index} has no name");
        }

        var urls = new List<Uri>();
        AddUrls(urls, Url, at.Child(nameof(Url)));
        AddUrls(urls, Urls, at.Child(nameof(Urls)));
        return new RemoteGatewayOptions
        {
            Name = Name,
            Urls = urls.Count > 0 ? urls : throw at.Invalid($"gateway \"{Name}\" has no URL"),
            // An empty block still asks for TLS toward that cluster, as a remote leaf's does.
            Tls = Tls?.ToOptions(folder) ?? (at.Child(nameof(Tls)).IsWritten ? new RemoteTlsOptions() : null),
        };
    }

    private static void AddUrls(List<Uri> urls, List<string>? texts, ConfigPath at)
    {
        for (var i = 0; i < texts?.Count; i++)
        {
            if (!ServerUrls.TryParseGateway(texts[i], out var url))
            {
                throw at.Item(i).Invalid($"\"{texts[i]}\" is not a nats://host:port URL");
            }

            // nats-server warns of a repeated URL and dials it once.
            if (!urls.Contains(url))
            {
                urls.Add(url);
            }
        }
    }
}
