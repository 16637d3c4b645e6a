using Nats.Edge.Configuration;

namespace Nats.Edge.CommandLine;

/// <summary>
/// One flag under every name it goes by (Go's flag package takes each with one dash or two): the
/// config keys it overrides, none for the host's own flags, and what it does with its value.
/// </summary>
internal sealed class Flag
{
    private readonly Func<HostArguments, string, string, HostArguments> _apply;

    private Flag(IReadOnlyList<string> keys, bool isSwitch, Func<HostArguments, string, string, HostArguments> apply, IReadOnlyList<string> names)
    {
        Keys = keys;
        IsSwitch = isSwitch;
        _apply = apply;
        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The config keys the flag overrides, as a file spells them (<c>cluster.routes</c>); none for the host's own flags.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <inheritdoc cref="FlagValue{T}.IsSwitch"/>
    public bool IsSwitch { get; }

    /// <summary><paramref name="arguments"/> with the flag applied.</summary>
    /// <param name="arguments">The command line read so far.</param>
    /// <param name="name">The flag as it was given, for errors.</param>
    /// <param name="text">Its value: inline after '=', the next argument, or <c>true</c> for a switch given alone.</param>
    public HostArguments Apply(HostArguments arguments, string name, string text) => _apply(arguments, name, text);

    /// <summary>
    /// A flag that overrides config keys. Its value is read at once, so a bad one is refused before
    /// any file is read; <paramref name="set"/> puts it in the bound file, over the file's and the
    /// environment's, so that it means exactly what its keys mean.
    /// </summary>
    public static Flag Sets<T>(string[] keys, FlagValue<T> value, Action<ConfigFile, T> set, params string[] names) =>
        new(keys, value.IsSwitch, (arguments, name, text) =>
        {
            var read = value.Read(name, text);
            return arguments with { Overrides = [.. arguments.Overrides, file => set(file, read)] };
        }, names);

    /// <summary>One of the host's own flags: help, the file to read, a signal to send.</summary>
    public static Flag Host<T>(FlagValue<T> value, Func<HostArguments, T, HostArguments> set, params string[] names) =>
        new([], value.IsSwitch, (arguments, name, text) => set(arguments, value.Read(name, text)), names);
}
