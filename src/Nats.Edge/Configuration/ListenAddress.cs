using System.Globalization;
using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Configuration;

/// <summary>A <c>listen</c> key, as nats-server takes it: <c>host:port</c>, <c>:port</c> or a port alone.</summary>
internal static class ListenAddress
{
    public static (string Host, int Port) Split(ConfigPath at, string listen, string defaultHost)
    {
        if (int.TryParse(listen, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bare))
        {
            return (defaultHost, bare);
        }

        var colon = listen.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(listen.AsSpan(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port))
        {
            throw at.Invalid($"\"{listen}\" is not host:port");
        }

        var host = listen[..colon].Trim('[', ']');
        return (host.Length == 0 ? defaultHost : host, port);
    }
}
