using System.Text.RegularExpressions;
using NATS.NKeys;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Security;

/// <summary>
/// The security table: each case logs in as one of <see cref="SecurityConfig"/>'s users, does a few
/// operations and compares what the server answered with the expected transcript. The same config
/// file and the same expectations run against nats-edge and Debian's nats-server.
/// </summary>
public sealed partial class SecurityTableTests
{
    private const string AuthorizationViolation = "-ERR 'Authorization Violation'\r\n[closed]";

    private static readonly Dictionary<string, Case> Table = new()
    {
        // Authentication.
        ["password_user_with_the_right_password_is_let_in"] = new(port => Alone(port, User("alice", "wonder"), ""), ""),
        ["password_user_with_a_wrong_password_is_refused"] = new(port => Alone(port, User("alice", "nope"), ""), AuthorizationViolation),
        ["bcrypt_user_with_the_right_password_is_let_in"] = new(port => Alone(port, User("bob", "builder"), ""), ""),
        ["bcrypt_user_with_a_wrong_password_is_refused"] = new(port => Alone(port, User("bob", "wonder"), ""), AuthorizationViolation),
        ["unknown_user_is_refused"] = new(port => Alone(port, User("mallory", "x"), ""), AuthorizationViolation),
        ["token_on_a_users_server_is_refused"] = new(port => Alone(port, "{\"verbose\":false,\"auth_token\":\"guest\"}", ""), AuthorizationViolation),
        ["no_credentials_log_in_as_the_no_auth_user_with_its_permissions"] = new(
            port => Alone(port, "{\"verbose\":false}", Pub("public.news", "a") + Pub("private.news", "a")),
            PublishViolation("private.news")),
        ["nkey_user_signing_the_nonce_is_let_in"] = new(port => AloneWithNonce(port, nonce => SecurityConfig.NkeyConnect(nonce), ""), ""),
        ["nkey_user_with_a_forged_signature_is_refused"] = new(
            port => AloneWithNonce(port, nonce => SecurityConfig.NkeyConnect(nonce, signingSeed: ForgerSeed), ""),
            AuthorizationViolation),
        ["nkey_that_is_not_configured_is_refused"] = new(
            port => AloneWithNonce(port, nonce => SecurityConfig.NkeyConnect(nonce, publicKey: ForgerPublic, signingSeed: ForgerSeed), ""),
            AuthorizationViolation),
        ["nkey_without_a_signature_is_refused"] = new(
            port => Alone(port, $"{{\"verbose\":false,\"nkey\":\"{SecurityConfig.NkeyPublic}\"}}", ""), AuthorizationViolation),

        // Publish and subscribe permissions: a violation is answered and the connection stays open.
        ["publish_inside_the_allow_list_is_accepted"] = new(port => Alone(port, User("sensor", "s"), Pub("sensors.temp", "21")), ""),
        ["publish_denied_inside_the_allow_list_is_refused"] = new(
            port => Alone(port, User("sensor", "s"), Pub("sensors.secret", "x")), PublishViolation("sensors.secret")),
        ["publish_outside_the_allow_list_is_refused"] = new(
            port => Alone(port, User("sensor", "s"), Pub("lights.on", "1")), PublishViolation("lights.on")),
        ["subscribe_inside_the_allow_list_is_accepted"] = new(port => Alone(port, User("sensor", "s"), "SUB commands.board1 1\r\n"), ""),
        ["subscribe_outside_the_allow_list_is_refused"] = new(
            port => Alone(port, User("sensor", "s"), "SUB sensors.> 1\r\n"), SubscribeViolation("sensors.>")),
        ["queue_entry_admits_its_queue"] = new(port => Alone(port, User("worker", "w"), "SUB jobs.a workers 1\r\n"), ""),
        ["queue_entry_refuses_another_queue"] = new(
            port => Alone(port, User("worker", "w"), "SUB jobs.a idle 1\r\n"),
            "-ERR 'Permissions Violation for Subscription to \"jobs.a\" using queue \"idle\"'\r\n"),
        ["queue_entry_refuses_a_plain_subscription"] = new(
            port => Alone(port, User("worker", "w"), "SUB jobs.a 1\r\n"), SubscribeViolation("jobs.a")),
        ["plain_entry_admits_any_queue"] = new(port => Alone(port, User("worker", "w"), "SUB status monitors 1\r\n"), ""),
        ["deny_queue_entries_alone_settle_a_queue_subscription"] = new(
            port => Alone(port, User("picky", "p"), "SUB tasks v2 1\r\nSUB tasks v1 2\r\nSUB tasks 3\r\n"),
            "-ERR 'Permissions Violation for Subscription to \"tasks\" using queue \"v1\"'\r\n" + SubscribeViolation("tasks")),
        ["subscribe_deny_refuses_the_denied_subject"] = new(
            port => Alone(port, User("watcher", "w"), "SUB data.private 1\r\n"), SubscribeViolation("data.private")),
        ["subscribe_deny_filters_what_a_wildcard_subscription_receives"] = new(DenyFiltersWildcardDeliveryAsync, "MSG data.public 1 1\r\ny\r\n"),
        ["allow_responses_lets_a_service_answer_each_request_once"] = new(
            port => ServiceAnswersAsync(port, "svc", answers: 2),
            "MSG svc.time 1 reply.1 1\r\n?\r\n" + PublishViolation("reply.1") + PublishViolation("lights.on")),
        ["allow_responses_max_sets_the_answers_per_request"] = new(
            port => ServiceAnswersAsync(port, "svc2", answers: 3),
            "MSG svc.time 1 reply.1 1\r\n?\r\n" + PublishViolation("reply.1") + PublishViolation("lights.on")),

        // Accounts.
        ["messages_stay_inside_their_account"] = new(AccountsAreIsolatedAsync, ""),
        ["stream_import_delivers_with_its_prefix"] = new(StreamImportAsync, "MSG from.orders.new 1 5\r\napple\r\n"),
        ["service_import_carries_the_request_and_routes_the_reply_back"] = new(
            ServiceImportAsync, "MSG stock.apple 1 _R_.* 1\r\n?\r\n|MSG _INBOX.shop 1 2\r\n12\r\n"),
    };

