using System.Globalization;

namespace Nats.Edge.Load.Cli;

/// <summary>
/// <c>[command] --name value --flag …</c>. Values are read on demand; anything given but never read
/// is reported, so a mistyped option fails instead of being ignored.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Arguments(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (Command is not null || _options.Count > 0)
                {
                    throw new ArgumentException($"unexpected argument '{arg}'");
                }

                Command = arg;
                continue;
            }

            string name = arg[2..];
            string? value = null;
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            _options[name] = value;
        }
    }

    /// <summary>The first bare word, e.g. <c>compare</c>; null for a single-server run.</summary>
    public string? Command { get; }

    public bool Flag(string name)
    {
        _read.Add(name);
        if (!_options.TryGetValue(name, out string? value))
        {
            return false;
        }

        return value is null ? true : throw new ArgumentException($"--{name} takes no value");
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string Text(string name, string fallback) => Value(name) ?? fallback;

    public string? OptionalText(string name) => Value(name);

    public long Number(string name, long fallback, long min, long max)
    {
        string? text = Value(name);
        if (text is null)
        {
            return fallback;
        }

        if (!long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out long number)
            || number < min || number > max)
        {
            throw new ArgumentException($"--{name} must be a whole number from {min} to {max}, got '{text}'");
        }

        return number;
    }

    /// <summary>Fails on options that no code path read.</summary>
    public void RejectUnread()
    {
        foreach (string name in _options.Keys)
        {
            if (!_read.Contains(name))
            {
                throw new ArgumentException($"unknown option --{name}");
            }
        }
    }

    private string? Value(string name)
    {
        _read.Add(name);
        if (!_options.TryGetValue(name, out string? value))
        {
            return null;
        }

        return value ?? throw new ArgumentException($"--{name} needs a value");
    }
}
