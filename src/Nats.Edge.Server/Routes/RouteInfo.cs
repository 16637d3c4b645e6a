using System.Text.Json;

namespace Nats.Edge.Server.Routes;

/// <summary>What this server needs from a route peer's INFO or CONNECT.</summary>
internal sealed class RouteInfo
{
    public string? ServerId { get; private set; }

    public string? ServerName { get; private set; }

    public string? Cluster { get; private set; }

    public bool ClusterDynamic { get; private set; }

    public string? Host { get; private set; }

    public int Port { get; private set; }

    public bool Headers { get; private set; }

    /// <summary>Where a gossiped server can be dialled: <c>nats-route://host:port/</c>.</summary>
    public string? Ip { get; private set; }

    public List<string> ConnectUrls { get; } = [];

    public string? User { get; private set; }

    public string? Password { get; private set; }

    /// <summary>A client (or leaf) that dialled the route port says what language it is.</summary>
    public string? Lang { get; private set; }

    /// <summary>A gateway that dialled the route port names its gateway.</summary>
    public string? Gateway { get; private set; }

    /// <summary>Null when the JSON is not an object.</summary>
    public static RouteInfo? Parse(ReadOnlySpan<byte> json)
    {
        var info = new RouteInfo();
        return Protocol.JsonFields.TryRead(json, info.Read) ? info : null;
    }

    private void Read(JsonProperty property)
    {
        var value = property.Value;
        switch (property.Name)
        {
            case "server_id":
                ServerId = Text(value);
                break;
            case "server_name":
                ServerName = Text(value);
                break;
            case "cluster":
                Cluster = Text(value);
                break;
            case "cluster_dynamic":
                ClusterDynamic = value.ValueKind == JsonValueKind.True;
                break;
            case "host":
                Host = Text(value);
                break;
            case "port":
                Port = value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
                break;
            case "headers":
                Headers = value.ValueKind == JsonValueKind.True;
                break;
            case "ip":
                Ip = Text(value);
                break;
            case "connect_urls" when value.ValueKind == JsonValueKind.Array:
                foreach (var url in value.EnumerateArray())
                {
                    if (Text(url) is { Length: > 0 } text)
                    {
                        ConnectUrls.Add(text);
                    }
                }

                break;
            case "user":
                User = Text(value);
                break;
            case "pass":
                Password = Text(value);
                break;
            case "lang":
                Lang = Text(value);
                break;
            case "gateway":
                Gateway = Text(value);
                break;
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
