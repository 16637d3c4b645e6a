using System.Text.Json.Nodes;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Reads and assertions over what the server sent.</summary>
public sealed partial class RawClient
{
    /// <summary>Reads one line, returned with its line end so tests can pin the exact terminator.</summary>
    public async Task<string> ReadLineAsync(TimeSpan? timeout = null)
    {
        var deadline = Deadline(timeout);
        var scanned = 0;
        while (true)
        {
            var lf = Array.IndexOf(_buffer, (byte)'\n', _start + scanned, Buffered - scanned);
            if (lf >= 0)
            {
                return Take(lf - _start + 1);
            }

            scanned = Buffered;
            await FillOrFailAsync(deadline, "a line");
        }
    }

    /// <summary>Reads everything up to and including the first <paramref name="terminator"/>.</summary>
    public async Task<string> ReadUntilAsync(string terminator, TimeSpan? timeout = null)
    {
        var deadline = Deadline(timeout);
        var pattern = Wire.GetBytes(terminator);
        while (true)
        {
            var at = _buffer.AsSpan(_start, Buffered).IndexOf(pattern);
            if (at >= 0)
            {
                return Take(at + pattern.Length);
            }

            await FillOrFailAsync(deadline, WireText.Escape(terminator));
        }
    }

    /// <summary>Asserts the next bytes are exactly <paramref name="expected"/>, and consumes them.</summary>
    public async Task ExpectAsync(string expected, TimeSpan? timeout = null)
    {
        var deadline = Deadline(timeout);
        while (Buffered < expected.Length)
        {
            await FillOrFailAsync(deadline, $"\"{WireText.Escape(expected)}\"");

            // Fail as soon as what arrived cannot be the start of the expected bytes.
            var prefix = Math.Min(Buffered, expected.Length);
            if (!expected.AsSpan(0, prefix).SequenceEqual(Peek(prefix)))
            {
                break;
            }
        }

        var actual = Take(Math.Min(Buffered, expected.Length));
        Assert.Equal(WireText.Escape(expected), WireText.Escape(actual));
    }

    /// <summary>Reads the INFO line and returns its JSON.</summary>
    public async Task<JsonObject> ReadInfoAsync()
    {
        var line = await ReadLineAsync();
        Assert.StartsWith("INFO ", line, StringComparison.Ordinal);
        var json = JsonNode.Parse(line.AsSpan(5).Trim().ToString());
        return Assert.IsType<JsonObject>(json);
    }

    /// <summary>
    /// PING and wait for the PONG. The server handles a connection's ops in order, so this proves
    /// everything sent before was processed and every reply to it arrived before the PONG.
    /// </summary>
    public async Task PingPongAsync()
    {
        await SendAsync("PING\r\n");
        await ExpectAsync("PONG\r\n");
    }

    /// <summary>Asserts the server closes the connection (EOF or reset) without sending anything more.</summary>
    public async Task AssertClosedAsync(TimeSpan? timeout = null)
    {
        var deadline = Deadline(timeout ?? TestTimeouts.Close);
        Read outcome;
        while ((outcome = await ReceiveAsync(deadline)) == Read.Data)
        {
        }

        Assert.True(outcome == Read.Closed, $"Timed out waiting for the connection to close; received \"{WireText.Escape(Peek())}\".");
        Assert.True(Buffered == 0, $"Expected the connection to close with nothing more, but got \"{WireText.Escape(Peek())}\" first.");
    }

    /// <summary>
    /// Everything the server sends until it closes the connection. The server's own PINGs (its first
    /// comes about 2 s after CONNECT) may be among it: the caller says what else may be.
    /// </summary>
    public async Task<string> ReadUntilClosedAsync(TimeSpan? timeout = null)
    {
        var deadline = Deadline(timeout ?? TestTimeouts.Close);
        Read outcome;
        while ((outcome = await ReceiveAsync(deadline)) == Read.Data)
        {
        }

        Assert.True(outcome == Read.Closed, $"Timed out waiting for the connection to close; received \"{WireText.Escape(Peek())}\".");
        return Take(Buffered);
    }

    /// <summary>The next line that is not a server PING, for reads that can take longer than the first PING's 2 s.</summary>
    public async Task<string> ReadLineSkippingPingsAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var line = await ReadLineAsync(timeout);
            if (line != "PING\r\n")
            {
                return line;
            }
        }
    }

    /// <summary>
    /// Asserts nothing arrives for <paramref name="milliseconds"/> and the connection stays open. Only for
    /// the rare check no PING can bound (another connection's traffic); prefer <see cref="PingPongAsync"/>.
    /// </summary>
    public async Task AssertNothingAsync(int milliseconds)
    {
        Assert.True(Buffered == 0, $"Expected nothing, but \"{WireText.Escape(Peek())}\" was already waiting.");
        var outcome = await ReceiveAsync(Deadline(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.True(outcome != Read.Closed, $"Expected nothing, but the connection was closed ({_closedBy}).");
        Assert.True(outcome == Read.TimedOut, $"Expected nothing, but got \"{WireText.Escape(Peek())}\".");
    }

    /// <summary>
    /// Sends <paramref name="ops"/> and a PING, and returns what came back before the PONG; when the
    /// server closes instead, what came back and then "[closed]". Table tests compare this transcript.
    /// </summary>
    public async Task<string> ExchangeAsync(string ops)
    {
        await SendAsync(ops + "PING\r\n");
        var deadline = Deadline(null);
        var pong = Wire.GetBytes("PONG\r\n");
        while (true)
        {
            var at = _buffer.AsSpan(_start, Buffered).IndexOf(pong);
            if (at >= 0)
            {
                var before = Take(at);
                Take(pong.Length);
                return before;
            }

            switch (await ReceiveAsync(deadline))
            {
                case Read.Closed:
                    return Take(Buffered) + "[closed]";
                case Read.TimedOut:
                    Assert.Fail($"Timed out waiting for PONG; received \"{WireText.Escape(Peek())}\".");
                    break;
            }
        }
    }
}
