using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// A bare TCP client for pinning protocol bytes. Text is Latin-1 both ways, so one char is one byte
/// and sizes in the expectations are byte counts. Every read has a deadline; failures show the bytes
/// escaped (<c>\r\n</c>) so a missing space or CR is visible.
/// </summary>
public sealed partial class RawClient : IAsyncDisposable
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
    /// Takes the next connection a server dials to <paramref name="listener"/> (a route it solicits),
    /// so the test plays the dialled peer; fails when none comes within the startup timeout.
    /// </summary>
    public static async Task<RawClient> AcceptAsync(TcpListener listener)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Startup);
        try
        {
            var socket = await listener.AcceptSocketAsync(timeout.Token);
            socket.NoDelay = true;
            return new RawClient(socket);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Nothing dialled {listener.LocalEndpoint} within {TestTimeouts.Startup}.");
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

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
