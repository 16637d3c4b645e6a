using System.Net.Sockets;
using System.Text.RegularExpressions;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Operating;

/// <summary>SIGUSR2 puts a server into lame duck mode: tell clients, stop accepting, close them gradually, exit.</summary>
public sealed partial class LameDuckTests
{
    // 30 s is the shortest duration nats-server accepts; closes are at most a second apart, so two
    // clients are gone about two seconds after the one-second grace period.
    private const string Durations = """ "lame_duck_duration": "30s", "lame_duck_grace_period": "1s" """;

    [ServerTheory]
    public async Task Lame_duck_tells_clients_closes_them_and_exits_zero(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        var port = TestPorts.Free();
        var path = folder.Write("server.json", $$"""{ "listen": "127.0.0.1:{{port}}", {{Durations}} }""");
        await using var server = await IServerProcess.StartAsync(target, path);
        const string UpdatesWanted = """{"verbose":false,"protocol":1}""";
        await using var first = await RawClient.OpenSessionAsync(port, UpdatesWanted);
        await using var second = await RawClient.OpenSessionAsync(port, UpdatesWanted);

        server.Signal(Posix.SigUsr2);

        // The server's first PING, 2 s after CONNECT, may come before or after the lame duck INFO.
        foreach (var client in new[] { first, second })
        {
            var info = await client.ReadLineSkippingPingsAsync();
            Assert.StartsWith("INFO {", info, StringComparison.Ordinal);
            Assert.Contains("\"ldm\":true", info, StringComparison.Ordinal);
        }

        await server.WaitForLogAsync("[INF] Entering lame duck mode, stop accepting new clients");
        await Assert.ThrowsAnyAsync<SocketException>(() => RawClient.ConnectAsync(port));
        Assert.Matches(OnlyPings(), await first.ReadUntilClosedAsync(TimeSpan.FromSeconds(5)));
        Assert.Matches(OnlyPings(), await second.ReadUntilClosedAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, await server.WaitForExitAsync());
        Assert.Contains("[INF] Closing existing clients", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lame_duck_info_goes_only_to_clients_that_take_info_updates()
    {
        using var folder = new TempConfigFolder();
        var port = TestPorts.Free();
        var path = folder.Write("server.json", $$"""{ "listen": "127.0.0.1:{{port}}", {{Durations}} }""");
        await using var edge = await EdgeProcess.StartReadyAsync("-c", path);
        await using var original = await RawClient.OpenSessionAsync(port, """{"verbose":false,"protocol":0}""");

        edge.Signal(Posix.SigUsr2);

        await edge.WaitForLogAsync("Entering lame duck mode");

        // Until the close, nothing but the server's own PINGs: no INFO for a protocol 0 client.
        Assert.Matches(OnlyPings(), await original.ReadUntilClosedAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Lame_duck_duration_under_thirty_seconds_is_refused_as_nats_server_refuses_it()
    {
        using var folder = new TempConfigFolder();
        var path = folder.Write("server.json", """{ "lame_duck_duration": "4s" }""");
        await using var edge = EdgeProcess.Start("-c", path);

        Assert.Equal(1, await edge.WaitForExitAsync());
        Assert.Contains("invalid lame_duck_duration of 4s, minimum is 30 seconds", edge.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\A(PING\r\n)*\z")]
    private static partial Regex OnlyPings();
}
