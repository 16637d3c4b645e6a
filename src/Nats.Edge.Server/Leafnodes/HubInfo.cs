using System.Text.Json;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>What a leaf needs from the hub's INFO messages: the first, before CONNECT, and the one answering it.</summary>
internal sealed class HubInfo
{
    public ulong ClientId { get; private set; }

    public string? ServerName { get; private set; }

    public string? Nonce { get; private set; }

    public bool TlsRequired { get; private set; }

    public bool Headers { get; private set; }

    public bool InfoOnConnect { get; private set; }

    public bool ConnectInfo { get; private set; }

    public int MaxPayload { get; private set; }

    /// <summary>What the hub lets this leaf publish (its user's publish permissions), if it limits it.</summary>
    public SubjectListPair? Export { get; private set; }

    /// <summary>What the hub lets this leaf receive (its user's subscribe permissions), if it limits it.</summary>
    public SubjectListPair? Import { get; private set; }

    /// <summary>Null when INFO had no <c>leafnode_urls</c>: then it is not a leafnode port.</summary>
    public List<string>? LeafnodeUrls { get; private set; }

    /// <summary>Null when the JSON is not an object.</summary>
    public static HubInfo? Parse(ReadOnlySpan<byte> json)
    {
        var info = new HubInfo();
        return Protocol.JsonFields.TryRead(json, info.Read) ? info : null;
    }

    private void Read(JsonProperty property)
    {
        var value = property.Value;
        switch (property.Name)
        {
            case "client_id" when value.ValueKind == JsonValueKind.Number:
                ClientId = value.GetUInt64();
                break;
            case "server_name":
                ServerName = value.GetString();
                break;
            case "nonce":
                Nonce = value.GetString();
                break;
            case "tls_required":
                TlsRequired = value.ValueKind == JsonValueKind.True;
                break;
            case "headers":
                Headers = value.ValueKind == JsonValueKind.True;
                break;
            case "info_on_connect":
                InfoOnConnect = value.ValueKind == JsonValueKind.True;
                break;
            case "connect_info":
                ConnectInfo = value.ValueKind == JsonValueKind.True;
                break;
            case "max_payload" when value.ValueKind == JsonValueKind.Number:
                MaxPayload = value.GetInt32();
                break;
            case "export" when value.ValueKind == JsonValueKind.Object:
                Export = Lists(value);
                break;
            case "import" when value.ValueKind == JsonValueKind.Object:
                Import = Lists(value);
                break;
            case "leafnode_urls" when value.ValueKind == JsonValueKind.Array:
                LeafnodeUrls = [];
                foreach (var url in value.EnumerateArray())
                {
                    LeafnodeUrls.Add(url.GetString() ?? string.Empty);
                }

                break;
        }
    }

    private static SubjectListPair Lists(JsonElement permission)
    {
        List<string>? allow = null;
        var deny = new List<string>();
        if (permission.TryGetProperty("allow", out var allowed) && allowed.ValueKind == JsonValueKind.Array)
        {
            allow = [];
            foreach (var subject in allowed.EnumerateArray())
            {
                allow.Add(subject.GetString() ?? string.Empty);
            }
        }

        if (permission.TryGetProperty("deny", out var denied) && denied.ValueKind == JsonValueKind.Array)
        {
            foreach (var subject in denied.EnumerateArray())
            {
                deny.Add(subject.GetString() ?? string.Empty);
            }
        }

        return new SubjectListPair(allow, deny);
    }
}
