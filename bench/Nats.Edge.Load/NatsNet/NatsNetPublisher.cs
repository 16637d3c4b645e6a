using System.Diagnostics;
using NATS.Client.Core;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.NatsNet;

/// <summary>One NATS.Net connection publishing its share of messages in a tight loop.</summary>
internal sealed class NatsNetPublisher : IAsyncDisposable
{
    private readonly NatsConnection _connection;

    private NatsNetPublisher(NatsConnection connection) => _connection = connection;

    public static async Task<NatsNetPublisher> OpenAsync(NatsEndpoint endpoint, int size, TimeSpan timeout)
    {
        NatsConnection connection = await NatsNetConnections.OpenAsync(endpoint, "nats-edge-load natsnet pub", timeout).ConfigureAwait(false);
        var publisher = new NatsNetPublisher(connection);
        try
        {
            NatsNetConnections.CheckPayloadSize(connection, size);
            return publisher;
        }
        catch
        {
            await publisher.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Publishes, flushes with a PING, and returns the Stopwatch timestamp of its PONG.</summary>
    public async Task<long> PublishAsync(string subject, byte[] payload, long messages, TimeSpan timeout)
    {
        // NATS.Net's PublishAsync completes once the message is in the connection's write buffer; a
        // background loop sends that buffer in large writes. Awaiting each call therefore waits only
        // when the buffer is full, which is the back-pressure a fast publisher needs, never for a
        // network round trip.
        for (long i = 0; i < messages; i++)
        {
            await _connection.PublishAsync(subject, payload, serializer: NatsRawSerializer<byte[]>.Default).ConfigureAwait(false);
        }

        await NatsNetConnections.PingAsync(_connection, timeout).ConfigureAwait(false);
        return Stopwatch.GetTimestamp();
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
