namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The <see cref="ServerInfo"/> fields of an INFO as a link's reader meets them: it offers each field
/// to <see cref="Read"/> beside its own names, then hands what was found to its record's constructor.
/// A field the INFO leaves out keeps its default.
/// </summary>
internal struct ServerInfoFields
{
    public string? ServerId;
    public string? ServerName;
    public string? Version;
    public int Proto;
    public string? Go;
    public string? Host;
    public int Port;
    public bool Headers;

    /// <summary>Reads the field <paramref name="fields"/> is on if it is one of these.</summary>
    public void Read(ref WireJsonFields fields)
    {
        fields.Read("server_id"u8, ref ServerId);
        fields.Read("server_name"u8, ref ServerName);
        fields.Read("version"u8, ref Version);
        fields.Read("proto"u8, ref Proto);
        fields.Read("go"u8, ref Go);
        fields.Read("host"u8, ref Host);
        fields.Read("port"u8, ref Port);
        fields.Read("headers"u8, ref Headers);
    }
}
