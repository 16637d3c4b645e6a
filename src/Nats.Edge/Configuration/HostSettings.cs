namespace Nats.Edge.Configuration;

/// <summary>What the config file says about the process rather than the server: logging and the files it writes.</summary>
internal sealed record HostSettings
{
    public bool Debug { get; init; }

    public bool Trace { get; init; }

    public string? LogFile { get; init; }

    /// <summary>Bytes after which the log file is rotated; 0 never rotates (<c>log_size_limit</c>).</summary>
    public long LogSizeLimit { get; init; }

    /// <summary>Whether lines carry a timestamp (<c>logtime</c>, <c>-T</c>).</summary>
    public bool LogTime { get; init; } = true;

    public bool LogTimeUtc { get; init; }

    /// <summary>Log to the local syslog daemon (<c>syslog</c>, <c>-s</c>).</summary>
    public bool Syslog { get; init; }

    /// <summary>Log to a syslog server, <c>udp://host:514</c> (<c>remote_syslog</c>, <c>-r</c>).</summary>
    public string? RemoteSyslog { get; init; }

    public string? PidFile { get; init; }

    /// <summary>Folder for <c>&lt;program&gt;_&lt;pid&gt;.ports</c>, which tools that spawn a server read (<c>ports_file_dir</c>).</summary>
    public string? PortsFileDir { get; init; }
}
