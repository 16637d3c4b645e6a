using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// A bare TCP client for pinning protocol bytes. Text is Latin-1 both ways, so one char is one byte
/// and sizes in the expectations are byte counts. Every read has a deadline; failures show the bytes
/// escaped (<c>\r\n</c>) so a missing space or CR is visible.
/// </summary>
public sealed class RawClient : IAsyncDisposable
{
    /// <summary>What real clients send: no +OK noise, no pedantic checks.</summary>
    public const string QuietConnect = "{\"verbose\":false,\"pedantic\":false}";

    private static readonly Encoding Wire = Encoding.Latin1;

    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private string? _closedBy;

    private RawClient(Socket socket) => _socket = socket;

    private enum Read
    {
        Data,
        Closed,
        TimedOut,
    }

    private int Buffered => _end - _start;

    /// <summary>Opens the TCP connection and reads nothing: the INFO is still waiting.</summary>
    public static async Task<RawClient> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(TestTimeouts.Reply);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
            return new RawClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Connects, reads INFO, sends <c>CONNECT</c> with <paramref name="connectJson"/> and waits for the
    /// PONG that proves the server accepted it: the usual start of a test about something else.
    /// </summary>
    public static async Task<RawClient> OpenSessionAsync(int port, string connectJson = QuietConnect)
    {
        var client = await ConnectAsync(port);
        try
        {
            await client.ReadInfoAsync();
            await client.SendAsync($"CONNECT {connectJson}\r\nPING\r\n");
            await client.ExpectAsync("PONG\r\n");
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends <paramref name="text"/> as Latin-1 bytes.</summary>
    public Task SendAsync(string text) => SendBytesAsync(Wire.GetBytes(text));

    /// <summary>Sends raw bytes in one write.</summary>
    public async Task SendBytesAsync(ReadOnlyMemory<byte> bytes)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Reply);
        await _socket.SendAsync(bytes, SocketFlags.None, timeout.Token);
    }

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

            await FillOrFailAsync(deadline, Escape(terminator));
        }
    }

    /// <summary>Asserts the next bytes are exactly <paramref name="expected"/>, and consumes them.</summary>
    public async Task ExpectAsync(string expected, TimeSpan? timeout = null)
    {
        var deadline = Deadline(timeout);
        while (Buffered < expected.Length)
        {
            await FillOrFailAsync(deadline, $"\"{Escape(expected)}\"");

            // Fail as soon as what arrived cannot be the start of the expected bytes.
            var prefix = Math.Min(Buffered, expected.Length);
            if (!expected.AsSpan(0, prefix).SequenceEqual(Peek(prefix)))
            {
                break;
            }
        }

        var actual = Take(Math.Min(Buffered, expected.Length));
        Assert.Equal(Escape(expected), Escape(actual));
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

        Assert.True(outcome == Read.Closed, $"Timed out waiting for the connection to close; received \"{Escape(Peek())}\".");
        Assert.True(Buffered == 0, $"Expected the connection to close with nothing more, but got \"{Escape(Peek())}\" first.");
    }

    /// <summary>
    /// Asserts nothing arrives for <paramref name="milliseconds"/> and the connection stays open. Only for
    /// the rare check no PING can bound (another connection's traffic); prefer <see cref="PingPongAsync"/>.
    /// </summary>
    public async Task AssertNothingAsync(int milliseconds)
    {
        Assert.True(Buffered == 0, $"Expected nothing, but \"{Escape(Peek())}\" was already waiting.");
        var outcome = await ReceiveAsync(Deadline(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.True(outcome != Read.Closed, $"Expected nothing, but the connection was closed ({_closedBy}).");
        Assert.True(outcome == Read.TimedOut, $"Expected nothing, but got \"{Escape(Peek())}\".");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Shows control bytes the way the spec writes them, so diffs in failures are readable.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\r' => escaped.Append("\\r"),
                '\n' => escaped.Append("\\n"),
                '\t' => escaped.Append("\\t"),
                < ' ' or > '~' => escaped.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static DateTime Deadline(TimeSpan? timeout) => DateTime.UtcNow + (timeout ?? TestTimeouts.Reply);

    private async Task FillOrFailAsync(DateTime deadline, string waitingFor)
    {
        switch (await ReceiveAsync(deadline))
        {
            case Read.Closed:
                Assert.Fail($"Waiting for {waitingFor}, the connection was closed ({_closedBy}) after \"{Escape(Peek())}\".");
                break;
            case Read.TimedOut:
                Assert.Fail($"Timed out waiting for {waitingFor}; received \"{Escape(Peek())}\".");
                break;
        }
    }

    private async Task<Read> ReceiveAsync(DateTime deadline)
    {
        if (_closedBy is not null)
        {
            return Read.Closed;
        }

        var remaining = deadline - DateTime.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            return Read.TimedOut;
        }

        MakeRoom();
        using var timeout = new CancellationTokenSource(remaining);
        try
        {
            var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                _closedBy = "EOF";
                return Read.Closed;
            }

            _end += read;
            return Read.Data;
        }
        catch (OperationCanceledException)
        {
            return Read.TimedOut;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            _closedBy = "reset";
            return Read.Closed;
        }
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, Buffered);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }

    private string Peek(int count = -1) => Wire.GetString(_buffer, _start, count < 0 ? Buffered : count);

    private string Take(int count)
    {
        var text = Wire.GetString(_buffer, _start, count);
        _start += count;
        return text;
    }
}
