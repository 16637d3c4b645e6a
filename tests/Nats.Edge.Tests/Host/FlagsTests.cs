using System.Text.RegularExpressions;
using Nats.Edge.CommandLine;
using Nats.Edge.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>
/// The flag table: every flag that overrides a config key is that key on the command line, meaning
/// what the key means, and wins over the file and the environment as nats-server's flags do.
/// </summary>
public sealed partial class FlagsTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Each flag beside the keys it overrides, written as a NATS_EDGE_ variable would write them.
    public static TheoryData<string[], string[]> FlagsAndTheirKeys() => new()
    {
        { ["-a", "10.0.0.1"], ["host=10.0.0.1"] },
        { ["-p", "4333"], ["port=4333"] },
        { ["-n", "pi-kitchen"], ["server_name=pi-kitchen"] },
        { ["--user", "u"], ["authorization:user=u"] },
        { ["--pass", "p"], ["authorization:password=p"] },
        { ["--auth", "t0k3n"], ["authorization:token=t0k3n"] },
        { ["--max_payload", "64KB"], ["max_payload=64KB"] },
        { ["-m", "8222"], ["http_port=8222"] },
        {
            ["--cluster", "nats://ruser:rpass@10.0.0.1:6250"],
            ["cluster:host=10.0.0.1", "cluster:port=6250", "cluster:authorization:user=ruser", "cluster:authorization:password=rpass"]
        },
        { ["--routes", "nats-route://a:6222,nats-route://b:6222"], ["cluster:routes:0=nats-route://a:6222", "cluster:routes:1=nats-route://b:6222"] },
        { ["--cluster_name", "garage"], ["cluster:name=garage"] },
        { ["--leafnode", "nats-leaf://hub:7422"], ["leafnodes:remotes:0:url=nats-leaf://hub:7422"] },
        { ["-P", "/run/nats-edge.pid"], ["pid_file=/run/nats-edge.pid"] },
        { ["--ports_file_dir", "/run/nats-edge"], ["ports_file_dir=/run/nats-edge"] },
        { ["-l", "edge.log"], ["logfile=edge.log"] },
        { ["--log_size_limit", "10MB"], ["log_size_limit=10MB"] },
        { ["--max_traced_msg_len", "64"], ["max_traced_msg_len=64"] },
        { ["-T=false"], ["logtime=false"] },
        { ["--logtime_utc"], ["logtime_utc=true"] },
        { ["-s"], ["syslog=true"] },
        { ["-r", "udp://logs:514"], ["remote_syslog=udp://logs:514"] },
        { ["-D"], ["debug=true"] },
        { ["-V"], ["trace=true"] },
        { ["-DV"], ["debug=true", "trace=true"] },
    };

    [Theory]
    [MemberData(nameof(FlagsAndTheirKeys))]
    public void Flag_means_what_its_keys_mean(string[] flags, string[] keys)
    {
        var fromFlags = TempConfigFolder.Load(null, flags: flags);
        var fromKeys = TempConfigFolder.Load(null, [.. keys.Select(static key => KeyValuePair.Create(key.Split('=')[0], (string?)key.Split('=', 2)[1]))]);

        Assert.Equal(CanonicalJson.Of(fromKeys.Options), CanonicalJson.Of(fromFlags.Options));
        Assert.Equal(CanonicalJson.Of(fromKeys.Host), CanonicalJson.Of(fromFlags.Host));
        Assert.NotEqual(CanonicalJson.Of(TempConfigFolder.Load(null)), CanonicalJson.Of(fromFlags));
    }

    [Fact]
    public void Every_flag_that_overrides_keys_is_shown_above_with_the_keys_it_declares()
    {
        foreach (var flag in Flags.All.Where(static flag => flag.Keys.Count > 0))
        {
            var row = FlagsAndTheirKeys().SingleOrDefault(row => flag.Names.Contains(FlagName(((string[])row[0])[0])));

            Assert.True(row is not null, $"-{flag.Names[0]} has no row in FlagsAndTheirKeys");
            Assert.Equal(flag.Keys.Order(), ((string[])row[1]).Select(DeclaredKey).Distinct().Order());
        }
    }

    [Fact]
    public void Every_key_a_flag_overrides_is_a_key_of_the_config_file()
    {
        foreach (var key in Flags.All.SelectMany(static flag => flag.Keys))
        {
            Assert.True(IsConfigKey(key), $"\"{key}\" is no key of the config file");
        }
    }

    [Fact]
    public void Every_flag_name_belongs_to_one_flag()
    {
        var names = Flags.All.SelectMany(static flag => flag.Names).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Usage_names_only_flags_the_table_declares()
    {
        foreach (Match flag in UsageFlag().Matches(Usage.Text))
        {
            Assert.True(Flags.Find(flag.Groups[1].Value) is not null, $"usage shows -{flag.Groups[1].Value}, which no flag is named");
        }
    }

    [Fact]
    public void A_flag_wins_over_the_file_and_the_environment()
    {
        var path = _folder.Write("server.conf", "port: 4333");

        Assert.Equal(4555, TempConfigFolder.Load(path, [new("port", "4444")], flags: ["-p", "4555"]).Options.Port);
    }

    [Fact]
    public void A_later_flag_wins_over_an_earlier_one() =>
        Assert.Equal(4555, TempConfigFolder.Load(null, flags: ["-p", "4333", "--port=4555"]).Options.Port);

    [Fact]
    public void Address_and_port_flags_win_over_the_parts_of_the_files_listen()
    {
        var path = _folder.Write("server.conf", "listen: 10.0.0.1:4333");

        var options = TempConfigFolder.Load(path, flags: ["-p", "4555"]).Options;

        Assert.Equal(("10.0.0.1", 4555), (options.Host, options.Port));
    }

    [Fact]
    public void Routes_flag_replaces_the_files_routes()
    {
        var path = _folder.Write("server.conf", "cluster { routes: [ nats-route://a:6222, nats-route://b:6222 ] }");

        var routes = TempConfigFolder.Load(path, flags: ["--routes", "nats-route://c:6222"]).Options.Cluster!.Routes;

        Assert.Equal(["nats-route://c:6222/"], routes.Select(static url => url.ToString()));
    }

    [Fact]
    public void Cluster_flag_without_a_port_keeps_the_files()
    {
        var path = _folder.Write("server.conf", "cluster { listen: 10.0.0.1:6250, authorization { user: ruser, password: rpass } }");

        var cluster = TempConfigFolder.Load(path, flags: ["--cluster", "nats://10.0.0.2"]).Options.Cluster!;

        Assert.Equal(("10.0.0.2", 6250, "ruser", "rpass"), (cluster.Host, cluster.Port, cluster.Username, cluster.Password));
    }

    [Fact]
    public void Leafnode_flag_adds_a_hub_after_the_files_remotes()
    {
        var path = _folder.Write("server.conf", "leafnodes { remotes: [ { url: nats-leaf://hub-a, account: A } ] }");

        var remotes = TempConfigFolder.Load(path, flags: ["--leafnode", "hub-b"]).Options.Leafnodes!.Remotes;

        Assert.Equal([("nats-leaf://hub-a/", "A"), ("nats-leaf://hub-b/", null)], remotes.Select(static remote => (remote.Urls[0].ToString(), remote.Account)));
    }

    [Fact]
    public void Debug_flag_set_false_leaves_the_files_debug_on()
    {
        var path = _folder.Write("server.conf", "debug: true");

        Assert.True(TempConfigFolder.Load(path, flags: ["-D=false"]).Host.Debug);
    }

    [Fact]
    public void Logtime_flag_set_false_turns_the_files_logtime_off()
    {
        var path = _folder.Write("server.conf", "logtime: true");

        Assert.False(TempConfigFolder.Load(path, flags: ["-T=false"]).Host.LogTime);
    }

    // "--routes" and "-T=false" are named "routes" and "T".
    private static string FlagName(string arg) => arg.TrimStart('-').Split('=')[0];

    // "cluster:routes:1=…" is the key "cluster.routes"; list indexes are no part of a key's name.
    private static string DeclaredKey(string keyAndValue) =>
        string.Join('.', keyAndValue.Split('=')[0].Split(':').Where(static part => !part.All(char.IsAsciiDigit)));

    private static bool IsConfigKey(string key)
    {
        var keys = ConfigFile.Keys;
        var parts = key.Split('.');
        for (var i = 0; ; i++)
        {
            if (!keys.TryFind(parts[i], out var found, out _) || found.Shape == KeyShape.Unsupported)
            {
                return false;
            }

            if (i == parts.Length - 1)
            {
                return true;
            }

            if (found.Block is null)
            {
                return false;
            }

            keys = found.Block;
        }
    }

    // A flag as usage shows it: "-a", "--addr", "-T=false"; not the dash of "nats-edge" or "-1".
    [GeneratedRegex(@"(?<![\w-])--?([A-Za-z][A-Za-z_]*)")]
    private static partial Regex UsageFlag();
}
