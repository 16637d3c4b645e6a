namespace Nats.Edge.Server.Gateways;

/// <summary>The <c>host:port</c> entries of an INFO's <c>gateway_urls</c>, as URLs to dial.</summary>
internal static class GatewayUrls
{
    public static List<Uri> Parse(IReadOnlyList<string>? hostPorts)
    {
        var urls = new List<Uri>(hostPorts?.Count ?? 0);
        foreach (var hostPort in hostPorts ?? [])
        {
            if (Uri.TryCreate($"nats://{hostPort}", UriKind.Absolute, out var url))
            {
                urls.Add(url);
            }
        }

        return urls;
    }
}
