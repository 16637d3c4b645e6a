using System.Text;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>A hub's INFO as a hub writes it, and as a leaf reads it back.</summary>
public class HubInfoWriteTests
{
    // INFO #2 a hub sends a leaf whose user has permissions.
    private static readonly HubInfo Second = new()
    {
        ServerId = "NHUB", ServerName = "hub", Version = "2.9.10+nats-edge.0.1.0", Proto = 1, Go = ".NET 10", Host = "127.0.0.1", Port = 7422,
        Headers = true, AuthRequired = true, MaxPayload = 1048576, Ip = "127.0.0.1:7422", ClientId = 6, InfoOnConnect = true,
        ConnectInfo = true, LeafnodeUrls = ["127.0.0.1:7422"], RemoteAccount = "$G",
        Import = new SubjectListPair(null, ["c", "d"]), Export = new SubjectListPair(["a.>"], ["b"]),
    };

    [Fact]
    public void Second_info_is_written_in_nats_server_order_with_the_permissions_last() =>
        Assert.Equal(
            "INFO {\"server_id\":\"NHUB\",\"server_name\":\"hub\",\"version\":\"2.9.10+nats-edge.0.1.0\",\"proto\":1,\"go\":\".NET 10\","
            + "\"host\":\"127.0.0.1\",\"port\":7422,\"headers\":true,\"auth_required\":true,\"max_payload\":1048576,\"ip\":\"127.0.0.1:7422\","
            + "\"client_id\":6,\"info_on_connect\":true,\"connect_info\":true,\"leafnode_urls\":[\"127.0.0.1:7422\"],\"remote_account\":\"$G\","
            + "\"import\":{\"deny\":[\"c\",\"d\"]},\"export\":{\"allow\":[\"a.>\"],\"deny\":[\"b\"]}} \r\n",
            Write(Second));

    [Fact]
    public void First_info_has_a_nonce_an_empty_url_list_and_no_answer_fields()
    {
        var line = Write(Second with { Nonce = "n0nce", ConnectInfo = false, LeafnodeUrls = [], RemoteAccount = null, Import = null, Export = null });

        Assert.EndsWith(
            "\"client_id\":6,\"nonce\":\"n0nce\",\"info_on_connect\":true,\"leafnode_urls\":[]} \r\n", line, StringComparison.Ordinal);
        Assert.DoesNotContain("tls_required", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_allow_list_is_sent_as_it_allows_nothing() =>
        Assert.Contains("\"export\":{\"allow\":[]}", Write(Second with { Export = new SubjectListPair([], null) }), StringComparison.Ordinal);

    [Fact]
    public void Info_read_back_is_the_info_written()
    {
        var read = HubInfo.Parse(Encoding.UTF8.GetBytes(Write(Second)[5..^3]))!;

        Assert.Equal(Second.LeafnodeUrls, read.LeafnodeUrls!);
        Assert.Equal(Second.Import!.Deny, read.Import!.Deny!);
        Assert.Null(read.Import.Allow);
        Assert.Equal(Second.Export!.Allow, read.Export!.Allow!);
        Assert.Equal(Second.Export.Deny, read.Export.Deny!);
        Assert.Equal(Second with { LeafnodeUrls = null, Import = null, Export = null }, read with { LeafnodeUrls = null, Import = null, Export = null });
    }

    private static string Write(HubInfo info) => Encoding.UTF8.GetString(WireJson.Info(info, WireJsonContext.Default.HubInfo));
}
