namespace Nats.Edge.Configuration.Conf;

/// <summary>
/// Reads nats-server's configuration syntax ("nats conf", a relaxed superset of JSON; see
/// https://docs.nats.io/running-a-nats-service/configuration) into a tree: blocks, arrays,
/// scalars, <c>include</c> and <c>$variables</c>. Errors name the file and line.
/// </summary>
internal sealed partial class ConfParser
{
    private readonly string _text;
    private readonly string _file;
    private readonly string _folder;
    // The blocks being read, outermost first: a variable is looked up from the innermost outwards.
    private readonly List<ConfMap> _scopes;
    // Full paths of the files being read, outermost first, to refuse an include cycle.
    private readonly List<string> _includes;
    private readonly Func<string, string?> _environment;
    private readonly bool _resolveVariables;
    private int _position;
    private int _line;

    private ConfParser(
        string text, string file, string folder, int line,
        List<ConfMap> scopes, List<string> includes, Func<string, string?> environment, bool resolveVariables)
    {
        _text = text;
        _file = file;
        _folder = folder;
        _line = line;
        _scopes = scopes;
        _includes = includes;
        _environment = environment;
        _resolveVariables = resolveVariables;
    }

    /// <summary>Parses a file; <paramref name="environment"/> answers <c>$NAME</c> when no block defines it.</summary>
    public static ConfMap ParseFile(string path, Func<string, string?> environment)
    {
        var fullPath = Path.GetFullPath(path);
        var root = new ConfMap(new KeyLocation(path, 1));
        var parser = new ConfParser(
            File.ReadAllText(fullPath), path, Path.GetDirectoryName(fullPath)!, line: 1,
            scopes: [root], includes: [fullPath], environment, resolveVariables: true);
        parser.ParseDocument(root);
        return root;
    }

    // A JSON-shaped file wraps its keys in one block; nats-server reads both shapes.
    private void ParseDocument(ConfMap into)
    {
        SkipTrivia();
        if (Peek() != '{')
        {
            ParseEntries(into, close: null, _line);
            return;
        }

        var openLine = _line;
        Advance();
        ParseEntries(into, '}', openLine);
        SkipTrivia();
        if (!AtEnd)
        {
            throw Error($"unexpected '{Peek()}' after the block that closes the file");
        }
    }

    private void ParseEntries(ConfMap map, char? close, int openLine)
    {
        while (true)
        {
            SkipTrivia();
            if (AtEnd)
            {
                if (close is null)
                {
                    return;
                }

                throw Error($"the block opened on line {openLine} is not closed with '}}'");
            }

            if (Peek() == close)
            {
                Advance();
                return;
            }

            var where = Here;
            var (key, quoted) = ReadKey();
            SkipSpaces();
            if (!quoted && key == "include" && !AtValueEnd(close) && Peek() is not (':' or '=' or '{' or '['))
            {
                Include(map);
                EndOfValue(key, close);
                continue;
            }

            if (Peek() is ':' or '=')
            {
                Advance();
                SkipSpaces();
            }

            if (AtValueEnd(close))
            {
                throw Error($"key \"{key}\" has no value");
            }

            // Added only once read, so "port: $port" finds the environment's PORT rather than itself.
            map.Entries[key] = new ConfEntry(where, ParseValue());
            EndOfValue(key, close);
        }
    }

    private (string Key, bool Quoted) ReadKey()
    {
        switch (Peek())
        {
            case '"':
                return (ReadDoubleQuoted(), true);
            case '\'':
                return (ReadSingleQuoted(), true);
        }

        var start = _position;
        while (!AtEnd && Peek() is not (' ' or '\t' or '\r' or '\n' or ':' or '=' or '{' or '[' or '}' or ']' or ',' or ';'))
        {
            Advance();
        }

        return _position > start
            ? (_text[start.._position], false)
            : throw Error($"unexpected '{Peek()}' where a key should start");
    }

    // A ',' or ';' is the value's own end and is consumed; a new line, a comment or the block's end
    // are left for the next entry to read.
    private void EndOfValue(string key, char? close)
    {
        SkipSpaces();
        if (Peek() is ',' or ';')
        {
            Advance();
        }
        else if (!AtValueEnd(close))
        {
            throw Error($"expected a new line, ',' or ';' after the value of \"{key}\", found '{Peek()}'");
        }
    }

    // The included file's keys land in the block being read, at this point, and see its variables.
    private void Include(ConfMap into)
    {
        var name = Peek() switch
        {
            '"' => ReadDoubleQuoted(),
            '\'' => ReadSingleQuoted(),
            _ => ReadBareToken(),
        };
        var fullPath = Path.GetFullPath(Path.Combine(_folder, name));
        if (_includes.Contains(fullPath))
        {
            var cycle = string.Join(" -> ", _includes.Skip(_includes.IndexOf(fullPath)).Append(fullPath).Select(Path.GetFileName));
            throw Error($"include cycle: {cycle}");
        }

        if (!File.Exists(fullPath))
        {
            throw Error($"include file \"{name}\" does not exist");
        }

        _includes.Add(fullPath);
        new ConfParser(
            File.ReadAllText(fullPath), fullPath, Path.GetDirectoryName(fullPath)!, line: 1,
            _scopes, _includes, _environment, _resolveVariables).ParseDocument(into);
        _includes.RemoveAt(_includes.Count - 1);
    }
}