    private static readonly KeyPair Forger = KeyPair.CreatePair(PrefixByte.User);

    private static string ForgerSeed => Forger.GetSeed();

    private static string ForgerPublic => Forger.GetPublicKey();

    /// <summary>The case names, one test per case and server.</summary>
    public static IEnumerable<string> Cases => Table.Keys;

    [ServerTheory(Cases = nameof(Cases))]
    public async Task Security_case_gives_the_expected_answer(ServerTarget target, string name)
    {
        var @case = Table[name];
        await using var server = await TestServers.StartWithConfigAsync(target, SecurityConfig.Body);

        var transcript = await @case.Run(server.Port);

        Assert.Equal(WireText.Escape(@case.Expected), WireText.Escape(ReplySubjects().Replace(transcript, "_R_.*")));
    }

    private static string User(string user, string password) => $"{{\"verbose\":false,\"user\":\"{user}\",\"pass\":\"{password}\"}}";

    private static string Pub(string subject, string payload) => $"PUB {subject} {payload.Length}\r\n{payload}\r\n";

    private static string PublishViolation(string subject) => $"-ERR 'Permissions Violation for Publish to \"{subject}\"'\r\n";

    private static string SubscribeViolation(string subject) => $"-ERR 'Permissions Violation for Subscription to \"{subject}\"'\r\n";

    // One client: CONNECT as given, then the ops; the transcript is everything up to the final PONG.
    private static Task<string> Alone(int port, string connect, string ops) => AloneWithNonce(port, _ => connect, ops);

    private static async Task<string> AloneWithNonce(int port, Func<string, string> connect, string ops)
    {
        await using var client = await RawClient.ConnectAsync(port);
        var info = await client.ReadInfoAsync();
        var nonce = info["nonce"]?.GetValue<string>() ?? string.Empty;
        return await client.ExchangeAsync($"CONNECT {connect(nonce)}\r\n{ops}");
    }

