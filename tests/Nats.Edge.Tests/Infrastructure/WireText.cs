using System.Globalization;
using System.Text;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Shows protocol bytes with control bytes escaped, so diffs in failures are readable.</summary>
public static class WireText
{
    /// <summary><c>\r</c>, <c>\n</c>, <c>\t</c> and <c>\xNN</c> for control and non-ASCII bytes.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\r' => escaped.Append("\\r"),
                '\n' => escaped.Append("\\n"),
                '\t' => escaped.Append("\\t"),
                < ' ' or > '~' => escaped.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
