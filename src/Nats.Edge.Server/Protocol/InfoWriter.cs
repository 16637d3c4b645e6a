using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// Builds the INFO line a client gets on connect, in nats-server's field order and with its trailing
/// blank before CR LF. Once per connection, so it may allocate.
/// </summary>
internal static class InfoWriter
{
    /// <summary>What INFO's "go" field names: the runtime the server runs on.</summary>
    public static readonly string Runtime = RuntimeInformation.FrameworkDescription;

    // Keeps '+' in the version readable; the default encoder would write it as \u002B.
    /// <summary>Every INFO's JSON options.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(in ClientInfo info)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write("INFO "u8);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("server_id"u8, info.ServerId);
            json.WriteString("server_name"u8, info.ServerName);
            json.WriteString("version"u8, info.Version);
            json.WriteNumber("proto"u8, 1);
            json.WriteString("go"u8, Runtime);
            json.WriteString("host"u8, info.Host);
            json.WriteNumber("port"u8, info.Port);
            json.WriteBoolean("headers"u8, info.Headers);
            if (info.AuthRequired)
            {
                json.WriteBoolean("auth_required"u8, true);
            }

            if (info.TlsRequired)
            {
                json.WriteBoolean("tls_required"u8, true);
            }

            if (info.TlsVerify)
            {
                json.WriteBoolean("tls_verify"u8, true);
            }

            json.WriteNumber("max_payload"u8, info.MaxPayload);
            json.WriteNumber("client_id"u8, info.ClientId);
            json.WriteString("client_ip"u8, info.ClientIp);
            if (info.Nonce is { } nonce)
            {
                json.WriteString("nonce"u8, nonce);
            }

            if (info.ConnectUrls is { Count: > 0 } urls)
            {
                json.WriteStartArray("connect_urls"u8);
                foreach (var url in urls)
                {
                    json.WriteStringValue(url);
                }

                json.WriteEndArray();
            }

            if (info.LameDuck)
            {
                json.WriteBoolean("ldm"u8, true);
            }

            json.WriteEndObject();
        }

        buffer.Write(" \r\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
