using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Infrastructure.Certificates;

namespace Portal.Infrastructure.Templates;

/// <summary>A blank line to fill in: its label and how many writing lines it gets.</summary>
public sealed record FormTemplateField(string Label, int Lines = 1);

/// <summary>
/// A block of the form. With <paramref name="Columns"/> (e.g. 事项 | 变更前 | 变更后) each field becomes a row under
/// those headings; otherwise a label beside a blank box.
/// </summary>
public sealed record FormTemplateSection(string Heading, IReadOnlyList<FormTemplateField> Fields, IReadOnlyList<string>? Columns = null);

/// <summary>A material to tick off, with when it is needed.</summary>
public sealed record FormTemplateMaterial(string Name, string Requirement);

/// <summary>A blank application form (样表), built from the same definitions the portal checks filings against.</summary>
public sealed record FormTemplate(
    string Title,
    string Subtitle,
    IReadOnlyList<FormTemplateSection> Sections,
    IReadOnlyList<FormTemplateMaterial> Materials,
    IReadOnlyList<string> Signatures,
    string Footer);

/// <summary>Draws a <see cref="FormTemplate"/> on A4 pages as ruled boxes to print and fill in by hand or to read before filing online.</summary>
public static class FormTemplatePdf
{
    private const double Margin = 56;
    private const double Row = 24;
    private const double LabelWidth = 150;
    private static readonly XPen Rule = new(XColor.FromArgb(60, 60, 60), 0.7);
    private static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(20, 20, 20));
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(95, 95, 95));
    private static readonly XBrush Shade = new XSolidBrush(XColor.FromArgb(238, 238, 238));

    public static byte[] Render(FormTemplate t)
    {
        EmbeddedFontResolver.Install();
        using var doc = new PdfDocument();
        doc.Info.Title = t.Title;
        doc.Info.Creator = "Portal";
        doc.Options.CompressContentStreams = true;
        var regular = new XFont(EmbeddedFontResolver.Family, 11, XFontStyleEx.Regular);
        var bold = new XFont(EmbeddedFontResolver.Family, 11, XFontStyleEx.Bold);
        var small = new XFont(EmbeddedFontResolver.Family, 9, XFontStyleEx.Regular);

        var page = NewPage(doc);
        var g = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - 2 * Margin;
        var bottom = page.Height.Point - Margin - 20;

        var titleFont = new XFont(EmbeddedFontResolver.Family, 18, XFontStyleEx.Bold);
        g.DrawString(t.Title, titleFont, Ink, (page.Width.Point - g.MeasureString(t.Title, titleFont).Width) / 2, Margin + 24);
        g.DrawString(t.Subtitle, small, Muted, (page.Width.Point - g.MeasureString(t.Subtitle, small).Width) / 2, Margin + 44);
        var y = Margin + 66;

        void Ensure(double needed)
        {
            if (y + needed <= bottom)
            {
                return;
            }

            Footer(g, page, t.Footer, small, doc.PageCount);
            g.Dispose();
            page = NewPage(doc);
            g = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        void Text(string text, XFont font, XBrush brush, double x, double top, double w)
        {
            var line = CertificatePdfRenderer.Wrap(g, text, font, w - 8, 2);
            for (var i = 0; i < line.Count; i++)
            {
                g.DrawString(line[i], font, brush, x + 4, top + 16 + (i * 13));
            }
        }

        foreach (var section in t.Sections)
        {
            Ensure(Row * 2 + 8);
            g.DrawString(section.Heading, bold, Ink, Margin, y + 14);
            y += Row;
            if (section.Columns is { } columns)
            {
                var colWidth = (width - LabelWidth) / (columns.Count - 1);
                g.DrawRectangle(Rule, Shade, Margin, y, width, Row);
                Text(columns[0], bold, Ink, Margin, y, LabelWidth);
                for (var c = 1; c < columns.Count; c++)
                {
                    g.DrawLine(Rule, Margin + LabelWidth + ((c - 1) * colWidth), y, Margin + LabelWidth + ((c - 1) * colWidth), y + Row);
                    Text(columns[c], bold, Ink, Margin + LabelWidth + ((c - 1) * colWidth), y, colWidth);
                }

                y += Row;
                foreach (var field in section.Fields)
                {
                    var h = Row * field.Lines;
                    Ensure(h);
                    g.DrawRectangle(Rule, Margin, y, width, h);
                    Text(field.Label, regular, Ink, Margin, y, LabelWidth);
                    for (var c = 1; c < columns.Count; c++)
                    {
                        g.DrawLine(Rule, Margin + LabelWidth + ((c - 1) * colWidth), y, Margin + LabelWidth + ((c - 1) * colWidth), y + h);
                    }

                    y += h;
                }
            }
            else
            {
                foreach (var field in section.Fields)
                {
                    var h = Row * field.Lines;
                    Ensure(h);
                    g.DrawRectangle(Rule, Margin, y, width, h);
                    g.DrawRectangle(Rule, Shade, Margin, y, LabelWidth, h);
                    Text(field.Label, regular, Ink, Margin, y, LabelWidth);
                    y += h;
                }
            }

            y += 12;
        }

        if (t.Materials.Count > 0)
        {
            Ensure(Row * 2 + 8);
            g.DrawString("申请材料清单（请逐项核对）", bold, Ink, Margin, y + 14);
            y += Row;
            foreach (var m in t.Materials)
            {
                Ensure(Row);
                g.DrawRectangle(Rule, Margin + 4, y + 6, 11, 11);
                g.DrawString(m.Name, regular, Ink, Margin + 24, y + 16);
                var rw = g.MeasureString(m.Requirement, small).Width;
                g.DrawString(m.Requirement, small, Muted, Margin + width - rw, y + 16);
                g.DrawLine(Rule, Margin, y + Row, Margin + width, y + Row);
                y += Row;
            }

            y += 16;
        }

        foreach (var signature in t.Signatures)
        {
            Ensure(Row + 12);
            g.DrawString(signature, regular, Ink, Margin, y + 16);
            var sw = g.MeasureString(signature, regular).Width;
            g.DrawLine(Rule, Margin + sw + 6, y + 18, Margin + width / 2 + 60, y + 18);
            g.DrawString("日期：      年    月    日", regular, Ink, Margin + width / 2 + 80, y + 16);
            y += Row + 12;
        }

        Footer(g, page, t.Footer, small, doc.PageCount);
        g.Dispose();
        using var output = new MemoryStream();
        doc.Save(output, false);
        return output.ToArray();
    }

    private static void Footer(XGraphics g, PdfPage page, string text, XFont font, int number)
    {
        var line = $"{text} · 第 {number} 页";
        g.DrawString(line, font, Muted, (page.Width.Point - g.MeasureString(line, font).Width) / 2, page.Height.Point - Margin + 10);
    }

    private static PdfPage NewPage(PdfDocument doc)
    {
        var page = doc.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        return page;
    }
}
