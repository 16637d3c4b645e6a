using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The fields every INFO a server sends begins with, in nats-server's order: a hub's to a leaf,
/// a route's, a gateway's. What follows differs by link, in order and in when a field is left out
/// (a hub always sends <c>auth_required</c>, a route only when set), so each link's record declares it.
/// </summary>
/// <remarks>
/// The serializer writes a derived record's properties before its base record's; the negative orders
/// put these first, ahead of the derived fields, which keep the default order 0 and their own sequence.
/// </remarks>
internal abstract record ServerInfo
{
    protected ServerInfo()
    {
    }

    /// <summary>For a link's reader: these fields as it found them in the INFO.</summary>
    protected ServerInfo(ServerInfoFields shared)
    {
        ServerId = shared.ServerId;
        ServerName = shared.ServerName;
        Version = shared.Version;
        Proto = shared.Proto;
        Go = shared.Go;
        Host = shared.Host;
        Port = shared.Port;
        Headers = shared.Headers;
    }

    [JsonPropertyName("server_id"), JsonPropertyOrder(-8)]
    public string? ServerId { get; init; }

    // nats-server never leaves out server_name and host: they go out even when a gossiped peer did not send them.
    [JsonPropertyName("server_name"), JsonPropertyOrder(-7), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ServerName { get; init; }

    [JsonPropertyName("version"), JsonPropertyOrder(-6)]
    public string? Version { get; init; }

    [JsonPropertyName("proto"), JsonPropertyOrder(-5)]
    public int Proto { get; init; }

    [JsonPropertyName("go"), JsonPropertyOrder(-4)]
    public string? Go { get; init; }

    [JsonPropertyName("host"), JsonPropertyOrder(-3), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Host { get; init; }

    [JsonPropertyName("port"), JsonPropertyOrder(-2)]
    public int Port { get; init; }

    [JsonPropertyName("headers"), JsonPropertyOrder(-1)]
    public bool Headers { get; init; }
}
