using System.Text;

namespace Nats.Edge.Load.Reporting;

/// <summary>A plain-text table: first column left-aligned, numbers right-aligned, for terminals and READMEs.</summary>
internal sealed class TextTable
{
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] header) => _rows.Add(header);

    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>Renders as a Markdown table, which also reads well in a terminal.</summary>
    public override string ToString()
    {
        int columns = _rows[0].Length;
        int[] widths = new int[columns];
        foreach (string[] row in _rows)
        {
            for (int c = 0; c < columns; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var text = new StringBuilder();
        for (int r = 0; r < _rows.Count; r++)
        {
            AppendRow(text, _rows[r], widths);
            if (r == 0)
            {
                AppendRule(text, widths);
            }
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] row, int[] widths)
    {
        text.Append('|');
        for (int c = 0; c < widths.Length; c++)
        {
            text.Append(' ').Append(c == 0 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c])).Append(" |");
        }

        text.Append('\n');
    }

    private static void AppendRule(StringBuilder text, int[] widths)
    {
        text.Append('|');
        for (int c = 0; c < widths.Length; c++)
        {
            text.Append(c == 0 ? " :" : " ").Append('-', widths[c] - 1).Append(c == 0 ? " |" : ": |");
        }

        text.Append('\n');
    }
}
