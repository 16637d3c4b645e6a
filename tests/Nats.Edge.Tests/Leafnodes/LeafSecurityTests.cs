using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Leafnodes;

/// <summary>A hub that asks leafs to log in, binds them to accounts, and encrypts the link.</summary>
public sealed class LeafSecurityTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [LeafTheory]
    public async Task Leaf_logs_in_with_the_user_and_password_in_its_url(LeafTopology topology)
    {
        await using var pair = await StartWithLeafUserAsync(topology, "board:s3cret@");

        await pair.WaitForLinkAsync();
    }

    [LeafTheory]
    public async Task Leaf_with_a_wrong_password_never_gets_a_link(LeafTopology topology)
    {
        await using var pair = await StartWithLeafUserAsync(topology, "board:guess@");
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var readings = await hub.SubscribeCoreAsync<string>("readings");
        await hub.PingAsync();

        // Long enough for several dial attempts at the one-second reconnect delay.
        for (var i = 0; i < 15; i++)
        {
            await leaf.PublishAsync("readings", "should not cross");
            await Task.Delay(100);
        }

        Assert.Empty(TestClients.Drain(readings));
    }

    [LeafTheory(Only = [LeafTopology.EdgeLeafToReferenceHub, LeafTopology.EdgeLeafToEdgeHub])]
    public async Task Leaf_logs_in_with_an_nkey_seed_signing_the_hubs_nonce(LeafTopology topology)
    {
        using var key = NATS.NKeys.KeyPair.CreatePair(NATS.NKeys.PrefixByte.User);
        await using var pair = await LeafPair.StartAsync(
            topology,
            remote: $", \"nkey\": \"{key.GetSeed()}\"",
            hubBody: $"\"authorization\": {{ \"users\": [ {{ \"nkey\": \"{key.GetPublicKey()}\" }}, {{ \"user\": \"ops\", \"password\": \"o\" }} ] }}",
            waitForLink: false);
        await using var hub = await pair.ConnectHubAsync(new NatsAuthOpts { Username = "ops", Password = "o" });
        await using var leaf = await pair.ConnectLeafAsync();

        await pair.CrossAsync(from: leaf, to: hub);
    }

    [LeafTheory]
    public async Task Leaf_user_is_bound_to_its_account_on_the_hub(LeafTopology topology)
    {
        const string Accounts = """
            "accounts": {
              "BOARDS": { "users": [ { "user": "ops", "password": "o" } ] },
              "OTHER": { "users": [ { "user": "other", "password": "x" } ] }
            }
            """;
        await using var pair = await LeafPair.StartAsync(
            topology, hubBody: Accounts, userInfo: "board:s3cret@", waitForLink: false, hubLeafnodes: """
            , "authorization": { "users": [ { "user": "board", "password": "s3cret", "account": "BOARDS" } ] }
            """);
        await using var ops = await pair.ConnectHubAsync(new NatsAuthOpts { Username = "ops", Password = "o" });
        await using var other = await pair.ConnectHubAsync(new NatsAuthOpts { Username = "other", Password = "x" });
        await using var leaf = await pair.ConnectLeafAsync();
        await using var elsewhere = await other.SubscribeCoreAsync<string>(">");
        await other.PingAsync();

        await pair.CrossAsync(from: leaf, to: ops);

        await other.PingAsync();
        Assert.Empty(TestClients.Drain(elsewhere));
    }

    [LeafTheory]
    public async Task Link_runs_inside_tls_when_the_hub_requires_it(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(
            topology,
            remote: $", \"tls\": {{ \"ca_file\": \"{_certificates.CaFile}\" }}",
            waitForLink: false,
            hubLeafnodes: $", \"tls\": {{ \"cert_file\": \"{_certificates.ServerCertificateFile}\", \"key_file\": \"{_certificates.ServerKeyFile}\" }}");

        await pair.WaitForLinkAsync();
    }

    [LeafTheory]
    public async Task Hub_verifying_client_certificates_takes_the_boards_certificate(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(
            topology,
            remote: $", \"tls\": {{ \"ca_file\": \"{_certificates.CaFile}\", \"cert_file\": \"{_certificates.ClientCertificateFile}\", \"key_file\": \"{_certificates.ClientKeyFile}\" }}",
            waitForLink: false,
            hubLeafnodes: $", \"tls\": {{ \"cert_file\": \"{_certificates.ServerCertificateFile}\", \"key_file\": \"{_certificates.ServerKeyFile}\", \"ca_file\": \"{_certificates.CaFile}\", \"verify\": true }}");

        await pair.WaitForLinkAsync();
    }

    private static Task<LeafPair> StartWithLeafUserAsync(LeafTopology topology, string userInfo) =>
        LeafPair.StartAsync(topology, userInfo: userInfo, waitForLink: false, hubLeafnodes: """
            , "authorization": { "user": "board", "password": "s3cret" }
            """);
}
