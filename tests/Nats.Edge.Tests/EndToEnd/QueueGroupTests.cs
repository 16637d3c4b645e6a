using Nats.Edge.Tests.Infrastructure;
using NATS.Client.Core;

namespace Nats.Edge.Tests.EndToEnd;

/// <summary>Work sharing between queue subscribers through the NATS.Net client.</summary>
public sealed class QueueGroupTests
{
    private const int Members = 3;
    private const int Messages = 60;

    [ServerTheory]
    public async Task Each_message_goes_to_exactly_one_member_of_the_group(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        var connections = new List<NatsConnection>();
        var subs = new List<INatsSub<int>>();
        try
        {
            for (var i = 0; i < Members; i++)
            {
                var member = await TestClients.ConnectAsync(server);
                connections.Add(member);
                subs.Add(await member.SubscribeCoreAsync<int>("jobs", queueGroup: "workers"));
                await member.PingAsync();
            }

            await using var publisher = await TestClients.ConnectAsync(server);
            for (var i = 0; i < Messages; i++)
            {
                await publisher.PublishAsync("jobs", i);
            }

            await publisher.PingAsync();

            // Routed messages are queued to members before the publisher's PONG; each member's own
            // PING then returns only after its share has been read.
            var received = new List<int>();
            for (var i = 0; i < Members; i++)
            {
                await connections[i].PingAsync();
                received.AddRange(TestClients.Drain(subs[i]));
            }

            received.Sort();
            Assert.Equal(Enumerable.Range(0, Messages), received);
        }
        finally
        {
            foreach (var sub in subs)
            {
                await sub.DisposeAsync();
            }

            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
