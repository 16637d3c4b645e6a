using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using NATS.NKeys;
using Nats.Edge.Server.Accounts;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Tests.Unit.Security;

/// <summary>Who a CONNECT logs in as, decided in nats-server's order.</summary>
public class AuthenticatorTests
{
    private const string Nonce = "T3jRf1bx0DnEIHQ8r0vIdQ";

    [Fact]
    public void Without_any_credentials_configured_everyone_logs_in_to_the_global_account()
    {
        var options = new ServerOptions();
        var authenticator = Create(options, out var accounts);

        var user = authenticator.Authenticate(Connect(new { }), Nonce, null);

        Assert.False(authenticator.Required);
        Assert.NotNull(user);
        Assert.Same(accounts.Global, user.Account);
        Assert.Null(user.Permissions);
    }

    [Fact]
    public void Token_auth_admits_the_right_token()
    {
        var authenticator = Create(new ServerOptions { AuthorizationToken = "t0k3n" });

        Assert.True(authenticator.Required);
        Assert.NotNull(authenticator.Authenticate(Connect(new { auth_token = "t0k3n" }), Nonce, null));
    }

    [Fact]
    public void Token_auth_refuses_a_wrong_token()
    {
        var authenticator = Create(new ServerOptions { AuthorizationToken = "t0k3n" });

        Assert.Null(authenticator.Authenticate(Connect(new { auth_token = "guess" }), Nonce, null));
    }

    [Fact]
    public void Token_auth_refuses_a_client_without_a_token()
    {
        var authenticator = Create(new ServerOptions { AuthorizationToken = "t0k3n" });

        Assert.Null(authenticator.Authenticate(Connect(new { }), Nonce, null));
    }

    [Fact]
    public void Single_user_admits_the_right_password()
    {
        var authenticator = Create(new ServerOptions { Username = "board", Password = "s3cret" });

        Assert.NotNull(authenticator.Authenticate(Connect(new { user = "board", pass = "s3cret" }), Nonce, null));
    }

    [Fact]
    public void Single_user_refuses_a_wrong_password()
    {
        var authenticator = Create(new ServerOptions { Username = "board", Password = "s3cret" });

        Assert.Null(authenticator.Authenticate(Connect(new { user = "board", pass = "guess" }), Nonce, null));
    }

    [Fact]
    public void Single_user_refuses_another_user_name()
    {
        var authenticator = Create(new ServerOptions { Username = "board", Password = "s3cret" });

        Assert.Null(authenticator.Authenticate(Connect(new { user = "other", pass = "s3cret" }), Nonce, null));
    }

    [Fact]
    public void Users_list_admits_a_user_with_a_bcrypt_password()
    {
        var authenticator = Create(new ServerOptions
        {
            Users = [new UserOptions { Username = "alice", Password = BCrypt.Net.BCrypt.HashPassword("s3cret", 4) }],
        });

        var user = authenticator.Authenticate(Connect(new { user = "alice", pass = "s3cret" }), Nonce, null);

        Assert.NotNull(user);
        Assert.Equal("alice", user.Name);
    }

    [Fact]
    public void Users_list_refuses_a_wrong_password_against_a_bcrypt_hash()
    {
        var authenticator = Create(new ServerOptions
        {
            Users = [new UserOptions { Username = "alice", Password = BCrypt.Net.BCrypt.HashPassword("s3cret", 4) }],
        });

        Assert.Null(authenticator.Authenticate(Connect(new { user = "alice", pass = "guess" }), Nonce, null));
    }

    [Fact]
    public void Users_list_refuses_an_unknown_user()
    {
        var authenticator = Create(new ServerOptions { Users = [new UserOptions { Username = "alice", Password = "a" }] });

        Assert.Null(authenticator.Authenticate(Connect(new { user = "mallory", pass = "a" }), Nonce, null));
    }

