using System.Text.Json;
using NATS.Client.Core;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Outbox;

/// <summary>
/// The outbox inside a running server, with nats-edge on every end: a full disk, monitoring, the
/// "ack": "none" drain to a hub without JetStream, and capture in a cluster.
/// </summary>
public sealed class OutboxServerTests : IDisposable
{
    private readonly OutboxFolder _folder = new();
    private readonly int _hubLeafPort = TestPorts.Free();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Full_disk_answers_publishers_with_errors_and_a_log_line_while_local_traffic_goes_on()
    {
        var disk = new FaultyFiles();
        await using var board = await StartBoardAsync(Board(deadHub: true), disk);
        await using var client = await TestClients.ConnectAsync(board);
        await using var local = await client.SubscribeCoreAsync<string>("devices.pi.>");
        await client.PingAsync();
        disk.Full = true;

        // Taken into memory, then the first write fails: from then on new records are refused.
        await client.PublishAsync("devices.pi.t", "held");
        await Poll.UntilAsync(() => board.Server.Outboxes[0]!.Log.Stats.WriteErrors > 0);
        var refused = await client.RequestAsync<string, string>("devices.pi.t", "refused");

        Assert.Equal("""{"error":{"code":503,"err_code":10077,"description":"outbox cannot write to its disk"}}""", refused.Data);
        var first = (await TestClients.NextAsync(local)).Data;
        var second = (await TestClients.NextAsync(local)).Data;
        Assert.Equal(("held", "refused"), (first, second));
        await board.WaitForLogAsync("[ERR]");

        disk.Full = false;
        await Poll.UntilAsync(() => board.Server.Outboxes[0]!.Log.StoredThrough == 1);
        var stored = await client.RequestAsync<string, string>("devices.pi.t", "after");
        Assert.Equal("""{"stream":"outbox","seq":2}""", stored.Data);
    }

    [Fact]
    public async Task Outboxz_varz_and_leafz_show_the_backlog_and_its_drain()
    {
        await using var board = await StartBoardAsync(Board(ack: OutboxAck.None) with { HttpPort = -1 });
        await using var client = await TestClients.ConnectAsync(board);
        for (var i = 0; i < 5; i++)
        {
            await client.PublishAsync("devices.pi.t", $"r{i}");
        }

        await client.PingAsync();
        var outboxz = await MonitorClient.WaitForAsync(board, "/outboxz", page => page.GetProperty("outboxes")[0].GetProperty("stored_seq").GetInt64() == 5);
        var outbox = outboxz.GetProperty("outboxes")[0];
        Assert.Equal((5L, 5L, false), (outbox.GetProperty("last_seq").GetInt64(), outbox.GetProperty("pending_msgs").GetInt64(), outbox.GetProperty("connected").GetBoolean()));
        Assert.Matches("^[A-Za-z0-9]{22}$", outbox.GetProperty("board_id").GetString());
        Assert.Equal(["devices.pi.>"], outbox.GetProperty("subjects").EnumerateArray().Select(subject => subject.GetString()));
        var varz = await MonitorClient.GetJsonAsync(board, "/varz");
        Assert.Equal(5, varz.GetProperty("outbox").GetProperty("pending_msgs").GetInt64());

        await using var returned = await EdgeServer.StartAsync(TestServers.Defaults with { Leafnodes = new LeafnodeOptions { Host = "127.0.0.1", Port = _hubLeafPort } });
        var leafz = await MonitorClient.WaitForAsync(board, "/leafz", page =>
            page.GetProperty("leafs") is { ValueKind: JsonValueKind.Array } leafs && leafs.GetArrayLength() == 1
            && leafs[0].GetProperty("outbox").GetProperty("acked_seq").GetInt64() == 5);
        var drained = leafz.GetProperty("leafs")[0].GetProperty("outbox");
        Assert.Equal((0L, 5L, true), (drained.GetProperty("pending_msgs").GetInt64(), drained.GetProperty("forwarded").GetInt64(), drained.GetProperty("connected").GetBoolean()));
    }

