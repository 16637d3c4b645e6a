using System.Globalization;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Outbox;

/// <summary>
/// A board's outbox against Debian's nats-server with JetStream as its hub: what the board publishes
/// while the uplink is down reaches the hub's stream afterwards, every message exactly once, in order.
/// </summary>
public sealed class StoreAndForwardTests
{
    private static readonly TimeSpan Backlog = TimeSpan.FromSeconds(60);

    [ReferenceFact]
    public async Task Hub_killed_while_the_board_publishes_gets_every_message_exactly_once_in_order()
    {
        await using var rig = await OutboxRig.StartAsync();
        await using (var board = await rig.ConnectBoardAsync())
        {
            await PublishAsync(board, 0, 100);
            Assert.Equal(100, (await rig.WaitForStreamAsync(100, Backlog)).Messages);

            await rig.KillHubAsync();
            await PublishAsync(board, 100, 20_000);
        }

        await rig.StartHubAsync();
        var state = await rig.WaitForStreamAsync(20_100, Backlog);

        Assert.Equal(20_100, state.Messages);
        AssertInOrder(await rig.ReadStreamAsync(20_100), 20_100);
        await rig.Board!.WaitForLogAsync("sending a backlog of 20000 messages to the hub");
        await rig.Board.WaitForLogAsync("backlog sent, the hub has every message");
    }

