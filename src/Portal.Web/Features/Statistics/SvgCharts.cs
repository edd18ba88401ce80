using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Portal.Web.Features.Statistics;

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, string Colour);

/// <summary>
/// Charts drawn on the server as SVG: no script, no CDN, readable in print. Each is an image with a
/// title and description for screen readers; the page shows the same numbers as a table beside it.
/// Colours come from a palette that stays distinguishable for common colour-vision deficiencies.
/// </summary>
public static class SvgCharts
{
    public const string Blue = "#0b5cad";
    public const string Orange = "#d35f00";
    public const string Teal = "#168a6e";
    public const string Grey = "#6c757d";

    private const int Width = 720, Height = 260, Right = 12, Top = 16, Bottom = 46;

    private const string HeightMarker = "\u0001height\u0001";

    /// <summary>Vertical bars, stacked when there are several series.</summary>
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        var max = Math.Max(1, Enumerable.Range(0, categories.Count).Select(i => series.Sum(s => s.Values[i])).DefaultIfEmpty(0).Max());
        var (svg, scale, left) = Frame(id, title, description, max);
        var slot = (double)(Width - left - Right) / Math.Max(1, categories.Count);
        for (var i = 0; i < categories.Count; i++)
        {
            var x = left + i * slot + slot * 0.15;
            var y = (double)(Height - Bottom);
            foreach (var s in series)
            {
                var h = s.Values[i] * scale;
                if (h > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y - h:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\" fill=\"{s.Colour}\"><title>{Enc(categories[i])} · {Enc(s.Name)}: {s.Values[i]:0.##}</title></rect>");
                }

                y -= h;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + i * slot + slot / 2:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{Enc(categories[i])}</text>");
        }

        return Close(svg, series);
    }

    /// <summary>Lines over the categories (a cumulative progress against a target, for instance).</summary>
    public static IHtmlContent Lines(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var (svg, scale, left) = Frame(id, title, description, max);
        var step = (double)(Width - left - Right) / Math.Max(1, categories.Count - 1);
        foreach (var s in series)
        {
            var points = string.Join(' ', s.Values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{left + i * step:0.#},{Height - Bottom - v * scale:0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"2.5\" points=\"{points}\" />");
        }

        var every = Math.Max(1, categories.Count / 8);
        for (var i = 0; i < categories.Count; i += every)
        {
            // The first and last labels are anchored inwards so that neither is cut off at the chart's edge.
            var anchor = i == 0 ? "start" : i + every >= categories.Count && categories.Count > 1 ? "end" : "middle";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + i * step:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"{anchor}\" font-size=\"11\">{Enc(categories[i])}</text>");
        }

        return Close(svg, series);
    }

    /// <summary>
    /// The axes: counts get whole-number ticks only (0, 1, 2 for a maximum of 2 — never 0.5), and the left margin is as wide
    /// as the longest tick label, so no label is cut off.
    /// </summary>
    private static (StringBuilder Svg, double Scale, int Left) Frame(string id, string title, string description, double max)
    {
        var (nice, steps) = WholeTicks(max);
        var left = 14 + (7 * nice.ToString("0", CultureInfo.InvariantCulture).Length);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {HeightMarker}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Enc(title)}</title><desc id=\"{id}-d\">{Enc(description)}</desc>");
        var scale = (Height - Top - Bottom) / nice;
        for (var k = 0; k <= steps; k++)
        {
            var value = nice * k / steps;
            var y = Height - Bottom - value * scale;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#dee2e6\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" data-tick>{value:0}</text>");
        }

        return (svg, scale, left);
    }

    /// <summary>The top of the axis and the number of steps, every tick a whole number.</summary>
    public static (double Top, int Steps) WholeTicks(double max)
    {
        var top = Math.Max(1, Math.Ceiling(NiceMax(Math.Max(1, max))));
        if (top <= 5)
        {
            return (top, (int)top);
        }

        foreach (var steps in new[] { 4, 5, 2 })
        {
            if (top % steps == 0)
            {
                return (top, steps);
            }
        }

        return (Math.Ceiling(top / 4) * 4, 4);
    }

    /// <summary>The legend, wrapped onto more rows when the names do not fit one (the chart grows to hold them).</summary>
    private static HtmlString Close(StringBuilder svg, IReadOnlyList<ChartSeries> series)
    {
        const int left = 8, row = 20;
        var x = left;
        var y = Height - 18;
        foreach (var s in series)
        {
            var width = 16 + s.Name.Sum(c => c >= '\u2e80' ? 12 : 7) + 12;
            if (x > left && x + width > Width - Right)
            {
                x = left;
                y += row;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{s.Colour}\" /><text x=\"{x + 16}\" y=\"{y + 10}\" font-size=\"12\">{Enc(s.Name)}</text>");
            x += width;
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString().Replace(HeightMarker, (y + 18).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    private static double NiceMax(double max)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var m in new[] { 1, 2, 2.5, 4, 5, 10 })
        {
            if (m * magnitude >= max)
            {
                return m * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
