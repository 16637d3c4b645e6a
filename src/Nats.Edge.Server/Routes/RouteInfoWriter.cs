using System.Buffers;
using System.Text.Json;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Server.Routes;

/// <summary>The INFO and CONNECT a route sends, as nats-server 2.9 writes them.</summary>
internal static class RouteInfoWriter
{
    // Route protocol level 2: RS+/RMSG carry the account (what nats-server 2.9 speaks).
    private const int RouteProtocol = 2;

    /// <summary>This server's route INFO; <paramref name="nonce"/> only in the first one an accepted route gets.</summary>
    public static byte[] Write(NatsServer server, string? nonce) => Info(json =>
    {
        var cluster = server.Cluster!;
        json.WriteString("server_id"u8, server.ServerId);
        json.WriteString("server_name"u8, server.ServerName);
        json.WriteString("version"u8, ServerVersion.Info);
        json.WriteNumber("proto"u8, RouteProtocol);
        json.WriteString("go"u8, InfoWriter.Runtime);
        json.WriteString("host"u8, cluster.Options.Host);
        json.WriteNumber("port"u8, server.Cluster!.EndPoint!.Port);
        json.WriteBoolean("headers"u8, true);
        json.WriteNumber("max_payload"u8, server.Options.MaxPayload);
        if (nonce is not null)
        {
            json.WriteString("nonce"u8, nonce);
        }

        if (cluster.RequiresAuthentication)
        {
            json.WriteBoolean("auth_required"u8, true);
        }

        json.WriteString("cluster"u8, cluster.Name);
        if (cluster.NameIsDynamic)
        {
            json.WriteBoolean("cluster_dynamic"u8, true);
        }

        WriteUrls(json, server.Cluster!.OwnClientUrls);
    });

    /// <summary>
    /// A newly routed server's INFO passed on to the other routes, with <c>ip</c> saying where to dial
    /// it, so they open their own route to it and the mesh stays full.
    /// </summary>
    public static byte[] WriteGossip(RouteInfo peer, string ip) => Info(json =>
    {
        json.WriteString("server_id"u8, peer.ServerId);
        json.WriteString("server_name"u8, peer.ServerName);
        json.WriteNumber("proto"u8, RouteProtocol);
        json.WriteString("host"u8, peer.Host);
        json.WriteNumber("port"u8, peer.Port);
        json.WriteBoolean("headers"u8, peer.Headers);
        json.WriteString("cluster"u8, peer.Cluster);
        WriteUrls(json, peer.ConnectUrls);
        json.WriteString("ip"u8, ip);
    });

    /// <summary>The CONNECT a dialling server sends first.</summary>
    public static byte[] WriteConnect(NatsServer server, string? user, string? password)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write("CONNECT "u8);
        using (var json = new Utf8JsonWriter(buffer, InfoWriter.WriterOptions))
        {
            var cluster = server.Cluster!;
            json.WriteStartObject();
            json.WriteBoolean("echo"u8, true);
            json.WriteBoolean("verbose"u8, false);
            json.WriteBoolean("pedantic"u8, false);
            if (user is not null)
            {
                json.WriteString("user"u8, user);
                json.WriteString("pass"u8, password ?? string.Empty);
            }

            json.WriteBoolean("tls_required"u8, false);
            json.WriteBoolean("headers"u8, true);
            json.WriteString("name"u8, server.ServerId);
            json.WriteString("cluster"u8, cluster.Name);
            if (cluster.NameIsDynamic)
            {
                json.WriteBoolean("cluster_dynamic"u8, true);
            }

            json.WriteEndObject();
        }

        buffer.Write("\r\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Info(Action<Utf8JsonWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write("INFO "u8);
        using (var json = new Utf8JsonWriter(buffer, InfoWriter.WriterOptions))
        {
            json.WriteStartObject();
            fields(json);
            json.WriteEndObject();
        }

        buffer.Write(" \r\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteUrls(Utf8JsonWriter json, IReadOnlyList<string> urls)
    {
        if (urls.Count == 0)
        {
            return;
        }

        json.WriteStartArray("connect_urls"u8);
        foreach (var url in urls)
        {
            json.WriteStringValue(url);
        }

        json.WriteEndArray();
    }
}
