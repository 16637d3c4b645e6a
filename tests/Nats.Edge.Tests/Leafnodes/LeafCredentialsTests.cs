using NATS.Client.Core;
using NATS.NKeys;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Leafnodes;

/// <summary>
/// A board logs in to a hub in operator mode with a <c>.creds</c> file: the hub's nonce is signed
/// with the user's seed and the user JWT travels in CONNECT. The operator, account and user are
/// made here with nkeys; nats-server runs with a memory resolver.
/// </summary>
public sealed class LeafCredentialsTests
{
    [LeafTheory(Only = [LeafTopology.EdgeLeafToReferenceHub])]
    public async Task Board_logs_in_to_an_operator_mode_hub_with_a_creds_file(LeafTopology topology)
    {
        using var operatorKey = KeyPair.CreatePair(PrefixByte.Operator);
        using var accountKey = KeyPair.CreatePair(PrefixByte.Account);
        using var userKey = KeyPair.CreatePair(PrefixByte.User);
        var folder = Directory.CreateTempSubdirectory("nats-edge-creds-").FullName;
        var operatorFile = Path.Combine(folder, "operator.jwt");
        var credsFile = Path.Combine(folder, "board.creds");
        await File.WriteAllTextAsync(operatorFile, TestJwt.Operator(operatorKey));
        await File.WriteAllTextAsync(credsFile, TestJwt.Credentials(TestJwt.User(accountKey, userKey), userKey));
        var hubBody = $$"""
            "operator": "{{operatorFile}}",
            "resolver": "MEMORY",
            "resolver_preload": { "{{accountKey.GetPublicKey()}}": "{{TestJwt.Account(operatorKey, accountKey)}}" }
            """;

        await using var pair = await LeafPair.StartAsync(topology, remote: $", \"credentials\": \"{credsFile}\"", hubBody: hubBody, waitForLink: false);
        await using var hub = await pair.ConnectHubAsync(new NatsAuthOpts { CredsFile = credsFile });
        await using var leaf = await pair.ConnectLeafAsync();

        await pair.CrossAsync(from: leaf, to: hub);
        await pair.CrossAsync(from: hub, to: leaf);
        Assert.Contains("Leafnode connection created (uplink)", ((EdgeServer)pair.Leaf).Log, StringComparison.Ordinal);
    }
}
