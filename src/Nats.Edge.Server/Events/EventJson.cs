using System.Text.Encodings.Web;
using System.Text.Json;
using Nats.Edge.Server.Monitoring;

namespace Nats.Edge.Server.Events;

/// <summary>
/// Writes the parts the system account's messages share, field by field in nats-server's names and
/// order. Written by hand rather than as classes for the serializer: these few objects would
/// otherwise each add a generated type to a binary with little room left.
/// </summary>
internal static class EventJson
{
    /// <summary>nats-server marshals compactly; '>' and '$' in subjects stay as they are, as in the monitoring answers.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The <c>server</c> object that opens every message: who sent it, its place in this server's
    /// sequence of system messages and when.
    /// </summary>
    public static void WriteServer(Utf8JsonWriter writer, NatsServer server, ulong sequence)
    {
        writer.WriteStartObject("server");
        WriteServerBody(writer, server, sequence);
        writer.WriteEndObject();
    }

    /// <summary>The fields of the <c>server</c> object, which SHUTDOWN and LAMEDUCK send as their whole payload.</summary>
    public static void WriteServerBody(Utf8JsonWriter writer, NatsServer server, ulong sequence)
    {
        WriteIdentity(writer, server);
        writer.WriteString("ver", ServerVersion.Info);
        writer.WriteNumber("seq", sequence);
        writer.WriteBoolean("jetstream", false);
        writer.WriteString("time", GoFormat.Timestamp(DateTime.UtcNow));
    }

    /// <summary>name, host, id and cluster (when there is one): who the server is.</summary>
    public static void WriteIdentity(Utf8JsonWriter writer, NatsServer server)
    {
        writer.WriteString("name", server.ServerName);
        writer.WriteString("host", server.Options.Host);
        writer.WriteString("id", server.ServerId);

        // A gateway's name stands for the cluster, as nats-server reports it when both are set.
        if ((server.Gateways?.Name ?? server.Cluster?.Name) is { } cluster)
        {
            writer.WriteString("cluster", cluster);
        }
    }

    /// <summary>A <c>{"msgs":n,"bytes":n}</c> pair, as nats-server's sent and received counts.</summary>
    public static void WriteDataStats(Utf8JsonWriter writer, string name, long messages, long bytes)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("msgs", messages);
        writer.WriteNumber("bytes", bytes);
        writer.WriteEndObject();
    }

    /// <summary>The <c>type</c>, <c>id</c> and <c>timestamp</c> of an advisory.</summary>
    public static void WriteTypedEvent(Utf8JsonWriter writer, string type, string id, DateTime time)
    {
        writer.WriteString("type", type);
        writer.WriteString("id", id);
        writer.WriteString("timestamp", GoFormat.Timestamp(time));
    }
}
