using Nats.Edge.Configuration;

namespace Nats.Edge.CommandLine;

/// <summary>What the command line asked for: the host's own flags, and those that override config keys.</summary>
internal sealed record HostArguments
{
    public bool ShowHelp { get; init; }

    public bool ShowVersion { get; init; }

    public string? ConfigFile { get; init; }

    /// <summary><c>-t</c>: check the config file and exit.</summary>
    public bool ConfigTest { get; init; }

    /// <summary><c>--signal ldm=PID</c>: send a running server a command instead of starting one.</summary>
    public string? Signal { get; init; }

    /// <summary>
    /// What the flags that override config keys set in the bound file, in the order they were given:
    /// each wins over the file and the environment, and a later flag over an earlier one.
    /// </summary>
    public IReadOnlyList<Action<ConfigFile>> Overrides { get; init; } = [];
}
