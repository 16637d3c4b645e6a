using System.Globalization;
using System.Net;
using System.Text.Json;
using Nats.Edge.Server;

namespace Nats.Edge.Hosting;

/// <summary>
/// <c>&lt;dir&gt;/&lt;program&gt;_&lt;pid&gt;.ports</c>: the URLs the server really listens on, for tools that start
/// it on port -1 and need to find it, in the JSON shape nats-server writes. Deleted on shutdown.
/// </summary>
internal sealed class PortsFile : IDisposable
{
    private PortsFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>Writes the file for a started <paramref name="server"/>.</summary>
    public static PortsFile Write(string folder, NatsServer server)
    {
        var path = System.IO.Path.Combine(folder, $"{ProgramName()}_{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.ports");

        // Written aside and renamed, so a tool polling for the file never reads half of it.
        var partial = path + ".tmp";
        using (var stream = File.Create(partial))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            WriteUrls(json, "nats", "nats", server.Options.Host, server.ClientEndPoint);
            if (server.MonitoringEndPoint is { } monitoring)
            {
                WriteUrls(json, "monitoring", "http", server.Options.HttpHost ?? server.Options.Host, monitoring);
            }
            if (server.WebSocketEndPoint is { } webSocket)
            {
                WriteUrls(json, "websocket", server.WebSocketScheme!, server.Options.Websocket!.Host, webSocket);
            }

            if (server.LeafEndPoint is { } leaf)
            {
                WriteUrls(json, "leafnode", "nats-leaf", server.Options.Leafnodes!.Host, leaf);
            }

            json.WriteEndObject();
        }

        File.Move(partial, path, overwrite: true);
        return new PortsFile(path);
    }

    public void Dispose() => File.Delete(Path);

    // nats-server names the file after the name it was started by, so harnesses written for it (the
    // NATS clients' own test suites) find a binary installed or linked as "nats-server" by looking
    // for nats-server_<pid>.ports. The native binary's first argument is that name as the shell gave
    // it, a link's own name included; run through "dotnet" it is this assembly's file.
    private static string ProgramName()
    {
        var name = System.IO.Path.GetFileName(Environment.GetCommandLineArgs()[0]);
        return name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
    }

    private static void WriteUrls(Utf8JsonWriter json, string name, string scheme, string host, IPEndPoint bound)
    {
        json.WriteStartArray(name);
        foreach (var address in NatsServer.AdvertisedAddresses(host, bound.Port))
        {
            json.WriteStringValue($"{scheme}://{address}");
        }

        json.WriteEndArray();
    }
}
