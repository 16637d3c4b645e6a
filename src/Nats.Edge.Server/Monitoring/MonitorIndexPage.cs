using System.Net;

namespace Nats.Edge.Server.Monitoring;

/// <summary>The HTML page at the monitoring root: a link to each endpoint.</summary>
internal static class MonitorIndexPage
{
    private static readonly (string Path, string Title)[] Links =
    [
        ("/varz", "General"),
        ("/connz", "Connections"),
        ("/accountz", "Accounts"),
        ("/subsz", "Subscriptions"),
        ("/routez", "Routes"),
        ("/leafz", "Leaf nodes"),
        ("/outboxz", "Outboxes"),
        ("/gatewayz", "Gateways"),
        ("/healthz", "Health"),
    ];

    /// <summary>
    /// Links carry the base path in full: a relative <c>./varz</c> would resolve against the parent
    /// of a base path like <c>/nats</c>, which is served without a trailing slash.
    /// </summary>
    public static byte[] Render(string basePath)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>nats-edge monitoring</title></head>\n<body>\n");
        html.Append("<h1>nats-edge ").Append(WebUtility.HtmlEncode(ServerVersion.Product)).Append("</h1>\n<ul>\n");
        foreach (var (path, title) in Links)
        {
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(basePath + path)).Append("\">").Append(title).Append("</a></li>\n");
        }

        html.Append("</ul>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
