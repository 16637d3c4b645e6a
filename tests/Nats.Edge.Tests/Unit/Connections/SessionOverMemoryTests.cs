using System.Net;
using System.Text;
using Nats.Edge.Server.Clients;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Connections;

namespace Nats.Edge.Tests.Unit.Connections;

/// <summary>
/// A client session run over an in-memory transport, with no server and no socket: what the
/// transport/session split makes possible, and the proof that the session needs nothing else.
/// </summary>
public sealed class SessionOverMemoryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_client_gets_info_then_its_own_message_and_a_pong()
    {
        var (context, client, peer) = Open(new ServerOptions());
        Assert.StartsWith("INFO {", await ReadLineAsync(peer), StringComparison.Ordinal);

        await WriteAsync(peer, "CONNECT {\"verbose\":false}\r\nSUB greet 1\r\nPUB greet 5\r\nhello\r\nPING\r\n");

        Assert.Equal("MSG greet 1 5", await ReadLineAsync(peer));
        Assert.Equal("hello", await ReadLineAsync(peer));
        Assert.Equal("PONG", await ReadLineAsync(peer));
        Assert.Equal(1, client.InMessages);
        Assert.Same(client, Assert.Single(context.Connections.All));
    }

    [Fact]
    public async Task An_unknown_operation_gets_the_error_then_the_session_closes_and_leaves_the_registry()
    {
        var (context, client, peer) = Open(new ServerOptions());
        await ReadLineAsync(peer);

        await WriteAsync(peer, "HELLO\r\n");

        Assert.Equal("-ERR 'Unknown Protocol Operation'", await ReadLineAsync(peer));
        await client.Closed.WaitAsync(Patience);
        Assert.Equal(CloseReason.ProtocolViolation, client.Reason);
        Assert.Empty(context.Connections.All);
    }

    [Fact]
    public async Task With_a_token_required_an_op_before_connect_is_an_authorization_violation()
    {
        var (_, client, peer) = Open(new ServerOptions { AuthorizationToken = "s3cret" });
        await ReadLineAsync(peer);

        await WriteAsync(peer, "PING\r\n");

        Assert.Equal("-ERR 'Authorization Violation'", await ReadLineAsync(peer));
        await client.Closed.WaitAsync(Patience);
        Assert.Equal(CloseReason.AuthenticationViolation, client.Reason);
    }

    [Fact]
    public async Task A_slow_consumer_cut_off_is_counted_by_the_context_and_its_output_is_dropped()
    {
        var (context, client, _) = Open(new ServerOptions());

        client.Close(CloseReason.SlowConsumerPendingBytes, flush: false);

        await client.Closed.WaitAsync(Patience);
        Assert.Equal(1, context.SlowConsumers);
        Assert.Equal(0, client.Outbound.PendingBytes);
    }

    private static (TestServerContext Context, ClientConnection Client, Stream Peer) Open(ServerOptions options)
    {
        var context = new TestServerContext(options);
        var (serverEnd, peer) = InMemoryDuplexStream.CreatePair();
        var transport = new Transport(serverEnd, new IPEndPoint(IPAddress.Loopback, 4222), context);
        var client = new ClientConnection(context, transport, context.Connections.NextId(), context.Accounts.Global);
        context.Connections.Add(client);
        client.Open(overLimit: false);
        return (context, client, peer);
    }

    private static async Task WriteAsync(Stream peer, string text)
    {
        await peer.WriteAsync(Encoding.ASCII.GetBytes(text));
        await peer.FlushAsync();
    }

    // Byte by byte up to CRLF: the test reads only what it asserts, nothing of the next line.
    private static async Task<string> ReadLineAsync(Stream peer)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            var read = await peer.ReadAsync(one, timeout.Token);
            Assert.True(read == 1, $"the session closed after \"{line}\"");
            if (one[0] == '\n' && line.Length > 0 && line[^1] == '\r')
            {
                return line.ToString(0, line.Length - 1);
            }

            line.Append((char)one[0]);
        }
    }
}
