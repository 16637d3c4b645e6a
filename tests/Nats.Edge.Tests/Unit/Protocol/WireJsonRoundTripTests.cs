using System.Text;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Routes;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>
/// Each record's reader names its fields again, beside the names the context writes: a record with
/// every field set to something other than its default must read back as written, field for field.
/// </summary>
public class WireJsonRoundTripTests
{
    [Fact]
    public void Client_connect_reads_back_every_field() =>
        AssertReadsBack(
            new ConnectOptions(false, false, false, true, true, 1, "n", "go", "1.0", "t", "u", "p", "A", "UKEY", "sig", true),
            WireJsonContext.Default.ConnectOptions,
            json => ConnectOptions.Parse(json));

    [Fact]
    public void Hub_info_reads_back_every_field() =>
        AssertReadsBack(
            new HubInfo
            {
                ServerId = "NHUB", ServerName = "hub", Version = "2.9.10", Proto = 1, Go = "go", Host = "h", Port = 7422, Headers = true,
                AuthRequired = true, TlsRequired = true, MaxPayload = 1024, Ip = "h:7422", ClientId = 6, Nonce = "n", InfoOnConnect = true,
                ConnectInfo = true, LeafnodeUrls = ["h:7422", "i:7422"], RemoteAccount = "$G",
                Import = new SubjectListPair(["a"], ["b"]), Export = new SubjectListPair(["c"], ["d"]),
            },
            WireJsonContext.Default.HubInfo,
            json => HubInfo.Parse(json));

    [Fact]
    public void Leaf_connect_reads_back_every_field() =>
        AssertReadsBack(
            new LeafConnect
            {
                Version = "2.9.10", Jwt = "eyJ0", Nkey = "UKEY", Signature = "sig", User = "u", Password = "p", Token = "t", TlsRequired = true,
                ServerId = "NLEAF", Name = "leaf", Cluster = "c", Headers = true, DenyPub = ["x.>"], RemoteAccount = "$G", IsHub = true,
                Lang = "go", Gateway = "g",
            },
            WireJsonContext.Default.LeafConnect,
            json => LeafConnect.Parse(json));

    [Fact]
    public void Route_info_reads_back_every_field() =>
        AssertReadsBack(
            new RouteInfo
            {
                ServerId = "NA", ServerName = "a", Version = "2.9.10", Proto = 2, Go = "go", Host = "h", Port = 6222, Headers = true,
                MaxPayload = 1024, Nonce = "n", AuthRequired = true, Cluster = "c", ClusterDynamic = true, ConnectUrls = ["h:4222"],
                Ip = "nats-route://h:6222/",
            },
            WireJsonContext.Default.RouteInfo,
            json => RouteInfo.Parse(json));

    [Fact]
    public void Route_connect_reads_back_every_field() =>
        AssertReadsBack(
            new RouteConnect
            {
                Echo = true, Verbose = true, Pedantic = true, User = "u", Password = "p", TlsRequired = true, Headers = true, Name = "NA",
                Cluster = "c", ClusterDynamic = true, Lang = "go", Gateway = "g",
            },
            WireJsonContext.Default.RouteConnect,
            json => RouteConnect.Parse(json));

    // Compared as written: the lists in a record read back are new lists, equal only by content.
    private static void AssertReadsBack<T>(T written, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, Func<byte[], T?> parse)
        where T : class
    {
        var json = WireJson.Connect(written, type)["CONNECT "u8.Length..^2];
        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(WireJson.Connect(parse(json)!, type)["CONNECT "u8.Length..^2]));
    }
}
