using System.Text.Json;
using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Leafnodes;

/// <summary>
/// The fleet view: a nats-server hub and two nats-edge boards whose system accounts are bound to
/// the hub's over leafnode remotes, so a system user on the hub reaches every board.
/// </summary>
public sealed class SystemAccountFleetTests
{
    private const string Accounts = """
        "accounts": {
          "$SYS": { "users": [ { "user": "sys", "password": "sys" }, { "user": "board-sys", "password": "b" } ] },
          "APP": { "users": [ { "user": "app", "password": "app" }, { "user": "board-app", "password": "b" } ] }
        },
        """;

    [ReferenceFact]
    public async Task One_ping_on_the_hub_is_answered_by_the_hub_and_every_board()
    {
        await using var fleet = await Fleet.StartAsync();
        await using var system = await TestClients.ConnectAsync(fleet.Hub, SystemAccount.SystemUser);

        var answers = await SystemAccount.GatherAsync(system, "$SYS.REQ.SERVER.PING", count: 4);

        Assert.Equal(["board-1", "board-2", "hub"], SystemAccount.ServerNames(answers));
    }

    [ReferenceFact]
    public async Task A_boards_account_connz_is_answered_to_the_hub()
    {
        await using var fleet = await Fleet.StartAsync();
        await using var system = await TestClients.ConnectAsync(fleet.Hub, SystemAccount.SystemUser);
        await using var app = await TestClients.ConnectAsync(fleet.Board1, SystemAccount.AppUser);

        var answers = await SystemAccount.GatherAsync(system, "$SYS.REQ.ACCOUNT.APP.CONNZ", count: 3);

        var board = Assert.Single(answers, answer => answer.GetProperty("server").GetProperty("name").GetString() == "board-1");
        var client = Assert.Single(board.GetProperty("data").GetProperty("connections").EnumerateArray());
        Assert.Equal("nats-edge-tests", client.GetProperty("name").GetString());
        Assert.Equal(["board-1", "board-2", "hub"], SystemAccount.ServerNames(answers));
    }

    [ReferenceFact]
    public async Task A_request_to_one_boards_id_is_answered_by_that_board_alone()
    {
        await using var fleet = await Fleet.StartAsync();
        await using var system = await TestClients.ConnectAsync(fleet.Hub, SystemAccount.SystemUser);
        var id = fleet.Board2.Server.ServerId;

        var answers = await SystemAccount.GatherAsync(system, $"$SYS.REQ.SERVER.{id}.VARZ", count: 2);

        var answer = Assert.Single(answers);
        Assert.Equal(id, answer.GetProperty("data").GetProperty("server_id").GetString());
        Assert.Equal(2, answer.GetProperty("data").GetProperty("leafnodes").GetInt32());
    }

    [ReferenceFact]
    public async Task A_board_that_denies_the_hubs_requests_says_so_and_stays_silent()
    {
        await using var fleet = await Fleet.StartAsync(board2SystemRemote: """, "deny_imports": ["$SYS.REQ.SERVER.PING"]""", answering: 2);
        await using var system = await TestClients.ConnectAsync(fleet.Hub, SystemAccount.SystemUser);

        var answers = await SystemAccount.GatherAsync(system, "$SYS.REQ.SERVER.PING", count: 3);

        Assert.Equal(["board-1", "hub"], SystemAccount.ServerNames(answers));
        Assert.Contains("Remote for System Account uses restricted import permissions", fleet.Board2.Log);
    }

    private sealed class Fleet : IAsyncDisposable
    {
        private Fleet(IRunningServer hub, EdgeServer board1, EdgeServer board2)
        {
            Hub = hub;
            Board1 = board1;
            Board2 = board2;
        }

        public IRunningServer Hub { get; }

        public EdgeServer Board1 { get; }

        public EdgeServer Board2 { get; }

        /// <summary>
        /// Starts the three servers and waits until the hub's ping is answered <paramref name="answering"/>
        /// times; <paramref name="board2SystemRemote"/> adds to board-2's system account remote.
        /// </summary>
        public static async Task<Fleet> StartAsync(string board2SystemRemote = "", int answering = 3)
        {
            var leafPort = TestPorts.Free();
            var hub = await TestServers.StartWithConfigAsync(
                ServerTarget.Reference, $$"""{{Accounts}} "server_name": "hub", "leafnodes": { "port": {{leafPort}} }""");
            EdgeServer? board1 = null;
            try
            {
                board1 = (EdgeServer)await TestServers.StartWithConfigAsync(ServerTarget.Edge, Board("board-1", leafPort, string.Empty));
                var board2 = (EdgeServer)await TestServers.StartWithConfigAsync(ServerTarget.Edge, Board("board-2", leafPort, board2SystemRemote), captureLog: true);
                var fleet = new Fleet(hub, board1, board2);
                await fleet.WaitForBoardsAsync(answering);
                return fleet;
            }
            catch
            {
                if (board1 is not null)
                {
                    await board1.DisposeAsync();
                }

                await hub.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Board2.DisposeAsync();
            await Board1.DisposeAsync();
            await Hub.DisposeAsync();
        }

        // A board's config: its system account and its application account, each bound to the hub's.
        private static string Board(string name, int leafPort, string systemRemote) => $$"""
            {{Accounts}}
            "server_name": "{{name}}",
            "leafnodes": { "remotes": [
              { "url": "nats://board-sys:b@127.0.0.1:{{leafPort}}", "account": "$SYS"{{systemRemote}} },
              { "url": "nats://board-app:b@127.0.0.1:{{leafPort}}", "account": "APP" }
            ] }
            """;

        private async Task WaitForBoardsAsync(int answering)
        {
            // Both links of each board up first, so a board that stays silent is not merely late.
            await Poll.UntilAsync(() => Board1.Server.Connections.LeafCount == 2 && Board2.Server.Connections.LeafCount == 2);
            await using var system = await TestClients.ConnectAsync(Hub, SystemAccount.SystemUser);
            List<JsonElement> answers = [];
            await Poll.UntilAsync(
                async () => (answers = await SystemAccount.GatherAsync(system, "$SYS.REQ.SERVER.PING", count: answering)).Count == answering,
                () => $"answered: {string.Join(", ", SystemAccount.ServerNames(answers))}\nhub log:\n{Hub.Log}");
        }
    }
}
