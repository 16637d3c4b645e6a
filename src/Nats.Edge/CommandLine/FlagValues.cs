using System.Globalization;
using Nats.Edge.Configuration;

namespace Nats.Edge.CommandLine;

/// <summary>The ways a flag's value is read, as nats-server's flags read them; each refusal names the flag.</summary>
internal static class FlagValues
{
    public static FlagValue<string> Text { get; } = new(isSwitch: false, static (_, text) => text);

    /// <summary>Go's booleans: <c>1</c>, <c>t</c>, <c>true</c>, <c>0</c>, <c>f</c>, <c>false</c>, in any case.</summary>
    public static FlagValue<bool> Switch { get; } = new(isSwitch: true, static (name, text) => text.ToLowerInvariant() switch
    {
        "1" or "t" or "true" => true,
        "0" or "f" or "false" => false,
        _ => throw new CommandLineException($"invalid boolean value \"{text}\" for -{name}"),
    });

    public static FlagValue<int> Port { get; } = new(isSwitch: false, static (name, text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port) && port is >= -1 and <= 65535
            ? port
            : throw new CommandLineException($"invalid value \"{text}\" for -{name}: a port is -1 (random), 0 or 1-65535"));

    /// <summary>A size that fits an int, as a payload's must.</summary>
    public static FlagValue<int> IntSize { get; } = new(isSwitch: false, static (name, text) => (int)ParseSize(name, text, int.MaxValue));

    public static FlagValue<long> Size { get; } = new(isSwitch: false, static (name, text) => ParseSize(name, text, long.MaxValue));

    /// <summary>
    /// <c>nats://0.0.0.0:6222</c>, with the <c>user:pass@</c> routes must log in with; port -1 (which
    /// a URI cannot hold) picks a free one, as 0 does.
    /// </summary>
    public static FlagValue<Uri> ClusterUrl { get; } = new(isSwitch: false, static (name, text) =>
        Uri.TryCreate(text.EndsWith(":-1", StringComparison.Ordinal) ? text[..^2] + "0" : text, UriKind.Absolute, out var url)
            && url.Scheme is "nats" or "nats-route" && !string.IsNullOrEmpty(url.Host)
            ? url
            : throw new CommandLineException($"invalid value \"{text}\" for -{name}: not a nats://host:port URL"));

    /// <summary>Route URLs separated by commas, each <c>nats-route://[user:pass@]host:port</c>.</summary>
    public static FlagValue<List<string>> Routes { get; } = new(isSwitch: false, static (name, text) =>
    {
        var routes = new List<string>();
        foreach (var route in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            routes.Add(ServerUrls.TryParseRoute(route, out _)
                ? route
                : throw new CommandLineException($"invalid value \"{route}\" for -{name}: not a nats-route://host:port URL"));
        }

        return routes;
    });

    /// <summary><c>nats-leaf://user:pass@hub.example.com:7422</c>, or just <c>hub.example.com</c> (port 7422).</summary>
    public static FlagValue<string> HubUrl { get; } = new(isSwitch: false, static (name, text) =>
        ServerUrls.TryParseLeaf(text, out _)
            ? text
            : throw new CommandLineException($"invalid value \"{text}\" for -{name}: not a nats-leaf://, nats://, tls://, ws:// or wss:// URL"));

    /// <summary>A nats-server flag nats-edge refuses, whatever follows it, saying <paramref name="why"/>.</summary>
    public static FlagValue<bool> Refused(string why) => new(isSwitch: true, (name, _) => throw new CommandLineException($"-{name}: {why}"));

    private static long ParseSize(string name, string text, long max) =>
        ConfigValue.TryParseSize(text, out var size) && size > 0 && size <= max
            ? size
            : throw new CommandLineException($"invalid value \"{text}\" for -{name}: a size such as 1048576 or 1MB");
}
