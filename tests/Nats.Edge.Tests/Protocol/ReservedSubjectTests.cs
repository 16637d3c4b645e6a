using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>
/// Subjects and reply prefixes the server keeps for itself: the message is dropped, the connection
/// stays, as in nats-server.
/// </summary>
public sealed class ReservedSubjectTests
{
    [ServerTheory]
    public async Task Pub_to_the_gateway_reply_prefix_is_a_permissions_violation_and_dropped(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB _GR_.> 1\r\nPUB _GR_.abc 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("-ERR 'Permissions Violation for Publish to \"_GR_.abc\"'\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Rejected_pub_gets_no_ok_in_verbose_mode(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"verbose\":true}\r\nPUB _GR_.abc 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("+OK\r\n-ERR 'Permissions Violation for Publish to \"_GR_.abc\"'\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Pub_with_a_service_import_reply_prefix_is_a_permissions_violation_and_dropped(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo _R_.x 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("-ERR 'Permissions Violation for Publish with Reply of \"_R_.x\"'\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Pub_with_a_jetstream_ack_reply_prefix_is_a_permissions_violation_and_dropped(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo $JS.ACK.x 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("-ERR 'Permissions Violation for Publish with Reply of \"$JS.ACK.x\"'\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Pub_with_a_gateway_reply_prefix_is_a_permissions_violation_and_dropped(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo _GR_.x 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("-ERR 'Permissions Violation for Publish with Reply of \"_GR_.x\"'\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Sub_with_the_reserved_queue_name_sys_is_a_permissions_violation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo _sys_ 1\r\nPUB foo 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("-ERR 'Permissions Violation for Subscription to \"foo\" using queue \"_sys_\"'\r\nPONG\r\n");
    }
}
