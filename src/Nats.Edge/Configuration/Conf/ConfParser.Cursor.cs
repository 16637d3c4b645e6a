namespace Nats.Edge.Configuration.Conf;

internal sealed partial class ConfParser
{
    private bool AtEnd => _position >= _text.Length;

    private bool AtComment => Peek() == '#' || (Peek() == '/' && Peek(1) == '/');

    private KeyLocation Here => new(_file, _line);

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private void Advance()
    {
        if (AtEnd)
        {
            return;
        }

        if (_text[_position] == '\n')
        {
            _line++;
        }

        _position++;
    }

    // Where a value would end: nothing follows the key but a separator, a comment or the block's end.
    private bool AtValueEnd(char? close) =>
        AtEnd || Peek() is '\n' or ',' or ';' || AtComment || Peek() == close;

    private void SkipSpaces()
    {
        while (Peek() is ' ' or '\t' or '\r')
        {
            Advance();
        }
    }

    private void SkipTrivia()
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

    private ConfigException Error(string what) => new($"{_file}:{_line}: {what}");
}