    private static async Task<RawClient> LoginAsync(int port, string user, string password)
    {
        var client = await RawClient.ConnectAsync(port);
        await client.ReadInfoAsync();
        Assert.Equal(string.Empty, await client.ExchangeAsync($"CONNECT {User(user, password)}\r\n"));
        return client;
    }

    private static async Task<string> DenyFiltersWildcardDeliveryAsync(int port)
    {
        await using var watcher = await LoginAsync(port, "watcher", "w");
        await using var alice = await LoginAsync(port, "alice", "wonder");
        Assert.Equal(string.Empty, await watcher.ExchangeAsync("SUB data.* 1\r\n"));

        Assert.Equal(string.Empty, await alice.ExchangeAsync(Pub("data.private", "x") + Pub("data.public", "y")));

        return await watcher.ExchangeAsync(string.Empty);
    }

    // A request reaches the service user, which answers it more often than allowed, then tries a
    // subject it was never asked on.
    private static async Task<string> ServiceAnswersAsync(int port, string service, int answers)
    {
        await using var responder = await LoginAsync(port, service, "s");
        await using var alice = await LoginAsync(port, "alice", "wonder");
        Assert.Equal(string.Empty, await responder.ExchangeAsync("SUB svc.> 1\r\n"));
        Assert.Equal(string.Empty, await alice.ExchangeAsync("SUB reply.1 9\r\n" + "PUB svc.time reply.1 1\r\n?\r\n"));

        var request = await responder.ExchangeAsync(string.Empty);
        var replies = string.Concat(Enumerable.Repeat(Pub("reply.1", "!"), answers));
        var afterReplies = await responder.ExchangeAsync(replies + Pub("lights.on", "1"));
        var received = await alice.ExchangeAsync(string.Empty);
        Assert.Equal(answers - 1, Regex.Count(received, "MSG reply.1 9 1"));
        return request + afterReplies;
    }

    private static async Task<string> AccountsAreIsolatedAsync(int port)
    {
        await using var nobody = await LoginAsync(port, "nobody", "n");
        await using var alice = await LoginAsync(port, "alice", "wonder");
        await using var orders = await LoginAsync(port, "orders", "o");
        Assert.Equal(string.Empty, await nobody.ExchangeAsync("SUB > 1\r\n"));
        Assert.Equal(string.Empty, await alice.ExchangeAsync("SUB > 1\r\n"));

        Assert.Equal(string.Empty, await orders.ExchangeAsync(Pub("orders.new", "apple") + Pub("private.x", "p")));

        return await nobody.ExchangeAsync(string.Empty) + await alice.ExchangeAsync(string.Empty);
    }

    private static async Task<string> StreamImportAsync(int port)
    {
        await using var shop = await LoginAsync(port, "shop", "s");
        await using var orders = await LoginAsync(port, "orders", "o");
        Assert.Equal(string.Empty, await shop.ExchangeAsync("SUB from.orders.> 1\r\n"));

        Assert.Equal(string.Empty, await orders.ExchangeAsync(Pub("orders.new", "apple")));

        return await shop.ExchangeAsync(string.Empty);
    }

    private static async Task<string> ServiceImportAsync(int port)
    {
        await using var shop = await LoginAsync(port, "shop", "s");
        await using var orders = await LoginAsync(port, "orders", "o");
        Assert.Equal(string.Empty, await orders.ExchangeAsync("SUB stock.* 1\r\n"));
        Assert.Equal(string.Empty, await shop.ExchangeAsync("SUB _INBOX.shop 1\r\nPUB inventory.apple _INBOX.shop 1\r\n?\r\n"));

        var request = await orders.ExchangeAsync(string.Empty);
        var reply = ReplySubjects().Match(request).Value;
        Assert.Equal(string.Empty, await orders.ExchangeAsync(Pub(reply, "12")));
        return request + "|" + await shop.ExchangeAsync(string.Empty);
    }

    [GeneratedRegex(@"_R_\.[A-Za-z0-9.]+")]
    private static partial Regex ReplySubjects();

    private sealed record Case(Func<int, Task<string>> Run, string Expected);
}
