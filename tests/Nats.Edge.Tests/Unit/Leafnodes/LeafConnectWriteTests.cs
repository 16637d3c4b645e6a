using System.Text;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>A leaf's CONNECT as a leaf writes it, and as the hub reads it back.</summary>
public class LeafConnectWriteTests
{
    private static readonly LeafConnect Connect = new()
    {
        Version = "2.9.10+nats-edge.0.1.0", User = "u1", Password = "p1", ServerId = "NLEAF", Name = "leaf", Cluster = "leaf",
        Headers = true, DenyPub = ["admin.>", "$JS.API.>"], RemoteAccount = "$G",
    };

    [Fact]
    public void Connect_is_written_in_the_order_a_leaf_sends_it() =>
        Assert.Equal(
            "CONNECT {\"version\":\"2.9.10+nats-edge.0.1.0\",\"user\":\"u1\",\"pass\":\"p1\",\"tls_required\":false,\"server_id\":\"NLEAF\","
            + "\"name\":\"leaf\",\"cluster\":\"leaf\",\"headers\":true,\"deny_pub\":[\"admin.>\",\"$JS.API.>\"],\"remote_account\":\"$G\"}\r\n",
            Write(Connect));

    [Fact]
    public void Jwt_login_is_written_as_jwt_then_sig_and_no_deny_pub_when_there_is_none() =>
        Assert.StartsWith(
            "CONNECT {\"version\":\"2.9.10+nats-edge.0.1.0\",\"jwt\":\"eyJ0\",\"sig\":\"AbC\",\"tls_required\":true,\"server_id\":\"NLEAF\","
            + "\"name\":\"leaf\",\"cluster\":\"leaf\",\"headers\":true,\"remote_account\"",
            Write(Connect with { User = null, Password = null, Jwt = "eyJ0", Signature = "AbC", TlsRequired = true, DenyPub = null }),
            StringComparison.Ordinal);

    [Fact]
    public void Connect_read_back_is_the_connect_written()
    {
        var read = LeafConnect.Parse(Encoding.UTF8.GetBytes(Write(Connect)[8..^2]))!;

        Assert.Equal(Connect.DenyPublish, read.DenyPublish);
        Assert.Equal(Connect with { DenyPub = null }, read with { DenyPub = null });
    }

    [Fact]
    public void A_null_deny_pub_subject_is_read_as_an_empty_one() =>
        Assert.Equal(["a", string.Empty], LeafConnect.Parse("""{"deny_pub":["a",null]}"""u8)!.DenyPublish);

    private static string Write(LeafConnect connect) => Encoding.UTF8.GetString(WireJson.Connect(connect, WireJsonContext.Default.LeafConnect));
}
