namespace Nats.Edge.CommandLine;

/// <summary>
/// What the command line asked for. Server settings are nullable: null means "not given", so the
/// config file's value (or the default) stays.
/// </summary>
internal sealed record HostArguments
{
    public bool ShowHelp { get; init; }

    public bool ShowVersion { get; init; }

    public string? ConfigFile { get; init; }

    /// <summary><c>-t</c>: check the config file and exit.</summary>
    public bool ConfigTest { get; init; }

    /// <summary><c>--signal ldm=PID</c>: send a running server a command instead of starting one.</summary>
    public string? Signal { get; init; }

    public string? PidFile { get; init; }

    public string? PortsFileDir { get; init; }

    public bool? LogTime { get; init; }

    public bool? LogTimeUtc { get; init; }

    public long? LogSizeLimit { get; init; }

    public bool? Syslog { get; init; }

    public string? RemoteSyslog { get; init; }

    public string? LogFile { get; init; }

    public bool Debug { get; init; }

    public bool Trace { get; init; }

    public string? Host { get; init; }

    public int? Port { get; init; }

    public string? ServerName { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    public string? Token { get; init; }

    public int? MaxPayload { get; init; }

    /// <summary>Monitoring port (<c>-m</c>): 0 off, -1 random.</summary>
    public int? HttpPort { get; init; }

    /// <summary><c>--cluster nats://[user:pass@]host:port</c>: where routes are accepted (and their login).</summary>
    public Uri? ClusterListen { get; init; }

    /// <summary><c>--routes url,url</c>: servers to dial.</summary>
    public IReadOnlyList<Uri> Routes { get; init; } = [];

    public string? ClusterName { get; init; }

    /// <summary>Hub URLs from <c>--leafnode</c> (nats-edge's own flag), each added as a remote in <c>$G</c>.</summary>
    public IReadOnlyList<Uri> Leafnodes { get; init; } = [];
}
