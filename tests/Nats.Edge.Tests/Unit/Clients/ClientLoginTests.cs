using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using NATS.NKeys;
using Nats.Edge.Server.Accounts;
using Nats.Edge.Server.Clients;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Security;
using static Nats.Edge.Tests.Unit.Subjects.TestSubscriptions;

namespace Nats.Edge.Tests.Unit.Clients;

/// <summary>What a client connection learns and decides at CONNECT, and how a reload checks it again.</summary>
public class ClientLoginTests
{
    private static readonly AccountOptions Factory = new() { Name = "factory" };

    [Fact]
    public void Before_connect_the_client_has_the_default_options_the_global_account_and_no_limits()
    {
        var (login, accounts, _) = Create(new ServerOptions());

        Assert.False(login.IsLoggedIn);
        Assert.Same(ConnectOptions.Default, login.Connect);
        Assert.Same(accounts.Global, login.Account);
        Assert.Null(login.UserName);
        Assert.Equal("User \"N/A\"", login.UserForLog);
        Assert.True(login.MayPublish("anything"u8));
        Assert.True(login.MaySubscribe("anything"u8, default));
    }

    [Fact]
    public void Connect_with_the_right_password_logs_in_to_the_users_account_with_its_options()
    {
        var (login, accounts, authenticator) = Create(Alice(account: "factory"));
        var connect = Connect(new { user = "alice", pass = "a", verbose = false });

        Assert.True(login.LogIn(connect, authenticator, null));

        Assert.True(login.IsLoggedIn);
        Assert.Same(connect, login.Connect);
        Assert.Same(accounts.Find("factory"), login.Account);
        Assert.Equal("alice", login.UserName);
        Assert.Equal("User \"alice\"", login.UserForLog);
    }

    [Fact]
    public void Connect_with_a_wrong_password_is_refused_and_leaves_the_client_as_it_was()
    {
        var (login, accounts, authenticator) = Create(Alice(account: "factory"));

        Assert.False(login.LogIn(Connect(new { user = "alice", pass = "guess" }), authenticator, null));

        Assert.False(login.IsLoggedIn);
        Assert.Same(ConnectOptions.Default, login.Connect);
        Assert.Same(accounts.Global, login.Account);
    }

    [Theory]
    [InlineData("{\"account\":\"factory\"}")]
    [InlineData("{\"new_account\":true}")]
    public void Connect_asking_for_an_account_is_refused_even_when_no_credentials_are_required(string json)
    {
        var (login, _, authenticator) = Create(new ServerOptions { Accounts = [Factory] });

        Assert.False(login.LogIn(ConnectOptions.Parse(Encoding.UTF8.GetBytes(json))!, authenticator, null));
    }

    [Fact]
    public void Repeated_connect_replaces_the_options_but_the_first_one_decided_the_user()
    {
        var (login, accounts, authenticator) = Create(new ServerOptions
        {
            Accounts = [Factory],
            Users = [new UserOptions { Username = "alice", Password = "a", Account = "factory" }, new UserOptions { Username = "bob", Password = "b" }],
        });
        login.LogIn(Connect(new { user = "alice", pass = "a" }), authenticator, null);
        var again = Connect(new { user = "bob", pass = "b", echo = false });

        Assert.True(login.LogIn(again, authenticator, null));

        Assert.Same(again, login.Connect);
        Assert.Equal("alice", login.UserName);
        Assert.Same(accounts.Find("factory"), login.Account);
    }

    [Fact]
    public void Repeated_connect_with_wrong_credentials_is_refused_and_the_first_login_stands()
    {
        var (login, _, authenticator) = Create(Alice());
        var first = Connect(new { user = "alice", pass = "a" });
        login.LogIn(first, authenticator, null);

        Assert.False(login.LogIn(Connect(new { user = "alice", pass = "guess" }), authenticator, null));

        Assert.True(login.IsLoggedIn);
        Assert.Same(first, login.Connect);
    }

    [Fact]
    public void Publish_permissions_of_the_user_decide_what_it_may_publish()
    {
        var login = LoggedInAlice(new PermissionOptions { Publish = new SubjectPermissionOptions { Allow = ["sensors.>"], Deny = ["sensors.secret"] } });

        Assert.True(login.MayPublish("sensors.temp"u8));
        Assert.False(login.MayPublish("sensors.secret"u8));
        Assert.False(login.MayPublish("actuators.valve"u8));
    }

    [Fact]
    public void Service_user_may_publish_to_the_reply_of_a_request_it_was_delivered_and_nowhere_else()
    {
        var login = LoggedInAlice(new PermissionOptions { Responses = new ResponsePermissionOptions() });
        Assert.False(login.MayPublish("_INBOX.abc"u8));

        login.NoteRequest("_INBOX.abc"u8);
        login.NoteRequest(default);

        Assert.True(login.MayPublish("_INBOX.abc"u8));
        Assert.False(login.MayPublish("_INBOX.other"u8));
    }

