using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Outbox;

/// <summary>
/// A board (nats-edge as its own process, so it can be killed) with an outbox toward a hub, Debian's
/// nats-server with JetStream and a SENSORS stream on <c>devices.&gt;</c>, as the README sets it up.
/// Both can be killed (SIGKILL) and restarted on the same ports and the same stores.
/// </summary>
internal sealed class OutboxRig : IAsyncDisposable
{
    public const string Stream = "SENSORS";

    private readonly TempConfigFolder _folder = new();
    private readonly int _hubPort = TestPorts.Free();
    private readonly int _hubLeafPort = TestPorts.Free();
    private readonly int _boardPort = TestPorts.Free();
    private readonly string _outbox;
    private readonly bool _jetStream;
    private readonly string _boardExtra;

    private OutboxRig(string outbox, bool jetStream, string boardExtra)
    {
        _outbox = outbox;
        _jetStream = jetStream;
        _boardExtra = boardExtra;
    }

    public ReferenceServer? Hub { get; private set; }

    public EdgeProcess? Board { get; private set; }

    public string OutboxDir => Path.Combine(_folder.FullName, "outbox");

    /// <summary>
    /// Starts the hub (with the stream, its duplicate window <paramref name="duplicateWindow"/>) and the
    /// board, whose remote gets <paramref name="outbox"/> as the inside of its outbox block beside
    /// the subjects and the directory, and <paramref name="boardExtra"/> as more top-level keys of the
    /// board's config; waits for the link.
    /// </summary>
    public static async Task<OutboxRig> StartAsync(string outbox = "", TimeSpan? duplicateWindow = null, bool jetStream = true, string boardExtra = "")
    {
        var rig = new OutboxRig(outbox, jetStream, boardExtra);
        try
        {
            await rig.StartHubAsync();
            if (jetStream)
            {
                await using var hub = await rig.ConnectHubAsync();
                var js = new NatsJSContext(hub);
                await js.CreateStreamAsync(new StreamConfig(Stream, ["devices.>"])
                {
                    Storage = StreamConfigStorage.File,
                    DuplicateWindow = duplicateWindow ?? TimeSpan.FromMinutes(2),
                });
            }

            await rig.StartBoardAsync();
            await rig.WaitForLinkAsync();
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    public Task StartHubAsync() => StartHubAsync(_jetStream);

    private async Task StartHubAsync(bool jetStream)
    {
        var store = Path.Combine(_folder.FullName, "hub-store").Replace("\\", "/", StringComparison.Ordinal);
        var js = jetStream ? $"\"jetstream\": {{ \"store_dir\": \"{store}\" }}," : string.Empty;
        Hub = await ReferenceServer.StartWithConfigTextAsync($$"""
            { "host": "127.0.0.1", "port": {{_hubPort}}, {{js}}
              "leafnodes": { "host": "127.0.0.1", "port": {{_hubLeafPort}} } }
            """);
    }

    /// <summary>Kills the hub with SIGKILL; its stream's files stay for the restart.</summary>
    public async Task KillHubAsync()
    {
        if (Hub is { } hub)
        {
            Hub = null;
            await hub.DisposeAsync();
        }
    }

    public async Task StartBoardAsync()
    {
        var config = _folder.Write("board.json", $$"""
            { "host": "127.0.0.1", "port": {{_boardPort}}, "server_name": "pi-kitchen", {{(_boardExtra.Length > 0 ? _boardExtra + "," : string.Empty)}}
              "leafnodes": { "reconnect": "100ms", "remotes": [ {
                "url": "nats-leaf://127.0.0.1:{{_hubLeafPort}}",
                "outbox": { "subjects": ["devices.pi-kitchen.>"], "dir": "outbox"{{(_outbox.Length > 0 ? ", " + _outbox : string.Empty)}} } } ] } }
            """);
        Board = await EdgeProcess.StartReadyAsync("-c", config);
    }

    /// <summary>Kills the board with SIGKILL: what it wrote is in the page cache, nothing else is flushed.</summary>
    public async Task KillBoardAsync()
    {
        if (Board is { } board)
        {
            Board = null;
            await board.DisposeAsync();
        }
    }

    public Task WaitForLinkAsync() => Board!.WaitForLogAsync("Leafnode connection created (uplink)");

    public Task<NatsConnection> ConnectHubAsync() => TestClients.ConnectAsync(Hub!);

    public Task<NatsConnection> ConnectBoardAsync() => TestClients.ConnectAsync(Board!);

    /// <summary>The stream's message count, polled until it is <paramref name="expected"/>; the deadline is generous for a backlog.</summary>
    public async Task<StreamState> WaitForStreamAsync(long expected, TimeSpan within)
    {
        await using var hub = await ConnectHubAsync();
        var js = new NatsJSContext(hub);
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var state = (await js.GetStreamAsync(Stream)).Info.State;
            if (state.Messages >= expected || DateTime.UtcNow > deadline)
            {
                return state;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Every payload in the stream, in stream order.</summary>
    public async Task<List<string>> ReadStreamAsync(long count)
    {
        await using var hub = await ConnectHubAsync();
        var js = new NatsJSContext(hub);
        var consumer = await js.CreateOrderedConsumerAsync(Stream);
        var payloads = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var message in consumer.ConsumeAsync<string>(cancellationToken: timeout.Token))
        {
            payloads.Add(message.Data!);
            if (payloads.Count == count)
            {
                break;
            }
        }

        return payloads;
    }

    /// <summary>The payloads the stream holds on <paramref name="subject"/>, in order, read until <paramref name="last"/> or 30 s.</summary>
    public async Task<List<string>> ReadSubjectUntilAsync(string subject, string last)
    {
        await using var hub = await ConnectHubAsync();
        var js = new NatsJSContext(hub);
        // Filtered here: nats-server 2.9 takes no filter list, which is what the ordered consumer sends.
        var consumer = await js.CreateOrderedConsumerAsync(Stream);
        var payloads = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await foreach (var message in consumer.ConsumeAsync<string>(cancellationToken: timeout.Token))
            {
                if (message.Subject != subject)
                {
                    continue;
                }

                payloads.Add(message.Data!);
                if (message.Data == last)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // What arrived so far is the answer; the test says what is missing.
        }

        return payloads;
    }

    public async ValueTask DisposeAsync()
    {
        await KillBoardAsync();
        await KillHubAsync();
        _folder.Dispose();
    }
}
