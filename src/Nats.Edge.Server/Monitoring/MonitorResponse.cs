namespace Nats.Edge.Server.Monitoring;

/// <summary>What one monitoring request is answered with.</summary>
internal readonly record struct MonitorResponse(int Status, string ContentType, byte[] Body)
{
    public static MonitorResponse Json(byte[] body) => new(200, "application/json", body);

    /// <summary>Plain text, as nats-server sends its 400s and 404s.</summary>
    public static MonitorResponse Text(int status, string text) => new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));
}
