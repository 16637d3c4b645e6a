namespace Nats.Edge.CommandLine;

/// <summary>
/// Reads the command line the way Go's flag package does, with the flags of <see cref="Flags"/>:
/// one or two dashes, <c>-p 4222</c> or <c>-p=4222</c>, switches alone or as <c>-D=true</c>.
/// </summary>
internal static class CommandLineParser
{
    public static HostArguments Parse(IReadOnlyList<string> args)
    {
        var result = new HostArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] != '-')
            {
                throw new CommandLineException($"unexpected argument \"{arg}\"");
            }

            var name = arg.TrimStart('-');
            string? inline = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }

            var flag = Flags.Find(name) ?? throw new CommandLineException($"flag provided but not defined: -{name}");
            var text = inline ?? (flag.IsSwitch ? "true" : NextArgument(args, ref i, name));
            result = flag.Apply(result, name, text);
        }

        return result;
    }

    private static string NextArgument(IReadOnlyList<string> args, ref int i, string name) =>
        i + 1 < args.Count ? args[++i] : throw new CommandLineException($"flag needs an argument: -{name}");
}
