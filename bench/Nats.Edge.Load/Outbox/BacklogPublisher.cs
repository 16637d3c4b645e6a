using NATS.Client.Core;
using Nats.Edge.Load.NatsNet;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Outbox;

/// <summary>Fills a board's outbox while its uplink is down: core publishes, then a PING flush.</summary>
internal static class BacklogPublisher
{
    public static async Task RunAsync(NatsEndpoint board, string subject, long messages, int size, TimeSpan timeout)
    {
        await using NatsConnection connection = await NatsNetConnections.OpenAsync(board, "nats-edge-load backlog", timeout).ConfigureAwait(false);
        byte[] payload = new byte[size];
        for (long i = 0; i < messages; i++)
        {
            await connection.PublishAsync(subject, payload).ConfigureAwait(false);
        }

        await NatsNetConnections.PingAsync(connection, timeout).ConfigureAwait(false);
    }
}
