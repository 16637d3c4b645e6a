using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;
using Nats.Edge.Tests.Security;

namespace Nats.Edge.Tests.EndToEnd;

/// <summary>A NATS.Net client logging in with each method nats-server offers, right and wrong.</summary>
public sealed class AuthenticationTests
{
    [ServerTheory]
    public async Task User_and_password_let_the_client_in(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, SecurityConfig.Body);

        await using var client = await ConnectAsync(server, new NatsAuthOpts { Username = "alice", Password = "wonder" });

        await RoundTripAsync(client, "greetings");
    }

    [ServerTheory]
    public async Task Bcrypt_hashed_password_lets_the_client_in(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, SecurityConfig.Body);

        await using var client = await ConnectAsync(server, new NatsAuthOpts { Username = "bob", Password = "builder" });

        await RoundTripAsync(client, "greetings");
    }

    [ServerTheory]
    public async Task Wrong_password_is_refused(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, SecurityConfig.Body);

        await Assert.ThrowsAnyAsync<NatsException>(() => ConnectAsync(server, new NatsAuthOpts { Username = "bob", Password = "wonder" }));
    }

    [ServerTheory]
    public async Task Nkey_seed_signs_the_nonce_and_lets_the_client_in(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, SecurityConfig.Body);

        await using var client = await ConnectAsync(server, new NatsAuthOpts { NKey = SecurityConfig.NkeyPublic, Seed = SecurityConfig.NkeySeed });

        await RoundTripAsync(client, "greetings");
    }

    [ServerTheory]
    public async Task Nkey_with_someone_elses_seed_is_refused(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, SecurityConfig.Body);
        using var other = NATS.NKeys.KeyPair.CreatePair(NATS.NKeys.PrefixByte.User);

        await Assert.ThrowsAnyAsync<NatsException>(
            () => ConnectAsync(server, new NatsAuthOpts { NKey = SecurityConfig.NkeyPublic, Seed = other.GetSeed() }));
    }

    [ServerTheory]
    public async Task Client_without_credentials_gets_the_no_auth_users_permissions(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, SecurityConfig.Body);

        await using var client = await ConnectAsync(server, NatsAuthOpts.Default);

        await RoundTripAsync(client, "public.news");
    }

    [ServerTheory]
    public async Task Token_lets_the_client_in_and_a_wrong_one_is_refused(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, "\"authorization\": { \"token\": \"s3cret\" }");

        await using var client = await ConnectAsync(server, new NatsAuthOpts { Token = "s3cret" });
        await RoundTripAsync(client, "greetings");
        await Assert.ThrowsAnyAsync<NatsException>(() => ConnectAsync(server, new NatsAuthOpts { Token = "guess" }));
    }

    [ServerTheory]
    public async Task Denied_publish_is_dropped_and_the_connection_carries_on(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, SecurityConfig.Body);
        await using var sensor = await ConnectAsync(server, new NatsAuthOpts { Username = "sensor", Password = "s" });
        await using var alice = await ConnectAsync(server, new NatsAuthOpts { Username = "alice", Password = "wonder" });
        await using var all = await alice.SubscribeCoreAsync<string>("sensors.>");
        await alice.PingAsync();

        await sensor.PublishAsync("sensors.secret", "leak");
        await sensor.PublishAsync("sensors.temp", "21");

        Assert.Equal("21", (await TestClients.NextAsync(all)).Data);
        Assert.Equal(NatsConnectionState.Open, sensor.ConnectionState);
    }

    private static Task<NatsConnection> ConnectAsync(IRunningServer server, NatsAuthOpts auth) => TestClients.ConnectAsync(server, auth);

    private static async Task RoundTripAsync(NatsConnection client, string subject)
    {
        await using var subscription = await client.SubscribeCoreAsync<string>(subject);
        await client.PingAsync();
        await client.PublishAsync(subject, "hello");
        Assert.Equal("hello", (await TestClients.NextAsync(subscription)).Data);
    }
}