    [Fact]
    public void Users_list_tells_each_user_apart_by_password()
    {
        var authenticator = Create(new ServerOptions
        {
            Users = [new UserOptions { Username = "alice", Password = "a" }, new UserOptions { Username = "bob", Password = "b" }],
        });

        Assert.Null(authenticator.Authenticate(Connect(new { user = "alice", pass = "b" }), Nonce, null));
        Assert.Equal("bob", authenticator.Authenticate(Connect(new { user = "bob", pass = "b" }), Nonce, null)?.Name);
    }

    [Fact]
    public void User_with_permissions_gets_them_compiled()
    {
        var authenticator = Create(new ServerOptions
        {
            Users =
            [
                new UserOptions
                {
                    Username = "alice",
                    Password = "a",
                    Permissions = new PermissionOptions { Publish = new SubjectPermissionOptions { Allow = ["sensors.>"] } },
                },
            ],
        });

        var user = authenticator.Authenticate(Connect(new { user = "alice", pass = "a" }), Nonce, null);

        Assert.NotNull(user?.Permissions);
        Assert.True(user.Permissions.MayPublish("sensors.temp"u8));
        Assert.False(user.Permissions.MayPublish("admin.reboot"u8));
    }

    [Fact]
    public void No_auth_user_logs_in_a_client_without_credentials_as_that_user()
    {
        var authenticator = Create(new ServerOptions
        {
            Users = [new UserOptions { Username = "guest", Password = "g" }, new UserOptions { Username = "alice", Password = "a" }],
            NoAuthUser = "guest",
        });

        Assert.Equal("guest", authenticator.Authenticate(Connect(new { }), Nonce, null)?.Name);
    }

    [Fact]
    public void No_auth_user_does_not_rescue_a_client_with_wrong_credentials()
    {
        var authenticator = Create(new ServerOptions
        {
            Users = [new UserOptions { Username = "guest", Password = "g" }, new UserOptions { Username = "alice", Password = "a" }],
            NoAuthUser = "guest",
        });

        Assert.Null(authenticator.Authenticate(Connect(new { user = "alice", pass = "wrong" }), Nonce, null));
    }

    [Fact]
    public void No_auth_user_still_lets_other_users_log_in_with_their_credentials()
    {
        var authenticator = Create(new ServerOptions
        {
            Users = [new UserOptions { Username = "guest", Password = "g" }, new UserOptions { Username = "alice", Password = "a" }],
            NoAuthUser = "guest",
        });

        Assert.Equal("alice", authenticator.Authenticate(Connect(new { user = "alice", pass = "a" }), Nonce, null)?.Name);
    }

