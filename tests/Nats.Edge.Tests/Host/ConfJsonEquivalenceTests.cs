using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>A nats conf file and the JSON file that says the same load into the same options.</summary>
public sealed class ConfJsonEquivalenceTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public ConfJsonEquivalenceTests() =>
        _folder.Write("auth.conf", "authorization {\n  user: included\n  password: \"from include\"\n}");

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "listen",
            "listen: 127.0.0.1:4333",
            """{ "listen": "127.0.0.1:4333" }"""
        },
        {
            "listen port only",
            "listen 4334",
            """{ "listen": 4334 }"""
        },
        {
            "host and port",
            "host = 10.0.0.1\nport: 4335",
            """{ "host": "10.0.0.1", "port": 4335 }"""
        },
        {
            "sizes",
            "max_payload: 1MB\nmax_pending: 1M\nmax_control_line: 2KB",
            """{ "max_payload": 1048576, "max_pending": 1000000, "max_control_line": "2KB" }"""
        },
        {
            "durations",
            "ping_interval: \"2m\"\nwrite_deadline: 500ms\nauthorization { timeout: 3 }",
            """{ "ping_interval": "2m", "write_deadline": "500ms", "authorization": { "timeout": 3 } }"""
        },
        {
            "booleans and logging",
            "no_header_support: yes\ndebug: on\ntrace: off\nlog_file: /var/log/edge.log",
            """{ "no_header_support": true, "debug": true, "trace": false, "log_file": "/var/log/edge.log" }"""
        },
        {
            "authorization with users and permissions",
            """
            authorization {
              default_permissions { publish: "public.>" }
              users = [
                { user: alice, password: a1, permissions: {
                    publish: { allow: ["sensors.>", "_INBOX.>"], deny: "sensors.secret" }
                    subscribe: ["commands.>", "_INBOX.>"]
                    allow_responses: { max: 2, expires: "1m" }
                } }
                { user: bob, password: "$2a$11$PWIFAL8RsWyGI3jVZtO9Nu8.6jOxzxfZo7c/W0eLk017hjgUKWrhy" }
                { nkey: UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4 }
              ]
            }
            """,
            """
            { "authorization": {
                "default_permissions": { "publish": "public.>" },
                "users": [
                  { "user": "alice", "password": "a1", "permissions": {
                      "publish": { "allow": ["sensors.>", "_INBOX.>"], "deny": "sensors.secret" },
                      "subscribe": ["commands.>", "_INBOX.>"],
                      "allow_responses": { "max": 2, "expires": "1m" } } },
                  { "user": "bob", "password": "$2a$11$PWIFAL8RsWyGI3jVZtO9Nu8.6jOxzxfZo7c/W0eLk017hjgUKWrhy" },
                  { "nkey": "UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4" } ] } }
            """
        },
        {
            "accounts with exports and imports",
            """
            accounts {
              SENSORS: {
                users: [ { user: pi, password: pw } ]
                exports: [ { stream: "readings.>" }, { service: "cmd.>", response: stream } ]
              }
              APP {
                users = [ { user: app, password: pw } ]
                imports = [
                  { stream: { account: SENSORS, subject: "readings.>" }, prefix: sensors }
                  { service: { account: SENSORS, subject: "cmd.>" }, to: "app.cmd.>" }
                ]
              }
            }
            system_account: SENSORS
            no_auth_user: app
            """,
            """
            { "accounts": {
                "SENSORS": {
                  "users": [ { "user": "pi", "password": "pw" } ],
                  "exports": [ { "stream": "readings.>" }, { "service": "cmd.>", "response": "stream" } ] },
                "APP": {
                  "users": [ { "user": "app", "password": "pw" } ],
                  "imports": [
                    { "stream": { "account": "SENSORS", "subject": "readings.>" }, "prefix": "sensors" },
                    { "service": { "account": "SENSORS", "subject": "cmd.>" }, "to": "app.cmd.>" } ] } },
              "system_account": "SENSORS", "no_auth_user": "app" }
            """
        },
        {
            "leafnodes remotes with deny lists",
            """
            leafnodes {
              listen: 127.0.0.1:7422
              reconnect: "3s"
              authorization { user: leaf, password: pw, timeout: 0.5 }
              remotes [
                {
                  url: "nats-leaf://hub.example.com:7422"
                  account: "$G"
                  credentials: hub.creds
                  deny_imports: ["admin.>"]
                  deny_exports: ["local.>", "debug.>"]
                }
                { urls: [ nats-leaf://a:7422, nats-leaf://b:7422 ], deny_imports: "x.>" }
              ]
            }
            """,
            """
            { "leafnodes": {
                "listen": "127.0.0.1:7422", "reconnect": "3s",
                "authorization": { "user": "leaf", "password": "pw", "timeout": 0.5 },
                "remotes": [
                  { "url": "nats-leaf://hub.example.com:7422", "account": "$G", "credentials": "hub.creds",
                    "deny_imports": ["admin.>"], "deny_exports": ["local.>", "debug.>"] },
                  { "urls": ["nats-leaf://a:7422", "nats-leaf://b:7422"], "deny_imports": "x.>" } ] } }
            """
        },
        {
            "tls block",
            "tls {\n  cert_file: certs/server.pem\n  key_file: \"certs/server-key.pem\"\n  ca_file: /etc/ca.pem\n  verify: true\n  timeout: 3\n}",
            """{ "tls": { "cert_file": "certs/server.pem", "key_file": "certs/server-key.pem", "ca_file": "/etc/ca.pem", "verify": true, "timeout": 3 } }"""
        },
        {
            "include",
            "port: 4336\ninclude \"auth.conf\"",
            """{ "port": 4336, "authorization": { "user": "included", "password": "from include" } }"""
        },
        {
            "variables",
            "limit: 2MB\nadmin_pass: 'pw'\nmax_payload: $limit\nserver_name: $EDGE_NAME\nauthorization { user: admin, password: $admin_pass }",
            """{ "max_payload": 2097152, "server_name": "edge-7", "authorization": { "user": "admin", "password": "pw" } }"""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Conf_and_json_load_into_the_same_options(string name, string conf, string json)
    {
        var fromConf = Load($"{name}.conf", conf);
        var fromJson = Load($"{name}.json", json);

        // The case must set something, or the comparison proves nothing.
        Assert.NotEqual(Load("empty.json", "{}"), fromJson);
        Assert.Equal(fromJson, fromConf);
    }

    private string Load(string name, string text)
    {
        var loaded = TempConfigFolder.Load(_folder.Write(name, text), environment: variable => variable == "EDGE_NAME" ? "edge-7" : null);
        return CanonicalJson.Of(loaded);
    }
}
