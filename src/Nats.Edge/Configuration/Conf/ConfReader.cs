using System.Globalization;
using System.Text;

namespace Nats.Edge.Configuration.Conf;

/// <summary>
/// The characters of one nats conf text, read as its tokens: keys, bare words, quoted and block
/// strings, comments and blanks between them. Knows the line it is on, so every error it or the
/// parser above it raises names <c>file:line</c>; what the tokens mean is <see cref="ConfParser"/>'s.
/// </summary>
internal sealed class ConfReader(string text, string file, int line)
{
    private int _position;
    private int _line = line;

    public int Line => _line;

    public bool AtEnd => _position >= text.Length;

    public bool AtComment => Peek() == '#' || (Peek() == '/' && Peek(1) == '/');

    public KeyLocation Here => new(file, _line);

    public char Peek(int ahead = 0) => _position + ahead < text.Length ? text[_position + ahead] : '\0';

    public void Advance()
    {
        if (AtEnd)
        {
            return;
        }

        if (text[_position] == '\n')
        {
            _line++;
        }

        _position++;
    }

    /// <summary>Where a value would end: nothing follows the key but a separator, a comment or the block's end.</summary>
    public bool AtValueEnd(char? close) =>
        AtEnd || Peek() is '\n' or ',' or ';' || AtComment || Peek() == close;

    public void SkipSpaces()
    {
        while (Peek() is ' ' or '\t' or '\r')
        {
            Advance();
        }
    }

    /// <summary>Skips blanks, line breaks and comments.</summary>
    public void SkipTrivia()
    {
        while (!AtEnd)
        {
            if (Peek() is ' ' or '\t' or '\r' or '\n')
            {
                Advance();
            }
            else if (AtComment)
            {
                while (!AtEnd && Peek() != '\n')
                {
                    Advance();
                }
            }
            else
            {
                return;
            }
        }
    }

    public ConfigException Error(string what) => new($"{file}:{_line}: {what}");

    /// <summary>A key, quoted or bare, and whether it was quoted (a quoted <c>include</c> is a key like any other).</summary>
    public (string Key, bool Quoted) ReadKey()
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
            ? (text[start.._position], false)
            : throw Error($"unexpected '{Peek()}' where a key should start");
    }

    /// <summary>An unquoted word, up to a blank, a separator or a closing bracket; empty when none starts here.</summary>
    public string ReadBareToken()
    {
        var start = _position;
        while (!AtEnd && Peek() is not (' ' or '\t' or '\r' or '\n' or ',' or ';' or ']' or '}'))
        {
            Advance();
        }

        return text[start.._position];
    }

    public string ReadDoubleQuoted()
    {
        Advance();
        var read = new StringBuilder();
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
                return read.ToString();
            }

            if (c != '\\')
            {
                read.Append(c);
                continue;
            }

            var escape = Peek();
            Advance();
            read.Append(escape switch
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

    public string ReadSingleQuoted()
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
        return text[start..(_position - 1)];
    }

    // ( … ) keeps everything between the parentheses, line breaks included, as nats-server does;
    // only a line that is exactly ")" closes it.
    public string ReadBlockString()
    {
        var openLine = _line;
        Advance();
        var start = _position;
        while (!AtEnd)
        {
            var c = Peek();
            Advance();
            if (c == '\n' && Peek() == ')' && (_position + 1 == text.Length || Peek(1) is '\n' or '\r'))
            {
                var end = _position;
                Advance();
                return text[start..end];
            }
        }

        throw Error($"the block string opened with '(' on line {openLine} is not closed by a line that is only ')'");
    }

    private char Hex(int length)
    {
        if (_position + length > text.Length
            || !int.TryParse(text.AsSpan(_position, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw Error($"an escape in a double-quoted string needs {length} hex digits");
        }

        _position += length;
        return (char)code;
    }
}