    [Fact]
    public void No_auth_user_naming_an_unknown_user_is_refused()
    {
        var options = new ServerOptions { Users = [new UserOptions { Username = "alice", Password = "a" }], NoAuthUser = "ghost" };

        var error = Assert.Throws<ServerOptionsException>(() => new Authenticator(options, new AccountRegistry(options)));

        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_user_name_is_refused()
    {
        var options = new ServerOptions
        {
            Users = [new UserOptions { Username = "alice", Password = "a" }, new UserOptions { Username = "alice", Password = "b" }],
        };

        Assert.Throws<ServerOptionsException>(() => new Authenticator(options, new AccountRegistry(options)));
    }

    [Fact]
    public void Nkey_user_with_a_signature_over_the_nonce_logs_in()
    {
        using var key = KeyPair.CreatePair(PrefixByte.User);
        var authenticator = Create(new ServerOptions { Users = [new UserOptions { Nkey = key.GetPublicKey() }] });

        var user = authenticator.Authenticate(Connect(new { nkey = key.GetPublicKey(), sig = Sign(key, Nonce) }), Nonce, null);

        Assert.True(authenticator.NonceRequired);
        Assert.NotNull(user);
        Assert.Equal(key.GetPublicKey(), user.Name);
    }

    [Fact]
    public void Nkey_user_with_a_bad_signature_is_refused()
    {
        using var key = KeyPair.CreatePair(PrefixByte.User);
        var authenticator = Create(new ServerOptions { Users = [new UserOptions { Nkey = key.GetPublicKey() }] });

        Assert.Null(authenticator.Authenticate(Connect(new { nkey = key.GetPublicKey(), sig = Sign(key, "another-nonce") }), Nonce, null));
    }

    [Fact]
    public void Nkey_user_without_a_signature_is_refused()
    {
        using var key = KeyPair.CreatePair(PrefixByte.User);
        var authenticator = Create(new ServerOptions { Users = [new UserOptions { Nkey = key.GetPublicKey() }] });

        Assert.Null(authenticator.Authenticate(Connect(new { nkey = key.GetPublicKey() }), Nonce, null));
    }

    [Fact]
    public void Nkey_that_is_not_configured_is_refused_even_when_correctly_signed()
    {
        using var known = KeyPair.CreatePair(PrefixByte.User);
        using var stranger = KeyPair.CreatePair(PrefixByte.User);
        var authenticator = Create(new ServerOptions { Users = [new UserOptions { Nkey = known.GetPublicKey() }] });

        Assert.Null(authenticator.Authenticate(Connect(new { nkey = stranger.GetPublicKey(), sig = Sign(stranger, Nonce) }), Nonce, null));
    }

    [Fact]
    public void Nkey_login_without_a_nonce_sent_is_refused()
    {
        using var key = KeyPair.CreatePair(PrefixByte.User);
        var authenticator = Create(new ServerOptions { Users = [new UserOptions { Nkey = key.GetPublicKey() }] });

        Assert.Null(authenticator.Authenticate(Connect(new { nkey = key.GetPublicKey(), sig = Sign(key, Nonce) }), nonce: null, null));
    }

    [Fact]
    public void User_in_an_account_logs_in_to_that_account()
    {
        var options = new ServerOptions
        {
            Accounts = [new AccountOptions { Name = "factory" }],
            Users = [new UserOptions { Username = "alice", Password = "a", Account = "factory" }],
        };
        var authenticator = Create(options, out var accounts);

        var user = authenticator.Authenticate(Connect(new { user = "alice", pass = "a" }), Nonce, null);

        Assert.NotNull(user);
        Assert.Same(accounts.Find("factory"), user.Account);
    }

    [Fact]
    public void Nkey_user_in_an_account_logs_in_to_that_account()
    {
        using var key = KeyPair.CreatePair(PrefixByte.User);
        var options = new ServerOptions
        {
            Accounts = [new AccountOptions { Name = "factory" }],
            Users = [new UserOptions { Nkey = key.GetPublicKey(), Account = "factory" }],
        };
        var authenticator = Create(options, out var accounts);

        var user = authenticator.Authenticate(Connect(new { nkey = key.GetPublicKey(), sig = Sign(key, Nonce) }), Nonce, null);

        Assert.Same(accounts.Find("factory"), user?.Account);
    }

    [Fact]
    public void User_without_an_account_logs_in_to_the_global_account()
    {
        var options = new ServerOptions { Users = [new UserOptions { Username = "alice", Password = "a" }] };
        var authenticator = Create(options, out var accounts);

        Assert.Same(accounts.Global, authenticator.Authenticate(Connect(new { user = "alice", pass = "a" }), Nonce, null)?.Account);
    }

    [Fact]
    public void Malformed_nkey_in_the_options_stops_the_server_from_starting() =>
        Assert.Throws<ServerOptionsException>(() => Create(new ServerOptions { Users = [new UserOptions { Nkey = "UNOTAKEY" }] }));

    private static Authenticator Create(ServerOptions options) => Create(options, out _);

    private static Authenticator Create(ServerOptions options, out AccountRegistry accounts)
    {
        accounts = new AccountRegistry(options);
        return new Authenticator(options, accounts);
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
