using System.Text.Json;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>The fields of a leaf's CONNECT that the hub acts on.</summary>
internal sealed class LeafConnect
{
    public string? User { get; private set; }

    public string? Password { get; private set; }

    public string? Token { get; private set; }

    public string? Nkey { get; private set; }

    public string? Jwt { get; private set; }

    public string? Signature { get; private set; }

    public string? Name { get; private set; }

    public string? Cluster { get; private set; }

    public string? Lang { get; private set; }

    public string? Gateway { get; private set; }

    public bool Headers { get; private set; }

    public bool IsHub { get; private set; }

    /// <summary>The leaf's <c>deny_imports</c>: subjects it does not want sent.</summary>
    public List<string> DenyPublish { get; } = [];

    /// <summary>Null when the JSON is not an object with fields of the right types.</summary>
    public static LeafConnect? Parse(ReadOnlySpan<byte> json)
    {
        var connect = new LeafConnect();
        return Protocol.JsonFields.TryRead(json, connect.Read) ? connect : null;
    }

    private void Read(JsonProperty property)
    {
        var value = property.Value;
        switch (property.Name)
        {
            case "user":
                User = value.GetString();
                break;
            case "pass":
                Password = value.GetString();
                break;
            case "auth_token":
                Token = value.GetString();
                break;
            case "nkey":
                Nkey = value.GetString();
                break;
            case "jwt":
                Jwt = value.GetString();
                break;
            case "sig":
                Signature = value.GetString();
                break;
            case "name":
                Name = value.GetString();
                break;
            case "cluster":
                Cluster = value.GetString();
                break;
            case "lang":
                Lang = value.GetString();
                break;
            case "gateway":
                Gateway = value.GetString();
                break;
            case "headers":
                Headers = value.GetBoolean();
                break;
            case "is_hub":
                IsHub = value.GetBoolean();
                break;
            case "deny_pub" when value.ValueKind == JsonValueKind.Array:
                foreach (var subject in value.EnumerateArray())
                {
                    DenyPublish.Add(subject.GetString() ?? string.Empty);
                }

                break;
        }
    }
}
