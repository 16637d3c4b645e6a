using System.Text;
using Xunit.Sdk;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>
/// The parser keeps its state between reads, so how the bytes are cut up must not matter.
/// </summary>
public sealed class SplitReadTests
{
    private const string Session =
        "CONNECT {\"verbose\":true,\"headers\":true}\r\n" +
        "SUB foo 1\r\n" +
        "PUB foo 5\r\nhello\r\n" +
        "HPUB foo r 18 20\r\nNATS/1.0\r\nA: b\r\n\r\nhi\r\n" +
        "PING\r\n";

    private const string Replies =
        "+OK\r\n" +
        "+OK\r\n" +
        "+OK\r\nMSG foo 1 5\r\nhello\r\n" +
        "+OK\r\nHMSG foo 1 r 18 20\r\nNATS/1.0\r\nA: b\r\n\r\nhi\r\n" +
        "PONG\r\n";

    private static readonly byte[] SessionBytes = Encoding.Latin1.GetBytes(Session);

    [ServerTheory]
    public async Task Session_sent_in_one_write_gets_the_expected_replies(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);

        await RunSessionAsync(server, [SessionBytes.Length]);
    }

    [ServerTheory]
    public async Task Session_sent_one_byte_at_a_time_gets_the_same_replies(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);

        await RunSessionAsync(server, Enumerable.Repeat(1, SessionBytes.Length));
    }

    [ServerTheory]
    public async Task Session_sent_in_chunks_of_every_size_up_to_16_gets_the_same_replies(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);

        for (var size = 2; size <= 16; size++)
        {
            await RunSessionAsync(server, Enumerable.Repeat(size, (SessionBytes.Length + size - 1) / size));
        }
    }

    [ServerTheory]
    public async Task Session_split_in_two_at_every_byte_gets_the_same_replies(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);

        for (var cut = 1; cut < SessionBytes.Length; cut++)
        {
            await RunSessionAsync(server, [cut, SessionBytes.Length - cut]);
        }
    }

    // Sends the session cut into the given chunk lengths (the last one may run past the end).
    private static async Task RunSessionAsync(IRunningServer server, IEnumerable<int> chunks)
    {
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        var offset = 0;
        foreach (var chunk in chunks)
        {
            var length = Math.Min(chunk, SessionBytes.Length - offset);
            await client.SendBytesAsync(SessionBytes.AsMemory(offset, length));
            offset += length;
        }

        try
        {
            await client.ExpectAsync(Replies);
        }
        catch (XunitException e)
        {
            // Name the cut that broke, or a loop over many cuts is useless to debug.
            throw new XunitException($"Session cut as [{string.Join(',', chunks)}]: {e.Message}");
        }
    }
}
