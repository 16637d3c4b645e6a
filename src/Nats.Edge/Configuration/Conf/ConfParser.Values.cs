using System.Globalization;
using System.Text;

namespace Nats.Edge.Configuration.Conf;

internal sealed partial class ConfParser
{
    private ConfValue ParseValue()
    {
        var where = Here;
        switch (Peek())
        {
            case '{':
                var openLine = _line;
                Advance();
                var map = new ConfMap(where);
                _scopes.Add(map);
                ParseEntries(map, '}', openLine);
                _scopes.RemoveAt(_scopes.Count - 1);
                return map;
            case '[':
                return ParseList(where);
            case '"':
                return new ConfScalar(ReadDoubleQuoted(), where);
            case '\'':
                return new ConfScalar(ReadSingleQuoted(), where);
            case '(':
                return new ConfScalar(ReadBlockString(), where);
        }

        var token = ReadBareToken();
        if (token.Length == 0)
        {
            throw Error($"unexpected '{Peek()}' where a value should start");
        }

        return token[0] == '$' && _resolveVariables && !IsBcryptHash(token)
            ? Variable(token[1..], where)
            : new ConfScalar(Scalar(token), where);
    }

    private ConfList ParseList(KeyLocation where)
    {
        var openLine = _line;
        Advance();
        var list = new ConfList(where);
        while (true)
        {
            SkipTrivia();
            if (AtEnd)
            {
                throw Error($"the array opened on line {openLine} is not closed with ']'");
            }

            if (Peek() == ']')
            {
                Advance();
                return list;
            }

            list.Items.Add(ParseValue());
            SkipSpaces();
            if (Peek() == ',')
            {
                Advance();
            }
            else if (!AtEnd && Peek() is not ('\n' or ']') && !AtComment)
            {
                throw Error($"expected ',' or ']' after an array element, found '{Peek()}'");
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

        return suffix < token.Length ? token : throw Error($"the number {token} is out of range");
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

        throw Error($"variable \"${name}\" is not defined above and not in the environment");
    }

    // The environment's text is read as a value, so PORT=4222 is a number and MAX=1MB a size. Text
    // that is not one value is taken as it is; a '$' in it is not followed, so no cycle can form.
    private ConfValue FromEnvironment(string text, KeyLocation where)
    {
        var parser = new ConfParser(text, where.File, _folder, where.Line, [], _includes, _environment, resolveVariables: false);
        try
        {
            parser.SkipTrivia();
            var value = parser.ParseValue();
            parser.SkipTrivia();
            if (parser.AtEnd)
            {
                return value;
            }
        }
        catch (ConfigException)
        {
        }

        return new ConfScalar(text, where);
    }

    private string ReadBareToken()
    {
        var start = _position;
        while (!AtEnd && Peek() is not (' ' or '\t' or '\r' or '\n' or ',' or ';' or ']' or '}'))
        {
            Advance();
        }

        return _text[start.._position];
    }

    private string ReadDoubleQuoted()
    {
        Advance();
        var text = new StringBuilder();
        while (true)
        {
            if (AtEnd || Peek() == '\n')
            {
                throw Error("a double-quoted string is not closed on its line");
            }

            var c = Peek();
            Advance();
            if (c == '"')
            {
                return text.ToString();
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var escape = Peek();
            Advance();
            text.Append(escape switch
            {
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                '"' => '"',
                '\\' => '\\',
                'x' => Hex(2),
                'u' => Hex(4),
                _ => throw Error($"unknown escape '\\{escape}' in a double-quoted string"),
            });
        }
    }

    private char Hex(int length)
    {
        if (_position + length > _text.Length
            || !int.TryParse(_text.AsSpan(_position, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw Error($"an escape in a double-quoted string needs {length} hex digits");
        }

        _position += length;
        return (char)code;
    }

    private string ReadSingleQuoted()
    {
        Advance();
        var start = _position;
        while (Peek() != '\'')
        {
            if (AtEnd || Peek() == '\n')
            {
                throw Error("a single-quoted string is not closed on its line");
            }

            Advance();
        }

        Advance();
        return _text[start..(_position - 1)];
    }

    // ( … ) keeps everything between the parentheses, line breaks included, as nats-server does;
    // only a line that is exactly ")" closes it.
    private string ReadBlockString()
    {
        var openLine = _line;
        Advance();
        var start = _position;
        while (!AtEnd)
        {
            var c = Peek();
            Advance();
            if (c == '\n' && Peek() == ')' && (_position + 1 == _text.Length || Peek(1) is '\n' or '\r'))
            {
                var end = _position;
                Advance();
                return _text[start..end];
            }
        }

        throw Error($"the block string opened with '(' on line {openLine} is not closed by a line that is only ')'");
    }
}
