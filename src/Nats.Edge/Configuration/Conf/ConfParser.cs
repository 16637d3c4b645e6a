using System.Globalization;

namespace Nats.Edge.Configuration.Conf;

/// <summary>
/// Reads nats-server's configuration syntax ("nats conf", a relaxed superset of JSON; see
/// https://docs.nats.io/running-a-nats-service/configuration) into a tree: blocks, arrays,
/// scalars, <c>include</c> and <c>$variables</c>. The tokens come from a <see cref="ConfReader"/>;
/// this type gives them their structure and meaning. Errors name the file and line.
/// </summary>
internal sealed class ConfParser
{
    private readonly ConfReader _reader;
    private readonly string _folder;
    // The blocks being read, outermost first: a variable is looked up from the innermost outwards.
    private readonly List<ConfMap> _scopes;
    // Full paths of the files being read, outermost first, to refuse an include cycle.
    private readonly List<string> _includes;
    private readonly Func<string, string?> _environment;
    private readonly bool _resolveVariables;

    private ConfParser(
        ConfReader reader, string folder, List<ConfMap> scopes, List<string> includes, Func<string, string?> environment, bool resolveVariables)
    {
        _reader = reader;
        _folder = folder;
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
            new ConfReader(File.ReadAllText(fullPath), path, line: 1), Path.GetDirectoryName(fullPath)!,
            scopes: [root], includes: [fullPath], environment, resolveVariables: true);
        parser.ParseDocument(root);
        return root;
    }

    // A JSON-shaped file wraps its keys in one block; nats-server reads both shapes.
    private void ParseDocument(ConfMap into)
    {
        _reader.SkipTrivia();
        if (_reader.Peek() != '{')
        {
            ParseEntries(into, close: null, _reader.Line);
            return;
        }

        var openLine = _reader.Line;
        _reader.Advance();
        ParseEntries(into, '}', openLine);
        _reader.SkipTrivia();
        if (!_reader.AtEnd)
        {
            throw _reader.Error($"unexpected '{_reader.Peek()}' after the block that closes the file");
        }
    }

    private void ParseEntries(ConfMap map, char? close, int openLine)
    {
        while (true)
        {
            _reader.SkipTrivia();
            if (_reader.AtEnd)
            {
                if (close is null)
                {
                    return;
                }

                throw _reader.Error($"the block opened on line {openLine} is not closed with '}}'");
            }

            if (_reader.Peek() == close)
            {
                _reader.Advance();
                return;
            }

            var where = _reader.Here;
            var (key, quoted) = _reader.ReadKey();
            _reader.SkipSpaces();
            if (!quoted && key == "include" && !_reader.AtValueEnd(close) && _reader.Peek() is not (':' or '=' or '{' or '['))
            {
                Include(map);
                EndOfValue(key, close);
                continue;
            }

            if (_reader.Peek() is ':' or '=')
            {
                _reader.Advance();
                _reader.SkipSpaces();
            }

            if (_reader.AtValueEnd(close))
            {
                throw _reader.Error($"key \"{key}\" has no value");
            }

            // Added only once read, so "port: $port" finds the environment's PORT rather than itself.
            map.Entries[key] = new ConfEntry(where, ParseValue());
            EndOfValue(key, close);
        }
    }

    // A ',' or ';' is the value's own end and is consumed; a new line, a comment or the block's end
    // are left for the next entry to read.
    private void EndOfValue(string key, char? close)
    {
        _reader.SkipSpaces();
        if (_reader.Peek() is ',' or ';')
        {
            _reader.Advance();
        }
        else if (!_reader.AtValueEnd(close))
        {
            throw _reader.Error($"expected a new line, ',' or ';' after the value of \"{key}\", found '{_reader.Peek()}'");
        }
    }

    // The included file's keys land in the block being read, at this point, and see its variables.
    private void Include(ConfMap into)
    {
        var name = _reader.Peek() switch
        {
            '"' => _reader.ReadDoubleQuoted(),
            '\'' => _reader.ReadSingleQuoted(),
            _ => _reader.ReadBareToken(),
        };
        var fullPath = Path.GetFullPath(Path.Combine(_folder, name));
        if (_includes.Contains(fullPath))
        {
            var cycle = string.Join(" -> ", _includes.Skip(_includes.IndexOf(fullPath)).Append(fullPath).Select(Path.GetFileName));
            throw _reader.Error($"include cycle: {cycle}");
        }

        if (!File.Exists(fullPath))
        {
            throw _reader.Error($"include file \"{name}\" does not exist");
        }

        _includes.Add(fullPath);
        new ConfParser(
            new ConfReader(File.ReadAllText(fullPath), fullPath, line: 1), Path.GetDirectoryName(fullPath)!,
            _scopes, _includes, _environment, _resolveVariables).ParseDocument(into);
        _includes.RemoveAt(_includes.Count - 1);
    }

    private ConfValue ParseValue()
    {
        var where = _reader.Here;
        switch (_reader.Peek())
        {
            case '{':
                var openLine = _reader.Line;
                _reader.Advance();
                var map = new ConfMap(where);
                _scopes.Add(map);
                ParseEntries(map, '}', openLine);
                _scopes.RemoveAt(_scopes.Count - 1);
                return map;
            case '[':
                return ParseList(where);
            case '"':
                return new ConfScalar(_reader.ReadDoubleQuoted(), where);
            case '\'':
                return new ConfScalar(_reader.ReadSingleQuoted(), where);
            case '(':
                return new ConfScalar(_reader.ReadBlockString(), where);
        }

        var token = _reader.ReadBareToken();
        if (token.Length == 0)
        {
            throw _reader.Error($"unexpected '{_reader.Peek()}' where a value should start");
        }

        return token[0] == '$' && _resolveVariables && !IsBcryptHash(token)
            ? Variable(token[1..], where)
            : new ConfScalar(Scalar(token), where);
    }

    private ConfList ParseList(KeyLocation where)
    {
        var openLine = _reader.Line;
        _reader.Advance();
        var list = new ConfList(where);
        while (true)
        {
            _reader.SkipTrivia();
            if (_reader.AtEnd)
            {
                throw _reader.Error($"the array opened on line {openLine} is not closed with ']'");
            }

            if (_reader.Peek() == ']')
            {
                _reader.Advance();
                return list;
            }

            list.Items.Add(ParseValue());
            _reader.SkipSpaces();
            if (_reader.Peek() == ',')
            {
                _reader.Advance();
            }
            else if (!_reader.AtEnd && _reader.Peek() is not ('\n' or ']') && !_reader.AtComment)
            {
                throw _reader.Error($"expected ',' or ']' after an array element, found '{_reader.Peek()}'");
            }
        }
    }

    // An unquoted word: a boolean, an integer with an optional size suffix, or else a string as it
    // stands (127.0.0.1:4222, 10s, 1.5 and dates all stay text for the option that reads them).
    private string Scalar(string token)
    {
        switch (token.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return "true";
            case "false" or "no" or "off":
                return "false";
        }

        var digits = token[0] == '-' ? 1 : 0;
        var suffix = digits;
        while (suffix < token.Length && char.IsAsciiDigit(token[suffix]))
        {
            suffix++;
        }

        if (suffix == digits)
        {
            return token;
        }

        foreach (var c in token.AsSpan(suffix))
        {
            if (!char.IsAsciiLetter(c))
            {
                return token;
            }
        }

        if (ConfigValue.TryParseSize(token, out var size))
        {
            return size.ToString(CultureInfo.InvariantCulture);
        }

        return suffix < token.Length ? token : throw _reader.Error($"the number {token} is out of range");
    }

    // bcrypt hashes ($2a$11$…) start with '$' but are passwords, not variable references.
    private static bool IsBcryptHash(string token) => token.Length > 4 && token[1] == '2' && token[3] == '$';

    private ConfValue Variable(string name, KeyLocation where)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].Entries.TryGetValue(name, out var entry))
            {
                entry.UsedAsVariable = true;
                return entry.Value;
            }
        }

        if (_environment(name) is { } text)
        {
            return FromEnvironment(text, where);
        }

        throw _reader.Error($"variable \"${name}\" is not defined above and not in the environment");
    }

    // The environment's text is read as a value, so PORT=4222 is a number and MAX=1MB a size. Text
    // that is not one value is taken as it is; a '$' in it is not followed, so no cycle can form.
    private ConfValue FromEnvironment(string text, KeyLocation where)
    {
        var reader = new ConfReader(text, where.File, where.Line);
        var parser = new ConfParser(reader, _folder, [], _includes, _environment, resolveVariables: false);
        try
        {
            reader.SkipTrivia();
            var value = parser.ParseValue();
            reader.SkipTrivia();
            if (reader.AtEnd)
            {
                return value;
            }
        }
        catch (ConfigException)
        {
        }

        return new ConfScalar(text, where);
    }
}
