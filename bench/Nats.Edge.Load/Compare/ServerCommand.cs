namespace Nats.Edge.Load.Compare;

/// <summary>How to start one server under test; the listen flags are added per run.</summary>
internal sealed record ServerCommand(string Label, string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>A native binary runs as is; a framework-dependent <c>.dll</c> runs under <c>dotnet</c>.</summary>
    public static ServerCommand FromPath(string label, string path) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ServerCommand(label, "dotnet", [path])
            : new ServerCommand(label, path, []);

    /// <summary>A whole command line, split on spaces (no quoting).</summary>
    public static ServerCommand FromCommandLine(string label, string commandLine)
    {
        string[] words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            throw new ArgumentException("--edge-cmd is empty");
        }

        return new ServerCommand(label, words[0], words[1..]);
    }

    public override string ToString() =>
        Arguments.Count == 0 ? FileName : FileName + " " + string.Join(' ', Arguments);
}
