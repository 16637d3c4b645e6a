using NATS.NKeys;
using Nats.Edge.Server;

namespace Nats.Edge.Tests.Unit;

public sealed class ServerIdentityTests
{
    [Fact]
    public void Server_id_is_a_valid_public_server_nkey()
    {
        var id = ServerIdentity.NewServerId();

        Assert.Equal(56, id.Length);
        Assert.StartsWith("N", id, StringComparison.Ordinal);
        Assert.True(KeyPair.IsValidPublicKey(PrefixByte.Server, id));
    }

    [Fact]
    public void Every_server_gets_its_own_id() =>
        Assert.NotEqual(ServerIdentity.NewServerId(), ServerIdentity.NewServerId());
}
