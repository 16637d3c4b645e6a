using System.Text;
using System.Text.Json;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>The INFO a client gets on connect, field by field as nats-server writes it.</summary>
public class InfoWriterTests
{
    private static readonly ClientInfo Info = new(
        ServerId: "NDXSERVER", ServerName: "edge-1", Version: "0.1.0+abc", Host: "0.0.0.0", Port: 4222,
        Headers: true, AuthRequired: false, TlsRequired: false, TlsVerify: false, MaxPayload: 1048576, ClientId: 4, ClientIp: "127.0.0.1", Nonce: null);

    [Fact]
    public void Line_is_INFO_blank_json_blank_CR_LF()
    {
        var line = Encoding.UTF8.GetString(InfoWriter.Write(Info));
        Assert.StartsWith("INFO {", line, StringComparison.Ordinal);
        Assert.EndsWith("} \r\n", line, StringComparison.Ordinal);
        Assert.Equal(1, line.Count(c => c == '\n'));
    }

    [Fact]
    public void Fields_come_in_nats_server_order() =>
        Assert.Equal(
            ["server_id", "server_name", "version", "proto", "go", "host", "port", "headers", "max_payload", "client_id", "client_ip"],
            FieldNames(Info));

    [Fact]
    public void Fields_carry_the_client_info()
    {
        using var json = Json(Info);
        var root = json.RootElement;
        Assert.Equal("NDXSERVER", root.GetProperty("server_id").GetString());
        Assert.Equal("edge-1", root.GetProperty("server_name").GetString());
        Assert.Equal("0.1.0+abc", root.GetProperty("version").GetString());
        Assert.Equal(1, root.GetProperty("proto").GetInt32());
        Assert.Equal(JsonValueKind.String, root.GetProperty("go").ValueKind);
        Assert.Equal("0.0.0.0", root.GetProperty("host").GetString());
        Assert.Equal(4222, root.GetProperty("port").GetInt32());
        Assert.True(root.GetProperty("headers").GetBoolean());
        Assert.Equal(1048576, root.GetProperty("max_payload").GetInt32());
        Assert.Equal(4UL, root.GetProperty("client_id").GetUInt64());
        Assert.Equal("127.0.0.1", root.GetProperty("client_ip").GetString());
    }

    [Fact]
    public void Headers_false_is_sent_not_omitted()
    {
        using var json = Json(Info with { Headers = false });
        Assert.False(json.RootElement.GetProperty("headers").GetBoolean());
    }

    [Fact]
    public void Auth_required_is_omitted_when_false() => Assert.DoesNotContain("auth_required", FieldNames(Info));

    [Fact]
    public void Auth_required_follows_headers_when_true()
    {
        var names = FieldNames(Info with { AuthRequired = true });
        Assert.Equal(names.IndexOf("headers") + 1, names.IndexOf("auth_required"));
        using var json = Json(Info with { AuthRequired = true });
        Assert.True(json.RootElement.GetProperty("auth_required").GetBoolean());
    }

    [Fact]
    public void Plus_in_the_version_is_written_as_is() =>
        Assert.Contains("\"version\":\"0.1.0+abc\"", Encoding.UTF8.GetString(InfoWriter.Write(Info)), StringComparison.Ordinal);

    private static JsonDocument Json(ClientInfo info)
    {
        var line = InfoWriter.Write(info);
        return JsonDocument.Parse(line.AsMemory(5, line.Length - 5 - 3));
    }

    private static List<string> FieldNames(ClientInfo info)
    {
        using var json = Json(info);
        return [.. json.RootElement.EnumerateObject().Select(property => property.Name)];
    }
}
