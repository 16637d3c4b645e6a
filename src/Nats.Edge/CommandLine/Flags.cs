using Nats.Edge.Configuration;
using Nats.Edge.Configuration.Sections;

namespace Nats.Edge.CommandLine;

/// <summary>
/// Every flag, the one place they are declared: its names (nats-server's, so that a harness written
/// for nats-server starts nats-edge alike), how its value is read, and the config keys it overrides.
/// A flag sets its keys in the bound config file, after the file and the <c>NATS_EDGE_</c> variables,
/// so it means what they mean, defaults and checks included; a flag for an option is one line here.
/// </summary>
internal static class Flags
{
    public static IReadOnlyList<Flag> All { get; } =
    [
        Flag.Host(FlagValues.Switch, static (host, on) => host with { ShowHelp = on }, "h", "help"),
        Flag.Host(FlagValues.Switch, static (host, on) => host with { ShowVersion = on }, "v", "version"),
        Flag.Host(FlagValues.Text, static (host, path) => host with { ConfigFile = path }, "c", "config"),
        Flag.Host(FlagValues.Switch, static (host, on) => host with { ConfigTest = on }, "t"),
        Flag.Host(FlagValues.Text, static (host, command) => host with { Signal = command }, "sl", "signal"),
        Flag.Host(FlagValues.Refused("HTTPS monitoring is not supported by nats-edge; use -m"), static (host, _) => host, "ms", "https_port"),

        Flag.Sets(["host"], FlagValues.Text, static (file, host) => file.Host = host, "a", "addr", "net"),
        Flag.Sets(["port"], FlagValues.Port, static (file, port) => file.Port = port, "p", "port"),
        Flag.Sets(["server_name"], FlagValues.Text, static (file, name) => file.ServerName = name, "n", "name", "server_name"),
        Flag.Sets(["authorization.user"], FlagValues.Text, static (file, user) => (file.Authorization ??= new()).User = user, "user"),
        Flag.Sets(["authorization.password"], FlagValues.Text, static (file, password) => (file.Authorization ??= new()).Password = password, "pass"),
        Flag.Sets(["authorization.token"], FlagValues.Text, static (file, token) => (file.Authorization ??= new()).Token = token, "auth"),
        Flag.Sets(["max_payload"], FlagValues.IntSize, static (file, size) => file.MaxPayload = size, "max_payload"),
        Flag.Sets(["http_port"], FlagValues.Port, static (file, port) => file.HttpPort = port, "m", "http_port"),
        Flag.Sets(
            ["cluster.host", "cluster.port", "cluster.authorization.user", "cluster.authorization.password"],
            FlagValues.ClusterUrl, ClusterListen, "cluster", "cluster_listen"),
        Flag.Sets(["cluster.routes"], FlagValues.Routes, static (file, routes) => (file.Cluster ??= new()).Routes = routes, "routes"),
        Flag.Sets(["cluster.name"], FlagValues.Text, static (file, name) => (file.Cluster ??= new()).Name = name, "cluster_name"),
        Flag.Sets(["leafnodes.remotes.url"], FlagValues.HubUrl, AddRemote, "leafnode"),
        Flag.Sets(["pid_file"], FlagValues.Text, static (file, path) => file.PidFile = path, "P", "pid"),
        Flag.Sets(["ports_file_dir"], FlagValues.Text, static (file, path) => file.PortsFileDir = path, "ports_file_dir"),
        Flag.Sets(["logfile"], FlagValues.Text, static (file, path) => file.LogFile = path, "l", "log"),
        Flag.Sets(["log_size_limit"], FlagValues.Size, static (file, size) => file.LogSizeLimit = size, "log_size_limit"),
        Flag.Sets(["logtime"], FlagValues.Switch, static (file, on) => file.LogTime = on, "T", "logtime"),
        Flag.Sets(["logtime_utc"], FlagValues.Switch, static (file, on) => file.LogTimeUtc = on, "logtime_utc"),
        Flag.Sets(["syslog"], FlagValues.Switch, static (file, on) => file.Syslog = on, "s", "syslog"),
        Flag.Sets(["remote_syslog"], FlagValues.Text, static (file, url) => file.RemoteSyslog = url, "r", "remote_syslog"),
        // nats-server's debug and trace flags only ever turn logging up: -D=false leaves the file's
        // debug as it is (a null | false stays null).
        Flag.Sets(["max_traced_msg_len"], FlagValues.IntSize, static (file, length) => file.MaxTracedMsgLen = length, "max_traced_msg_len"),
        Flag.Sets(["debug"], FlagValues.Switch, static (file, on) => file.Debug |= on, "D", "debug"),
        Flag.Sets(["trace"], FlagValues.Switch, static (file, on) => file.Trace |= on, "V", "VV", "trace"),
        Flag.Sets(["debug", "trace"], FlagValues.Switch, static (file, on) =>
        {
            file.Debug |= on;
            file.Trace |= on;
        }, "DV", "DVV"),
    ];

    private static readonly Dictionary<string, Flag> s_byName = ByName();

    /// <summary>The flag named <paramref name="name"/> (without its dashes), or null.</summary>
    public static Flag? Find(string name) => s_byName.GetValueOrDefault(name);

    private static Dictionary<string, Flag> ByName()
    {
        var byName = new Dictionary<string, Flag>(StringComparer.Ordinal);
        foreach (var flag in All)
        {
            foreach (var name in flag.Names)
            {
                byName.Add(name, flag);
            }
        }

        return byName;
    }

    // Where routes are accepted, and the login they must give; a URL without a port keeps the
    // file's, or the default.
    private static void ClusterListen(ConfigFile file, Uri url)
    {
        var cluster = file.Cluster ??= new ClusterSection();
        cluster.Host = url.Host;
        if (!url.IsDefaultPort)
        {
            cluster.Port = url.Port;
        }

        var login = url.UserInfo.Split(':', 2);
        if (login[0].Length > 0)
        {
            (cluster.Authorization ??= new()).User = Uri.UnescapeDataString(login[0]);
        }

        if (login.Length > 1)
        {
            (cluster.Authorization ??= new()).Password = Uri.UnescapeDataString(login[1]);
        }
    }

    // Each --leafnode adds a hub in $G, after the file's remotes.
    private static void AddRemote(ConfigFile file, string url) =>
        ((file.Leafnodes ??= new()).Remotes ??= []).Add(new RemoteSection { Url = [url] });
}
