using System.Globalization;
using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Configuration;

/// <summary>
/// A <c>listen</c> key, as nats-server takes it: <c>host:port</c>, <c>:port</c> or a port alone. A
/// block's own <c>host</c> and <c>port</c> keys win over its parts, as <c>http_port</c> wins over
/// the port of <c>http</c>: so a flag or a variable that sets either overrides a file's <c>listen</c>.
/// </summary>
internal static class ListenAddress
{
    /// <summary>The host and port <paramref name="listen"/> names, each null where it names none.</summary>
    public static (string? Host, int? Port) Split(ConfigPath at, string? listen)
    {
        if (listen is null)
        {
            return (null, null);
        }

        if (int.TryParse(listen, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bare))
        {
            return (null, bare);
        }

        var colon = listen.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(listen.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port))
        {
            throw at.Invalid($"\"{listen}\" is not host:port");
        }

        var host = listen[..colon].Trim('[', ']');
        return (host.Length == 0 ? null : host, port);
    }
}
