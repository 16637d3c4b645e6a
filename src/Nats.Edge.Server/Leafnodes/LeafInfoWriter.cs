using System.Buffers;
using System.Text.Json;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// The INFO a hub sends a leaf, as nats-server writes it: always <c>auth_required</c>,
/// a non-zero <c>client_id</c> and <c>leafnode_urls</c>, without which a Go leaf takes the port for
/// a client port; the second INFO, after CONNECT, adds <c>connect_info</c> and <c>remote_account</c>.
/// </summary>
internal static class LeafInfoWriter
{
    public static byte[] Write(
        NatsServer server, ulong clientId, string? nonce, bool tlsRequired, string? remoteAccount, Configuration.PermissionOptions? permissions = null)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write("INFO "u8);
        using (var json = new Utf8JsonWriter(buffer, InfoWriter.WriterOptions))
        {
            var host = server.LeafEndPoint?.Address.ToString() ?? server.Options.Leafnodes?.Host ?? "0.0.0.0";
            var port = server.LeafEndPoint?.Port ?? 0;
            json.WriteStartObject();
            json.WriteString("server_id"u8, server.ServerId);
            json.WriteString("server_name"u8, server.ServerName);
            json.WriteString("version"u8, ServerVersion.Info);
            json.WriteNumber("proto"u8, 1);
            json.WriteString("go"u8, InfoWriter.Runtime);
            json.WriteString("host"u8, host);
            json.WriteNumber("port"u8, port);
            json.WriteBoolean("headers"u8, true);
            json.WriteBoolean("auth_required"u8, true);
            if (tlsRequired)
            {
                json.WriteBoolean("tls_required"u8, true);
            }

            json.WriteNumber("max_payload"u8, server.Options.MaxPayload);
            json.WriteString("ip"u8, $"{host}:{port}");
            json.WriteNumber("client_id"u8, clientId);
            if (nonce is not null)
            {
                json.WriteString("nonce"u8, nonce);
            }

            json.WriteBoolean("info_on_connect"u8, true);
            if (remoteAccount is not null)
            {
                json.WriteBoolean("connect_info"u8, true);
            }

            json.WriteStartArray("leafnode_urls"u8);
            foreach (var url in server.LeafnodeUrls)
            {
                json.WriteStringValue(url);
            }

            json.WriteEndArray();
            if (remoteAccount is not null)
            {
                json.WriteString("remote_account"u8, remoteAccount);
            }

            WriteLists(json, "import"u8, permissions?.Subscribe);
            WriteLists(json, "export"u8, permissions?.Publish);

            json.WriteEndObject();
        }

        buffer.Write(" \r\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteLists(Utf8JsonWriter json, ReadOnlySpan<byte> name, Configuration.SubjectPermissionOptions? lists)
    {
        if (lists is null)
        {
            return;
        }

        json.WriteStartObject(name);
        if (lists.Allow is { } allow)
        {
            json.WriteStartArray("allow"u8);
            foreach (var subject in allow)
            {
                json.WriteStringValue(subject);
            }

            json.WriteEndArray();
        }

        if (lists.Deny is { Count: > 0 } deny)
        {
            json.WriteStartArray("deny"u8);
            foreach (var subject in deny)
            {
                json.WriteStringValue(subject);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