    [Fact]
    public async Task Ack_none_drains_a_backlog_to_a_hub_without_JetStream_in_order()
    {
        await using var board = await StartBoardAsync(Board(ack: OutboxAck.None));
        await using (var client = await TestClients.ConnectAsync(board))
        {
            for (var i = 0; i < 300; i++)
            {
                await client.PublishAsync("devices.pi.t", $"r{i}");
            }

            await client.PingAsync();
        }

        await Poll.UntilAsync(() => board.Server.Outboxes[0]!.Log.SyncedThrough == 300);
        await using var hub = await EdgeServer.StartAsync(TestServers.Defaults with { Leafnodes = new LeafnodeOptions { Host = "127.0.0.1", Port = _hubLeafPort } });
        await using var watcher = await TestClients.ConnectAsync(hub);
        await using var readings = await watcher.SubscribeCoreAsync<string>("devices.pi.>");
        await watcher.PingAsync();

        // The link may come up before the watcher subscribes: the hub then drops the first sends,
        // as a hub without JetStream would; what arrives after it comes in order and once.
        await Poll.UntilAsync(() => board.Server.Outboxes[0]!.Log.AckedThrough == 300);
        var seen = TestClients.Drain(readings);
        var first = seen.Count == 0 ? 300 : int.Parse(seen[0]![1..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(first, 300 - first).Select(i => $"r{i}"), seen);
    }

    [Fact]
    public async Task In_a_cluster_each_message_is_captured_once_by_the_server_it_was_published_on()
    {
        await using var a = await StartBoardAsync(Board(deadHub: true) with { Cluster = new ClusterOptions { Name = "pis", Host = "127.0.0.1", Port = 0 } });
        using var otherFolder = new OutboxFolder();
        await using var b = await StartBoardAsync(Board(deadHub: true, folder: otherFolder) with
        {
            Cluster = new ClusterOptions { Name = "pis", Host = "127.0.0.1", Port = 0, Routes = [new Uri($"nats-route://127.0.0.1:{a.ClusterPort}")] },
        });
        await Poll.UntilAsync(() => a.RouteCount == 1 && b.RouteCount == 1);
        await using var onB = await TestClients.ConnectAsync(b);
        for (var i = 0; i < 100; i++)
        {
            await onB.PublishAsync("devices.pi.t", $"r{i}");
        }

        await onB.PingAsync();
        await Poll.UntilAsync(() => b.Server.Outboxes[0]!.Log.StoredThrough == 100);
        Assert.Equal(0, a.Server.Outboxes[0]!.Log.Stats.LastSequence);
    }

    [Fact]
    public async Task A_server_without_an_outbox_has_its_messages_captured_by_a_cluster_peer_that_has_one()
    {
        await using var a = await StartBoardAsync(Board(deadHub: true) with { Cluster = new ClusterOptions { Name = "pis", Host = "127.0.0.1", Port = 0 } });
        await using var b = await EdgeServer.StartAsync(EdgeCluster.MemberOptions("pis", [new Uri($"nats-route://127.0.0.1:{a.ClusterPort}")]));
        await EdgeCluster.WaitForRouteInterestAsync(b, "devices.pi.t", 1);
        await using var onB = await TestClients.ConnectAsync(b);
        for (var i = 0; i < 100; i++)
        {
            await onB.PublishAsync("devices.pi.t", $"r{i}");
        }

        await onB.PingAsync();
        await Poll.UntilAsync(() => a.Server.Outboxes[0]!.Log.StoredThrough == 100, () => a.Log);
        using var reader = a.Server.Outboxes[0]!.Log.OpenReader(1);
        var order = new List<string>();
        while (reader.TryRead(out var record))
        {
            order.Add(System.Text.Encoding.UTF8.GetString(record.Payload));
        }

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"r{i}"), order);
    }

    private ServerOptions Board(OutboxAck ack = OutboxAck.Stream, bool deadHub = false, OutboxFolder? folder = null) => TestServers.Defaults with
    {
        Leafnodes = new LeafnodeOptions
        {
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
            Remotes =
            [
                new RemoteLeafOptions
                {
                    Urls = [new Uri($"nats-leaf://127.0.0.1:{(deadHub ? TestPorts.Free() : _hubLeafPort)}")],
                    Outbox = new OutboxOptions
                    {
                        Subjects = ["devices.pi.>"],
                        Log = (folder ?? _folder).Options(),
                        Ack = ack,
                    },
                },
            ],
        },
    };

    private static Task<EdgeServer> StartBoardAsync(ServerOptions options, Nats.Edge.Server.Outbox.IOutboxFiles? files = null) =>
        EdgeServer.StartAsync(options, captureLog: true, files);
}
