using System.Globalization;
using System.Text;

namespace Nats.Edge.Load.Soak;

/// <summary>
/// A two-panel SVG of a soak run against minutes: resident and managed-heap memory above, open handles
/// and threads below. Plain SVG, so it shows in a browser and on GitHub without any library.
/// </summary>
internal static class SoakPlot
{
    private const int Width = 800;
    private const int PanelHeight = 180;
    private const int Left = 60;
    private const int Right = 20;
    private const int Top = 30;
    private const int Gap = 50;

    public static string Svg(IReadOnlyList<SoakSample> samples, string title)
    {
        var svg = new StringBuilder();
        var height = Top + (2 * PanelHeight) + Gap + 40;
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"18\" font-size=\"14\">{Escape(title)}</text>\n"));
        Panel(svg, samples, Top, "MiB", [("RSS", "#c0392b", s => s.RssKiB / 1024.0), ("managed heap", "#2980b9", s => s.HeapKiB / 1024.0)]);
        Panel(svg, samples, Top + PanelHeight + Gap, "count", [("handles", "#27ae60", s => s.Handles), ("threads", "#8e44ad", s => s.Threads)]);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, IReadOnlyList<SoakSample> samples, int top, string unit, (string Name, string Colour, Func<SoakSample, double> Value)[] series)
    {
        var minutes = Math.Max(samples[^1].Seconds / 60, 1.0 / 60);
        var highest = 1.0;
        foreach (var (_, _, value) in series)
        {
            foreach (var sample in samples)
            {
                highest = Math.Max(highest, value(sample));
            }
        }

        // Room above the highest point, and a round figure for the axis.
        highest = Math.Ceiling(highest * 1.15);
        var plotWidth = Width - Left - Right;
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{top}\" width=\"{plotWidth}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#999\"/>\n"));
        for (var i = 0; i <= 4; i++)
        {
            var y = top + PanelHeight - (PanelHeight * i / 4.0);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Left + plotWidth}\" y2=\"{y:F1}\" stroke=\"#eee\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{highest * i / 4:0.#}</text>\n"));
            var x = Left + (plotWidth * i / 4.0);
            svg.Append(Invariant($"<text x=\"{x:F1}\" y=\"{top + PanelHeight + 16}\" text-anchor=\"middle\">{minutes * i / 4:0.#} min</text>\n"));
        }

        svg.Append(Invariant($"<text x=\"12\" y=\"{top + (PanelHeight / 2)}\" transform=\"rotate(-90 12 {top + (PanelHeight / 2)})\" text-anchor=\"middle\">{unit}</text>\n"));
        var legend = Left + 10;
        foreach (var (name, colour, value) in series)
        {
            var points = new StringBuilder();
            foreach (var sample in samples)
            {
                var x = Left + (plotWidth * sample.Seconds / 60 / minutes);
                var y = top + PanelHeight - (PanelHeight * value(sample) / highest);
                points.Append(Invariant($"{x:F1},{y:F1} "));
            }

            svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{points.ToString().TrimEnd()}\"/>\n"));
            svg.Append(Invariant($"<text x=\"{legend}\" y=\"{top + 16}\" fill=\"{colour}\">{Escape(name)}</text>\n"));
            legend += 110;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
