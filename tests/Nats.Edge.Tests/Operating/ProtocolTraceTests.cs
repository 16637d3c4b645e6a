using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Operating;

/// <summary>
/// <c>trace: true</c> (<c>-V</c>): each operation a client sends and each line sent back, in
/// nats-server's words, a password in CONNECT hidden, and a message's bytes cut at
/// <c>max_traced_msg_len</c>. Both servers run as processes on the same config.
/// </summary>
public sealed class ProtocolTraceTests
{
    [ServerTheory]
    public async Task A_client_session_is_traced_as_nats_server_traces_it(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        var config = folder.Write("server.json", $$"""{ "host": "127.0.0.1", "port": {{TestPorts.Free()}}, "trace": true, "max_traced_msg_len": 8 }""");
        await using var server = await IServerProcess.StartAsync(target, config);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadLineAsync();

        await client.SendAsync("CONNECT {\"verbose\":false,\"user\":\"pi\",\"pass\":\"s3cret\"}\r\nSUB readings 1\r\nPUB readings 12\r\nhello world!\r\nPING\r\n");
        await client.ReadUntilAsync("PONG\r\n", TestTimeouts.Reply);

        await server.WaitForLogAsync("<<- [CONNECT {\"verbose\":false,\"user\":\"pi\",\"pass\":\"[REDACTED]\"}]");
        await server.WaitForLogAsync("<<- [SUB readings 1]");
        await server.WaitForLogAsync("<<- [PUB readings 12]");
        await server.WaitForLogAsync("<<- MSG_PAYLOAD: [\"hello wo...\"]");
        await server.WaitForLogAsync("->> [MSG readings 1 12]");
        await server.WaitForLogAsync("<<- [PING]");
        await server.WaitForLogAsync("->> [PONG]");
        Assert.DoesNotContain("s3cret", server.Output, StringComparison.Ordinal);
    }

    [ServerTheory]
    public async Task An_error_sent_to_a_client_is_traced_without_its_quotes(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        var config = folder.Write("server.json", $$"""{ "host": "127.0.0.1", "port": {{TestPorts.Free()}}, "trace": true }""");
        await using var server = await IServerProcess.StartAsync(target, config);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadLineAsync();

        await client.SendAsync("CONNECT {\"verbose\":false}\r\nPUB a\\tb 2\r\nhi\r\nXYZ\r\n");
        await client.ReadUntilClosedAsync();

        await server.WaitForLogAsync("->> [-ERR Unknown Protocol Operation]");
    }
}
