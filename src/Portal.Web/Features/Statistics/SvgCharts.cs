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

    private const int Width = 720, Height = 260, Left = 44, Right = 12, Top = 16, Bottom = 46;

    /// <summary>Vertical bars, stacked when there are several series.</summary>
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        var max = Math.Max(1, Enumerable.Range(0, categories.Count).Select(i => series.Sum(s => s.Values[i])).DefaultIfEmpty(0).Max());
        var (svg, scale) = Frame(id, title, description, max);
        var slot = (double)(Width - Left - Right) / Math.Max(1, categories.Count);
        for (var i = 0; i < categories.Count; i++)
        {
            var x = Left + i * slot + slot * 0.15;
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

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + i * slot + slot / 2:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{Enc(categories[i])}</text>");
        }

        return Close(svg, series);
    }

    /// <summary>Lines over the categories (a cumulative progress against a target, for instance).</summary>
    public static IHtmlContent Lines(string id, string title, string description, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var (svg, scale) = Frame(id, title, description, max);
        var step = (double)(Width - Left - Right) / Math.Max(1, categories.Count - 1);
        foreach (var s in series)
        {
            var points = string.Join(' ', s.Values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{Left + i * step:0.#},{Height - Bottom - v * scale:0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"2.5\" points=\"{points}\" />");
        }

        var every = Math.Max(1, categories.Count / 8);
        for (var i = 0; i < categories.Count; i += every)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + i * step:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{Enc(categories[i])}</text>");
        }

        return Close(svg, series);
    }

    private static (StringBuilder Svg, double Scale) Frame(string id, string title, string description, double max)
    {
        var nice = NiceMax(max);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Enc(title)}</title><desc id=\"{id}-d\">{Enc(description)}</desc>");
        var scale = (Height - Top - Bottom) / nice;
        for (var k = 0; k <= 4; k++)
        {
            var value = nice * k / 4;
            var y = Height - Bottom - value * scale;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#dee2e6\" />");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{value:0.##}</text>");
        }

        return (svg, scale);
    }

    private static HtmlString Close(StringBuilder svg, IReadOnlyList<ChartSeries> series)
    {
        var x = Left;
        foreach (var s in series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{Height - 18}\" width=\"12\" height=\"12\" fill=\"{s.Colour}\" /><text x=\"{x + 16}\" y=\"{Height - 8}\" font-size=\"12\">{Enc(s.Name)}</text>");
            x += 28 + s.Name.Length * 13;
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
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
