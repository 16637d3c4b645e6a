using System.Text.Json;
using System.Threading.Channels;
using Nats.Edge.Server.Embedded;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Events;

/// <summary>
/// The server's voice in its system account, as nats-server has one: it answers the
/// <c>$SYS.REQ…</c> requests and publishes the <c>$SYS.SERVER…</c> and <c>$SYS.ACCOUNT…</c> events.
/// Its subscriptions are ordinary ones of the system account, so a leafnode link bound to that
/// account carries requests and answers across; no other account's messages pass through here.
/// </summary>
/// <remarks>
/// Everything it sends is built and published on one loop, in order, as nats-server's send queue
/// does: a request is copied off the publisher's thread at once, so a large CONNZ is never built
/// inside someone else's delivery, and the sequence numbers in the <c>server</c> blocks rise in the
/// order the messages leave.
/// </remarks>
internal sealed partial class SystemEvents
{
    private readonly NatsServer _server;
    private readonly InProcessClient _client;
    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<InProcessSubscription> _subscriptions = [];

    // Used by the loop alone.
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private ulong _sequence;

    private Task _loop = Task.CompletedTask;
    private Task _heartbeat = Task.CompletedTask;
    private int _stopped;

    public SystemEvents(NatsServer server)
    {
        _server = server;
        _client = new InProcessClient(server, server.Options.SystemAccount);
    }

    private ServerLog Log => _server.Log;

    /// <summary>Subscribes to the requests and starts the loop and the STATSZ heartbeat, which ends with <paramref name="stopping"/>.</summary>
    public void Start(CancellationToken stopping)
    {
        SubscribeRequests();
        _loop = Task.Run(RunAsync, CancellationToken.None);
        _heartbeat = Task.Run(() => HeartbeatAsync(stopping), CancellationToken.None);
    }

    /// <summary>
    /// Sends <c>$SYS.SERVER.&lt;id&gt;.SHUTDOWN</c> after whatever is queued, then stops: nothing is
    /// sent afterwards, as nats-server closes its send queue with that message.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        Post(() => Send($"$SYS.SERVER.{_server.ServerId}.SHUTDOWN", writer => EventJson.WriteServerBody(writer, _server, ++_sequence)));
        _work.Writer.TryComplete();
        await _heartbeat.ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
    }

    // Work posted after the stop is dropped, as nats-server drops events once its queue is gone.
    private void Post(Action work) => _work.Writer.TryWrite(work);

    private async Task RunAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                work();
            }
#pragma warning disable CA1031 // One failed answer or event must not end the loop that sends all the others.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.Error($"System account: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    /// <summary>Writes one JSON object with <paramref name="body"/> and publishes it on <paramref name="subject"/> in the system account.</summary>
    private void Send(string subject, Action<Utf8JsonWriter> body)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, EventJson.Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        _client.Publish(Encoding.UTF8.GetBytes(subject), default, _buffer.WrittenSpan);
    }

    /// <summary>A message that opens with the <c>server</c> block and the next sequence number.</summary>
    private void SendFromServer(string subject, Action<Utf8JsonWriter> body) => Send(subject, writer =>
    {
        EventJson.WriteServer(writer, _server, ++_sequence);
        body(writer);
    });
}
