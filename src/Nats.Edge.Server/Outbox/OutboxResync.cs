using System.Globalization;
using System.Text.Json;
using Nats.Edge.Server.Embedded;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// After the uplink comes back, asks the hub's JetStream how far its stream got with this board's
/// records before anything is sent again: the stream that captures the outbox subjects
/// (<c>$JS.API.STREAM.NAMES</c>), then its last message on each subject
/// (<c>$JS.API.STREAM.MSG.GET</c> with <c>last_by_subj</c>), whose <c>Nats-Edge-Outbox</c> header
/// names the board and the record. The cursor moves up to that record, so what the stream holds is
/// never sent again, however long ago its duplicate window forgot it.
/// </summary>
internal sealed class OutboxResync
{
    private readonly OutboxOptions _options;
    private readonly string _inbox;
    private readonly byte[] _board;
    private readonly ServerLog _log;
    private readonly DeliveryBatch _batch = new(source: null);
    private readonly Lock _sync = new();
    private TaskCompletionSource<byte[]>? _answer;
    private string? _expected;
    private long _requests;

    public OutboxResync(OutboxOptions options, string inbox, string boardId, ServerLog log)
    {
        _options = options;
        _inbox = inbox;
        _board = Encoding.ASCII.GetBytes(boardId);
        _log = log;
    }

    /// <summary>Why the last catch-up failed; null once one succeeded.</summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// Moves <paramref name="outbox"/>'s cursor to the stream's last record of this board; retries every
    /// ack_wait until it learns that or the link closes (then it throws, and the next link tries again).
    /// </summary>
    public async Task CatchUpAsync(LeafConnection link, OutboxLog outbox)
    {
        while (true)
        {
            var error = await TryCatchUpAsync(link, outbox).ConfigureAwait(false);
            LastError = error;
            if (error is null)
            {
                return;
            }

            _log.Error($"Outbox: cannot learn what the hub's stream holds: {error}");
            await Task.Delay(_options.AckWait).ConfigureAwait(false);
            if (link.IsClosing)
            {
                throw new IOException("the uplink closed");
            }
        }
    }

    /// <summary>An answer on the board's inbox that is not a publish ack.</summary>
    public void OnAnswer(in InProcessMessage message)
    {
        lock (_sync)
        {
            if (_answer is not null && _expected is not null && message.Subject.SequenceEqual(Encoding.ASCII.GetBytes(_expected)))
            {
                _answer.TrySetResult(message.Payload.ToArray());
            }
        }
    }

    private async Task<string?> TryCatchUpAsync(LeafConnection link, OutboxLog outbox)
    {
        var names = await RequestAsync(link, "$JS.API.STREAM.NAMES", JsonObject("subject", _options.Subjects[0])).ConfigureAwait(false);
        if (names is null)
        {
            return "no answer from the hub's JetStream (is it enabled for this account?)";
        }

        var stream = FirstStream(names, out var refusal);
        if (stream is null)
        {
            return refusal ?? $"no stream on the hub captures \"{_options.Subjects[0]}\"";
        }

        var last = 0L;
        foreach (var subject in _options.Subjects)
        {
            var answer = await RequestAsync(link, $"$JS.API.STREAM.MSG.GET.{stream}", JsonObject("last_by_subj", subject)).ConfigureAwait(false);
            if (answer is null)
            {
                return $"no answer from stream {stream}";
            }

            last = Math.Max(last, LastRecordIn(answer));
        }

        if (last > outbox.AckedThrough)
        {
            _log.Info($"Outbox: stream {stream} on the hub already holds this board's messages up to {last}");
            outbox.Acknowledge(last);
        }

        return null;
    }

    private async Task<byte[]?> RequestAsync(LeafConnection link, string subject, byte[] payload)
    {
        var reply = $"{_inbox}.q.{Interlocked.Increment(ref _requests).ToString(CultureInfo.InvariantCulture)}";
        var answer = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            _answer = answer;
            _expected = reply;
        }

        var size = Encoding.ASCII.GetBytes(payload.Length.ToString(CultureInfo.InvariantCulture));
        var message = new InboundMessage(Encoding.ASCII.GetBytes(subject), Encoding.ASCII.GetBytes(reply), size, -1, new ReadOnlySequence<byte>(payload));
        link.WriteMessage(message, [], _batch);
        _batch.Flush();
        var done = await Task.WhenAny(answer.Task, Task.Delay(_options.AckWait)).ConfigureAwait(false);
        lock (_sync)
        {
            _answer = null;
            _expected = null;
        }

        return done == answer.Task ? answer.Task.Result : null;
    }

    private static byte[] JsonObject(string name, string value)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(name, value);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // {"streams":["SENSORS"],…} or {"error":{…}}.
    private static string? FirstStream(byte[] answer, out string? refusal)
    {
        refusal = null;
        using var json = JsonDocument.Parse(answer);
        if (json.RootElement.TryGetProperty("error", out var error))
        {
            refusal = error.TryGetProperty("description", out var description) ? description.GetString() : "JetStream refused the request";
            return null;
        }

        return json.RootElement.TryGetProperty("streams", out var streams) && streams.ValueKind == JsonValueKind.Array && streams.GetArrayLength() > 0
            ? streams[0].GetString()
            : null;
    }

    // {"message":{"hdrs":"<base64 header block>",…}}; "no message found" and other boards' records say 0.
    private long LastRecordIn(byte[] answer)
    {
        using var json = JsonDocument.Parse(answer);
        return json.RootElement.TryGetProperty("message", out var message)
            && message.TryGetProperty("hdrs", out var headers)
            && headers.TryGetBytesFromBase64(out var block)
            ? OutboxFrame.SequenceIn(block, _board)
            : 0;
    }
}
