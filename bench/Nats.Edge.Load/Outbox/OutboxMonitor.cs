using System.Diagnostics;
using System.Text.Json;

namespace Nats.Edge.Load.Outbox;

/// <summary>Reads a board's <c>/outboxz</c> monitoring page (the server started with an <c>http</c> port).</summary>
internal sealed class OutboxMonitor(int port) : IDisposable
{
    // 5 ms between looks: fine enough to time the uplink coming up, light on a 2-core machine.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Uri _page = new($"http://127.0.0.1:{port}/outboxz");

    public OutboxState Read()
    {
        string text = _http.GetStringAsync(_page).GetAwaiter().GetResult();
        using var document = JsonDocument.Parse(text);
        JsonElement outboxes = document.RootElement.GetProperty("outboxes");
        if (outboxes.GetArrayLength() == 0)
        {
            throw new IOException($"{_page} lists no outbox");
        }

        JsonElement outbox = outboxes[0];
        return new OutboxState(
            outbox.GetProperty("connected").GetBoolean(),
            outbox.GetProperty("last_seq").GetInt64(),
            outbox.GetProperty("stored_seq").GetInt64(),
            outbox.GetProperty("acked_seq").GetInt64(),
            outbox.GetProperty("bytes_written").GetInt64(),
            outbox.GetProperty("discarded_old").GetInt64(),
            outbox.GetProperty("refused_busy").GetInt64(),
            outbox.GetProperty("refused_new").GetInt64() + outbox.GetProperty("refused_busy").GetInt64() + outbox.GetProperty("refused_failing").GetInt64());
    }

    /// <summary>
    /// Looks until <paramref name="done"/> holds and returns that state with the moment it was seen
    /// (a Stopwatch timestamp); throws <see cref="TimeoutException"/> naming <paramref name="what"/>.
    /// </summary>
    public (OutboxState State, long SeenAt) Await(Func<OutboxState, bool> done, string what, TimeSpan timeout, CancellationToken cancel = default)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        OutboxState state = Read();
        while (!done(state))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"outbox: {what} not reached within {timeout.TotalSeconds:0} s, last seen {state}");
            }

            cancel.ThrowIfCancellationRequested();
            Thread.Sleep(PollInterval);
            state = Read();
        }

        return (state, Stopwatch.GetTimestamp());
    }

    public void Dispose() => _http.Dispose();
}