    [Fact]
    public void Subscribe_permissions_of_the_user_decide_subjects_and_queues()
    {
        var login = LoggedInAlice(new PermissionOptions { Subscribe = new SubjectPermissionOptions { Allow = ["sensors.>", "orders.* workers"] } });

        Assert.True(login.MaySubscribe("sensors.temp"u8, default));
        Assert.False(login.MaySubscribe("admin.reboot"u8, default));
        Assert.True(login.MaySubscribe("orders.new"u8, "workers"u8));
        Assert.False(login.MaySubscribe("orders.new"u8, "others"u8));
    }

    [Fact]
    public void Wildcard_subscription_wider_than_a_deny_entry_does_not_receive_the_denied_subject()
    {
        var login = LoggedInAlice(new PermissionOptions { Subscribe = new SubjectPermissionOptions { Deny = ["sensors.secret"] } });
        var wildcard = Plain("sensors.*", "1");

        Assert.True(login.MaySubscribe("sensors.*"u8, default));
        Assert.True(login.MayReceive(wildcard, "sensors.temp"u8));
        Assert.False(login.MayReceive(wildcard, "sensors.secret"u8));
    }

    [Fact]
    public void Recheck_after_the_password_changed_refuses_the_login()
    {
        var (login, accounts, authenticator) = Create(Alice());
        login.LogIn(Connect(new { user = "alice", pass = "a" }), authenticator, null);

        Assert.False(login.Recheck(new Authenticator(Alice(password: "changed"), accounts), null));
    }

    [Fact]
    public void Recheck_with_unchanged_credentials_applies_the_users_new_permissions()
    {
        var (login, accounts, authenticator) = Create(Alice());
        login.LogIn(Connect(new { user = "alice", pass = "a" }), authenticator, null);
        var narrowed = Alice(permissions: new PermissionOptions { Publish = new SubjectPermissionOptions { Deny = ["admin.>"] } });

        Assert.True(login.Recheck(new Authenticator(narrowed, accounts), null));

        Assert.False(login.MayPublish("admin.reboot"u8));
        Assert.True(login.MayPublish("sensors.temp"u8));
    }

    [Fact]
    public void Recheck_that_would_move_the_user_to_another_account_refuses_the_login()
    {
        var (login, accounts, authenticator) = Create(Alice(account: "factory"));
        login.LogIn(Connect(new { user = "alice", pass = "a" }), authenticator, null);

        Assert.False(login.Recheck(new Authenticator(Alice(), accounts), null));
        Assert.Same(accounts.Find("factory"), login.Account);
    }

    [Fact]
    public void Nkey_user_logs_in_by_signing_the_issued_nonce_and_passes_a_recheck_with_the_same_one()
    {
        using var key = KeyPair.CreatePair(PrefixByte.User);
        var (login, accounts, authenticator) = Create(new ServerOptions { Users = [new UserOptions { Nkey = key.GetPublicKey() }] });
        login.IssueNonce(authenticator);

        Assert.Equal(22, login.Nonce?.Length);
        Assert.True(login.LogIn(Connect(new { nkey = key.GetPublicKey(), sig = Sign(key, login.Nonce!) }), authenticator, null));
        Assert.Equal($"Nkey \"{key.GetPublicKey()}\"", login.UserForLog);
        Assert.True(login.Recheck(new Authenticator(new ServerOptions { Users = [new UserOptions { Nkey = key.GetPublicKey() }] }, accounts), null));
    }

    [Fact]
    public void Without_nkey_users_no_nonce_is_issued()
    {
        var (login, _, authenticator) = Create(Alice());

        login.IssueNonce(authenticator);

        Assert.Null(login.Nonce);
    }

    private static ServerOptions Alice(string? account = null, string password = "a", PermissionOptions? permissions = null) => new()
    {
        Accounts = [Factory],
        Users = [new UserOptions { Username = "alice", Password = password, Account = account, Permissions = permissions }],
    };

    private static ClientLogin LoggedInAlice(PermissionOptions permissions)
    {
        var (login, _, authenticator) = Create(Alice(permissions: permissions));
        Assert.True(login.LogIn(Connect(new { user = "alice", pass = "a" }), authenticator, null));
        return login;
    }

    private static (ClientLogin Login, AccountRegistry Accounts, Authenticator Authenticator) Create(ServerOptions options)
    {
        var accounts = new AccountRegistry(options);
        return (new ClientLogin(accounts.Global), accounts, new Authenticator(options, accounts));
    }

    private static ConnectOptions Connect(object fields) =>
        ConnectOptions.Parse(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields)))!;

    private static string Sign(KeyPair key, string nonce)
    {
        var signature = new byte[64];
        key.Sign(Encoding.ASCII.GetBytes(nonce), signature);
        return Base64Url.EncodeToString(signature);
    }
}
