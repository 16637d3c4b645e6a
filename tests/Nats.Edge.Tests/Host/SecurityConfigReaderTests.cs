using Nats.Edge.Configuration;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Host;

/// <summary>The authorization and accounts blocks of a config file, in every shape nats-server takes.</summary>
public sealed class SecurityConfigReaderTests : IDisposable
{
    [Fact]
    public void Empty_publish_list_is_refused_as_ambiguous()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""
            { "authorization": { "users": [ { "user": "mute", "password": "m", "permissions": { "publish": [] } } ] } }
            """));

        Assert.Contains("key \"authorization.users.0.permissions.publish\": an empty list is ambiguous", error.Message, StringComparison.Ordinal);
    }

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nats-edge-security-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Users_list_reads_user_password_and_permissions()
    {
        var options = Load("""
            {
              "authorization": {
                "users": [
                  { "user": "alice", "password": "a1", "permissions": { "publish": "sensors.>", "subscribe": "commands.>" } },
                  { "user": "bob", "password": "b2" }
                ]
              }
            }
            """);

        Assert.Equal(2, options.Users.Count);
        var alice = options.Users[0];
        Assert.Equal("alice", alice.Username);
        Assert.Equal("a1", alice.Password);
        Assert.Null(alice.Account);
        Assert.Equal(["sensors.>"], alice.Permissions?.Publish?.Allow);
        Assert.Equal(["commands.>"], alice.Permissions?.Subscribe?.Allow);
        Assert.Equal("bob", options.Users[1].Username);
        Assert.Null(options.Users[1].Permissions);
    }

    [Fact]
    public void User_and_pass_spellings_are_accepted()
    {
        var user = Load("""{ "authorization": { "users": [ { "username": "alice", "pass": "a1" } ] } }""").Users[0];

        Assert.Equal("alice", user.Username);
        Assert.Equal("a1", user.Password);
    }

    [Fact]
    public void Nkey_user_is_read()
    {
        var user = Load("""{ "authorization": { "users": [ { "nkey": "UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4" } ] } }""").Users[0];

        Assert.Equal("UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4", user.Nkey);
        Assert.Null(user.Username);
    }

    [Fact]
    public void User_without_a_name_or_nkey_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "authorization": { "users": [ { "password": "a1" } ] } }"""));

        Assert.Contains("authorization.users.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_as_a_string_is_a_one_entry_allow_list()
    {
        var publish = Permissions("""{ "publish": "sensors.>" }""").Publish;

        Assert.Equal(["sensors.>"], publish?.Allow);
        Assert.Null(publish?.Deny);
    }

    [Fact]
    public void Publish_as_a_list_is_an_allow_list()
    {
        var publish = Permissions("""{ "publish": ["sensors.>", "status"] }""").Publish;

        Assert.Equal(["sensors.>", "status"], publish?.Allow);
        Assert.Null(publish?.Deny);
    }

    [Fact]
    public void Publish_list_keeps_its_order_past_ten_entries()
    {
        var publish = Permissions("""{ "publish": ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11"] }""").Publish;

        Assert.Equal(["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11"], publish?.Allow);
    }

    [Fact]
    public void Publish_as_an_object_reads_allow_and_deny_lists()
    {
        var publish = Permissions("""{ "publish": { "allow": ["sensors.>", "status"], "deny": ["sensors.secret", "admin.>"] } }""").Publish;

        Assert.Equal(["sensors.>", "status"], publish?.Allow);
        Assert.Equal(["sensors.secret", "admin.>"], publish?.Deny);
    }

    [Fact]
    public void Publish_deny_as_a_string_is_a_one_entry_deny_list()
    {
        var publish = Permissions("""{ "publish": { "deny": "admin.>" } }""").Publish;

        Assert.Null(publish?.Allow);
        Assert.Equal(["admin.>"], publish?.Deny);
    }

    [Fact]
    public void Pub_and_sub_spellings_are_accepted()
    {
        var permissions = Permissions("""{ "pub": "sensors.>", "sub": { "allow": "commands.>", "deny": "commands.admin" } }""");

        Assert.Equal(["sensors.>"], permissions.Publish?.Allow);
        Assert.Equal(["commands.>"], permissions.Subscribe?.Allow);
        Assert.Equal(["commands.admin"], permissions.Subscribe?.Deny);
    }

    [Fact]
    public void Subscribe_entries_keep_their_queue_names()
    {
        var permissions = Permissions("""{ "subscribe": ["orders.* workers", "status"] }""");

        Assert.Equal(["orders.* workers", "status"], permissions.Subscribe?.Allow);
    }

    [Fact]
    public void Allow_responses_true_takes_nats_server_defaults()
    {
        var responses = Permissions("""{ "allow_responses": true }""").Responses;

        Assert.NotNull(responses);
        Assert.Equal(1, responses.MaxMessages);
        Assert.Equal(TimeSpan.FromMinutes(2), responses.Expires);
    }

    [Fact]
    public void Allow_responses_false_turns_them_off()
    {
        Assert.Null(Permissions("""{ "allow_responses": false }""").Responses);
    }

    [Fact]
    public void Allow_responses_object_reads_max_and_expires()
    {
        var responses = Permissions("""{ "allow_responses": { "max": 5, "expires": "1m" } }""").Responses;

        Assert.NotNull(responses);
        Assert.Equal(5, responses.MaxMessages);
        Assert.Equal(TimeSpan.FromMinutes(1), responses.Expires);
    }

    [Fact]
    public void Allow_responses_object_with_zero_values_takes_the_defaults()
    {
        var responses = Permissions("""{ "allow_responses": { "max": 0, "expires": "0s" } }""").Responses;

        Assert.NotNull(responses);
        Assert.Equal(1, responses.MaxMessages);
        Assert.Equal(TimeSpan.FromMinutes(2), responses.Expires);
    }

    [Fact]
    public void Allow_responses_that_is_not_a_flag_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Permissions("""{ "allow_responses": "sometimes" }"""));

        Assert.Contains("allow_responses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_permissions_apply_to_users_without_their_own()
    {
        var options = Load("""
            {
              "authorization": {
                "default_permissions": { "publish": "public.>" },
                "users": [
                  { "user": "alice", "password": "a1" },
                  { "user": "bob", "password": "b2", "permissions": { "publish": "bob.>" } }
                ]
              }
            }
            """);

        Assert.Equal(["public.>"], options.Users[0].Permissions?.Publish?.Allow);
        Assert.Equal(["bob.>"], options.Users[1].Permissions?.Publish?.Allow);
    }

    [Fact]
    public void Account_default_permissions_apply_to_its_users_without_their_own()
    {
        var options = Load("""
            {
              "accounts": {
                "factory": {
                  "default_permissions": { "subscribe": "factory.>" },
                  "users": [ { "user": "alice", "password": "a1" } ]
                }
              }
            }
            """);

        Assert.Equal(["factory.>"], options.Users[0].Permissions?.Subscribe?.Allow);
    }

    [Fact]
    public void Users_of_an_account_are_bound_to_it()
    {
        var options = Load("""
            {
              "accounts": {
                "factory": { "users": [ { "user": "alice", "password": "a1" } ] },
                "office": { "users": [ { "user": "bob", "password": "b2" } ] }
              }
            }
            """);

        Assert.Equal(["factory", "office"], options.Accounts.Select(static a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal("factory", options.Users.Single(static u => u.Username == "alice").Account);
        Assert.Equal("office", options.Users.Single(static u => u.Username == "bob").Account);
    }

    [Fact]
    public void Authorization_users_and_account_users_are_all_listed()
    {
        var options = Load("""
            {
              "authorization": { "users": [ { "user": "admin", "password": "x" } ] },
              "accounts": { "factory": { "users": [ { "user": "alice", "password": "a1" } ] } }
            }
            """);

        Assert.Equal(["admin", "alice"], options.Users.Select(static u => u.Username!).Order(StringComparer.Ordinal));
        Assert.Null(options.Users.Single(static u => u.Username == "admin").Account);
    }

    [Fact]
    public void Stream_export_is_read()
    {
        var export = Account("""{ "exports": [ { "stream": "telemetry.>" } ] }""").Exports.Single();

        Assert.Equal(ExportKind.Stream, export.Kind);
        Assert.Equal("telemetry.>", export.Subject);
        Assert.Null(export.Accounts);
        Assert.False(export.MultipleResponses);
    }

    [Fact]
    public void Service_export_defaults_to_a_single_response()
    {
        var export = Account("""{ "exports": [ { "service": "time.now" } ] }""").Exports.Single();

        Assert.Equal(ExportKind.Service, export.Kind);
        Assert.Equal("time.now", export.Subject);
        Assert.False(export.MultipleResponses);
    }

    [Fact]
    public void Service_export_with_response_type_stream_allows_multiple_responses()
    {
        var export = Account("""{ "exports": [ { "service": "logs.tail", "response_type": "stream" } ] }""").Exports.Single();

        Assert.True(export.MultipleResponses);
    }

    [Fact]
    public void Service_export_with_an_unknown_response_type_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Account("""{ "exports": [ { "service": "x", "response_type": "lots" } ] }"""));

        Assert.Contains("lots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_accounts_list_is_read()
    {
        var export = Account("""{ "exports": [ { "stream": "telemetry.>", "accounts": ["office", "lab"] } ] }""").Exports.Single();

        Assert.Equal(["office", "lab"], export.Accounts);
    }

    [Fact]
    public void Stream_import_with_a_prefix_is_read()
    {
        var import = Account("""{ "imports": [ { "stream": { "account": "factory", "subject": "telemetry.>" }, "prefix": "plant" } ] }""")
            .Imports.Single();

        Assert.Equal(ExportKind.Stream, import.Kind);
        Assert.Equal("factory", import.Account);
        Assert.Equal("telemetry.>", import.Subject);
        Assert.Equal("plant", import.Prefix);
        Assert.Null(import.To);
    }

    [Fact]
    public void Service_import_with_to_is_read()
    {
        var import = Account("""{ "imports": [ { "service": { "account": "factory", "subject": "time.now" }, "to": "factory.time" } ] }""")
            .Imports.Single();

        Assert.Equal(ExportKind.Service, import.Kind);
        Assert.Equal("factory", import.Account);
        Assert.Equal("time.now", import.Subject);
        Assert.Equal("factory.time", import.To);
        Assert.Null(import.Prefix);
    }

    [Fact]
    public void Import_without_an_account_is_refused()
    {
        Assert.Throws<ConfigException>(() => Account("""{ "imports": [ { "stream": { "subject": "telemetry.>" } } ] }"""));
    }

    [Fact]
    public void No_auth_user_and_system_account_are_read()
    {
        var options = Load("""
            {
              "no_auth_user": "guest",
              "system_account": "ops",
              "accounts": { "ops": { "users": [ { "user": "guest", "password": "g" } ] } }
            }
            """);

        Assert.Equal("guest", options.NoAuthUser);
        Assert.Equal("ops", options.SystemAccount);
    }

    [Fact]
    public void Tls_verify_and_map_is_read()
    {
        var options = Load("""{ "tls": { "cert_file": "server.pem", "key_file": "server-key.pem", "verify_and_map": true } }""");

        Assert.NotNull(options.Tls);
        Assert.True(options.Tls.VerifyAndMap);
    }

    [Theory]
    [InlineData("true", true, null)]
    [InlineData("\"on\"", true, null)]
    [InlineData("false", false, null)]
    [InlineData("\"off\"", false, null)]
    [InlineData("\"auto\"", true, 50)]
    [InlineData("\"auto_fallback\"", true, 50)]
    [InlineData("\"300ms\"", true, 300)]
    public void Handshake_first_takes_nats_servers_spellings(string value, bool first, int? fallbackMilliseconds)
    {
        var tls = Load($$"""{ "tls": { "cert_file": "s.pem", "key_file": "k.pem", "handshake_first": {{value}} } }""").Tls!;
        var leafTls = Load($$"""{ "leafnodes": { "tls": { "cert_file": "s.pem", "key_file": "k.pem", "first": {{value}} } } }""").Leafnodes!.Tls!;

        Assert.Equal((first, fallbackMilliseconds), (tls.HandshakeFirst, (int?)tls.HandshakeFirstFallback?.TotalMilliseconds));
        Assert.Equal((first, fallbackMilliseconds), (leafTls.HandshakeFirst, (int?)leafTls.HandshakeFirstFallback?.TotalMilliseconds));
    }

    [Fact]
    public void Handshake_first_that_is_no_flag_nor_duration_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "tls": { "cert_file": "s.pem", "key_file": "k.pem", "handshake_first": "sometimes" } }"""));

        Assert.Contains("is not true, false, auto or a duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_inside_a_user_is_refused_by_its_path()
    {
        var error = Assert.Throws<ConfigException>(
            () => Load("""{ "authorization": { "users": [ { "user": "alice", "foo": 1 } ] } }"""));

        Assert.Contains("unknown configuration key 'authorization.users.0.foo'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_inside_permissions_is_refused_by_its_path()
    {
        var error = Assert.Throws<ConfigException>(
            () => Load("""{ "authorization": { "users": [ { "user": "alice", "permissions": { "publsh": "x" } } ] } }"""));

        Assert.Contains("authorization.users.0.permissions.publsh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_connection_types_is_refused_as_unsupported()
    {
        var error = Assert.Throws<ConfigException>(
            () => Load("""{ "authorization": { "users": [ { "user": "alice", "allowed_connection_types": ["STANDARD"] } ] } }"""));

        Assert.Contains("allowed_connection_types", error.Message, StringComparison.Ordinal);
        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }

    private ServerOptions Load(string json)
    {
        var path = Path.Combine(_directory.FullName, "edge.json");
        File.WriteAllText(path, json);
        return ConfigFileLoader.Load(path, []).Options;
    }

    private PermissionOptions Permissions(string permissionsJson) =>
        Load($$"""{ "authorization": { "users": [ { "user": "alice", "permissions": {{permissionsJson}} } ] } }""").Users[0].Permissions!;

    private AccountOptions Account(string accountJson) =>
        Load($$"""{ "accounts": { "factory": {}, "office": {{accountJson}} } }""").Accounts.Single(static a => a.Name == "office");
}