    [ReferenceFact]
    public async Task Records_carry_the_board_and_sequence_and_keep_a_publisher_s_own_message_id()
    {
        await using var rig = await OutboxRig.StartAsync();
        await using (var board = await rig.ConnectBoardAsync())
        {
            await board.PublishAsync("devices.pi-kitchen.door", "open", headers: new NatsHeaders { ["Nats-Msg-Id"] = "door-7", ["Room"] = "hall" });
            await board.PublishAsync("devices.pi-kitchen.door", "closed");
            await board.PingAsync();
        }

        await rig.WaitForStreamAsync(2, Backlog);
        var boardId = await File.ReadAllTextAsync(Path.Combine(rig.OutboxDir, "identity"));
        await using var hub = await rig.ConnectHubAsync();
        var consumer = await new NatsJSContext(hub).CreateOrderedConsumerAsync(OutboxRig.Stream);
        var headers = new List<NatsHeaders>();
        await foreach (var message in consumer.ConsumeAsync<string>())
        {
            headers.Add(message.Headers!);
            if (headers.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(("door-7", $"{boardId.Trim()}-1", "hall"), (headers[0]["Nats-Msg-Id"].ToString(), headers[0]["Nats-Edge-Outbox"].ToString(), headers[0]["Room"].ToString()));
        Assert.Equal($"{boardId.Trim()}-2", headers[1]["Nats-Msg-Id"].ToString());
        Assert.False(headers[1].ContainsKey("Nats-Edge-Outbox"));
    }

    [ReferenceFact]
    public async Task Board_killed_during_the_outage_loses_nothing_acked_and_duplicates_nothing()
    {
        await using var rig = await OutboxRig.StartAsync();
        await rig.KillHubAsync();
        await using (var board = await rig.ConnectBoardAsync())
        {
            var js = new NatsJSContext(board);
            for (var i = 0; i < 2_000; i++)
            {
                var ack = await js.PublishAsync("devices.pi-kitchen.temperature", Payload(i));
                ack.EnsureSuccess();
            }
        }

        await rig.KillBoardAsync();
        await rig.StartBoardAsync();
        await using (var board = await rig.ConnectBoardAsync())
        {
            await PublishAsync(board, 2_000, 3_000);
        }

        await rig.StartHubAsync();
        var state = await rig.WaitForStreamAsync(5_000, Backlog);

        Assert.Equal(5_000, state.Messages);
        AssertInOrder(await rig.ReadStreamAsync(5_000), 5_000);
    }

    [ReferenceFact]
    public async Task Outage_longer_than_the_duplicate_window_still_duplicates_nothing()
    {
        // The cursor reaches the disk with the next sync, 3 s after the acks here, so a board killed
        // as soon as the stream has everything restarts believing nothing was sent; only asking the
        // stream keeps it from sending all again.
        await using var rig = await OutboxRig.StartAsync("\"sync\": \"3s\"", duplicateWindow: TimeSpan.FromMilliseconds(500));
        await using (var board = await rig.ConnectBoardAsync())
        {
            await PublishAsync(board, 0, 1_000);
        }

        Assert.Equal(1_000, (await rig.WaitForStreamAsync(1_000, Backlog)).Messages);
        await rig.KillBoardAsync();
        await Task.Delay(TimeSpan.FromSeconds(1)); // Past the duplicate window: the stream has forgotten the ids.

        await rig.StartBoardAsync();
        await rig.WaitForLinkAsync();
        await rig.Board!.WaitForLogAsync("already holds this board's messages up to 1000");
        await using (var board = await rig.ConnectBoardAsync())
        {
            await PublishAsync(board, 1_000, 10);
        }

        var state = await rig.WaitForStreamAsync(1_010, Backlog);
        Assert.Equal(1_010, state.Messages);
        AssertInOrder(await rig.ReadStreamAsync(1_010), 1_010);
    }

    [ReferenceFact]
    public async Task JetStream_publish_on_the_board_is_acknowledged_by_the_outbox()
    {
        await using var rig = await OutboxRig.StartAsync();
        await rig.KillHubAsync();
        await using var board = await rig.ConnectBoardAsync();
        var js = new NatsJSContext(board);

        var first = await js.PublishAsync("devices.pi-kitchen.humidity", "41.5");
        var second = await js.PublishAsync("devices.pi-kitchen.humidity", "41.6");

        first.EnsureSuccess();
        Assert.Equal(("outbox", 1UL, 2UL), (first.Stream, first.Seq, second.Seq));
    }

    [ReferenceFact]
    public async Task Discard_new_refuses_past_max_msgs_with_an_error_ack_and_local_subscribers_still_get_it()
    {
        await using var rig = await OutboxRig.StartAsync("\"max_msgs\": 3, \"discard\": \"new\"");
        await rig.KillHubAsync();
        await using var board = await rig.ConnectBoardAsync();
        await using var local = await board.SubscribeCoreAsync<string>("devices.pi-kitchen.>");
        await board.PingAsync();
        var js = new NatsJSContext(board);

        for (var i = 0; i < 3; i++)
        {
            (await js.PublishAsync("devices.pi-kitchen.t", Payload(i))).EnsureSuccess();
        }

        var refused = await js.PublishAsync("devices.pi-kitchen.t", Payload(3));

        Assert.Equal("outbox limits exceeded", refused.Error?.Description);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(Payload(i), (await TestClients.NextAsync(local)).Data);
        }
    }

    [ReferenceFact]
    public async Task Captured_subjects_reach_a_hub_subscriber_once_not_also_the_ordinary_way()
    {
        await using var rig = await OutboxRig.StartAsync();
        await using var hub = await rig.ConnectHubAsync();
        await using var watcher = await hub.SubscribeCoreAsync<string>("devices.pi-kitchen.>");
        await hub.PingAsync();
        await using (var board = await rig.ConnectBoardAsync())
        {
            await PublishAsync(board, 0, 50);
        }

        await rig.WaitForStreamAsync(50, Backlog);
        await hub.PingAsync();
        var seen = new List<string?>();
        for (var i = 0; i < 50; i++)
        {
            seen.Add((await TestClients.NextAsync(watcher)).Data);
        }

        await Task.Delay(200);
        Assert.Equal(Enumerable.Range(0, 50).Select(Payload), seen);
        Assert.Empty(TestClients.Drain(watcher));
    }

    [ReferenceFact]
    public async Task Ack_none_forwards_as_plain_publishes_after_an_outage()
    {
        // The hub's stream only witnesses here: with "ack": "none" the board never asks it for an ack.
        await using var rig = await OutboxRig.StartAsync("\"ack\": \"none\"");
        await rig.KillHubAsync();
        await using (var board = await rig.ConnectBoardAsync())
        {
            await PublishAsync(board, 0, 500);
        }

        await rig.StartHubAsync();
        var state = await rig.WaitForStreamAsync(500, Backlog);

        Assert.Equal(500, state.Messages);
        AssertInOrder(await rig.ReadStreamAsync(500), 500);
    }

    [ReferenceFact]
    public async Task Sensor_readings_from_the_device_bridge_reach_the_hub_stream_after_an_outage()
    {
        await using var rig = await OutboxRig.StartAsync(boardExtra: """
            "devices": { "board": { "name": "pi-kitchen", "model": "simulated" },
                         "sensors": [ { "type": "bme280", "address": "0x76", "interval": "100ms" } ] }
            """);
        const string Subject = "devices.pi-kitchen.bme280.temperature";
        await using var board = await rig.ConnectBoardAsync();
        await using var readings = await board.SubscribeCoreAsync<string>(Subject);
        await TestClients.NextAsync(readings);

        await rig.KillHubAsync();
        TestClients.Drain(readings);
        var duringOutage = new List<string>();
        while (duringOutage.Count < 10)
        {
            duringOutage.Add((await TestClients.NextAsync(readings)).Data!);
        }

        await rig.StartHubAsync();
        var stored = await rig.ReadSubjectUntilAsync(Subject, duringOutage[^1]);

        var start = stored.IndexOf(duringOutage[0]);
        Assert.True(start >= 0, $"the first reading of the outage is not in the stream:\n{string.Join('\n', stored)}");
        Assert.Equal(duringOutage, stored.Skip(start).Take(duringOutage.Count));
        Assert.Single(stored, reading => reading == duringOutage[0]);
    }

    private static string Payload(int i) => "m-" + i.ToString("D6", CultureInfo.InvariantCulture);

    private static async Task PublishAsync(NatsConnection board, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            await board.PublishAsync("devices.pi-kitchen.temperature", Payload(i));
        }

        await board.PingAsync();
    }

    private static void AssertInOrder(List<string> payloads, int count)
    {
        Assert.Equal(count, payloads.Count);
        for (var i = 0; i < count; i++)
        {
            if (payloads[i] != Payload(i))
            {
                Assert.Fail($"stream message {i + 1} is {payloads[i]}, expected {Payload(i)}");
            }
        }
    }
}
