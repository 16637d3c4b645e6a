using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>max_payload is enforced on the control line, before the payload is read.</summary>
public sealed class MaxPayloadTests
{
    // Small enough to cross with a short literal payload.
    private const int MaxPayload = 16;

    [ServerTheory]
    public async Task Pub_at_max_payload_is_delivered(ServerTarget target)
    {
        await using var server = await StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo 16\r\n0123456789abcdef\r\n");

        await client.ExpectAsync("MSG foo 1 16\r\n0123456789abcdef\r\n");
    }

    [ServerTheory]
    public async Task Pub_over_max_payload_closes_with_maximum_payload_violation_before_the_payload_arrives(ServerTarget target)
    {
        await using var server = await StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PUB foo 17\r\n");

        await client.ExpectAsync("-ERR 'Maximum Payload Violation'\r\n");
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Hpub_with_total_size_over_max_payload_closes_with_maximum_payload_violation(ServerTarget target)
    {
        await using var server = await StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false,\"headers\":true}");

        await client.SendAsync("HPUB foo 12 17\r\n");

        await client.ExpectAsync("-ERR 'Maximum Payload Violation'\r\n");
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Hpub_with_total_size_at_max_payload_is_delivered(ServerTarget target)
    {
        await using var server = await StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false,\"headers\":true}");

        await client.SendAsync("SUB foo 1\r\nHPUB foo 12 16\r\nNATS/1.0\r\n\r\nabcd\r\n");

        await client.ExpectAsync("HMSG foo 1 12 16\r\nNATS/1.0\r\n\r\nabcd\r\n");
    }

    private static Task<IRunningServer> StartAsync(ServerTarget target) =>
        TestServers.StartAsync(target, TestServers.Defaults with { MaxPayload = MaxPayload });
}
