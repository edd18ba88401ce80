using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Domain.Instruments;
using Portal.Infrastructure.Certificates;
using QRCoder;

namespace Portal.Infrastructure.Instruments;

/// <summary>Everything printed on an instrument beyond its header, already in Chinese (an instrument is issued in Chinese).</summary>
public sealed record InstrumentBody(
    string Addressee,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<(string Label, string Value)> Items,
    IReadOnlyList<string> Notices);

public sealed record InstrumentContent(
    InstrumentKind Kind,
    string Number,
    string OfficeName,
    string? OfficeTelephone,
    DateOnly IssuedOn,
    InstrumentBody Body,
    string QrUrl,
    string CheckCode,
    string CheckPageUrl)
{
    public string Title => InstrumentTitles.Zh(Kind);
}

public static class InstrumentTitles
{
    public static string Zh(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Acceptance => "受理通知书",
        InstrumentKind.NonAcceptance => "不予受理决定书",
        InstrumentKind.Supplement => "补正材料通知书",
        InstrumentKind.Approval => "准予登记决定书",
        InstrumentKind.Refusal => "不予登记决定书",
        InstrumentKind.CertificateVoid => "证书作废通知书",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The file name an instrument is downloaded and mailed under, e.g. "受理通知书-浦事登受〔2026〕12号.pdf".</summary>
    public static string FileName(InstrumentKind kind, string number) => $"{Zh(kind)}-{number}.pdf";
}

/// <summary>
/// Draws an instrument as an official letter on A4: the office as letterhead, the title and number (文号), the
/// addressee, the body, then the office, the date and its seal, which is the visible part of the digital signature,
/// and a QR code with the check code. Long bodies flow onto further pages; the seal sits on the last.
/// </summary>
public static class InstrumentPdfRenderer
{
    private static readonly XColor Ink = XColor.FromArgb(20, 20, 20);
    private static readonly XColor Muted = XColor.FromArgb(90, 90, 90);
    private const double Margin = 72;
    private const double LineHeight = 21;
    private const double FooterHeight = 190;

    public static byte[] Render(InstrumentContent c, OfficeSigner signer)
    {
        EmbeddedFontResolver.Install();
        using var doc = new PdfDocument();
        doc.Info.Title = $"{c.Title} {c.Number}";
        doc.Info.Author = c.OfficeName;
        doc.Info.Creator = "Portal";
        doc.Options.CompressContentStreams = true;

        var regular = new XFont(EmbeddedFontResolver.Family, 12, XFontStyleEx.Regular);
        var bold = new XFont(EmbeddedFontResolver.Family, 12, XFontStyleEx.Bold);
        var small = new XFont(EmbeddedFontResolver.Family, 10, XFontStyleEx.Regular);
        var ink = new XSolidBrush(Ink);

        var page = NewPage(doc);
        var g = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - 2 * Margin;
        var bottom = page.Height.Point - Margin;

        // Letterhead and title.
        Centered(g, c.OfficeName, page.Width.Point / 2, 96, new XFont(EmbeddedFontResolver.Family, 20, XFontStyleEx.Bold), new XSolidBrush(Seal.Red));
        g.DrawLine(new XPen(Seal.Red, 1.6), Margin, 110, page.Width.Point - Margin, 110);
        Centered(g, c.Title, page.Width.Point / 2, 150, new XFont(EmbeddedFontResolver.Family, 22, XFontStyleEx.Bold), ink);
        Centered(g, c.Number, page.Width.Point / 2, 176, regular, ink);
        var y = 214.0;
        g.DrawString(c.Body.Addressee + "：", bold, ink, Margin, y);
        y += LineHeight + 4;

        void Ensure(double needed)
        {
            if (y + needed <= bottom)
            {
                return;
            }

            g.Dispose();
            page = NewPage(doc);
            g = XGraphics.FromPdfPage(page);
            y = Margin + 20;
        }

        void Paragraph(string text, XFont font, double indent, XColor color)
        {
            var lines = CertificatePdfRenderer.Wrap(g, new string('\u3000', 2) + text, font, width - indent, int.MaxValue);
            foreach (var line in lines)
            {
                Ensure(LineHeight);
                g.DrawString(line, font, new XSolidBrush(color), Margin + indent, y);
                y += LineHeight;
            }

            y += 4;
        }

        foreach (var p in c.Body.Paragraphs)
        {
            Paragraph(p, regular, 0, Ink);
        }

        if (c.Body.Items.Count > 0)
        {
            y += 4;
            var labelWidth = Math.Min(140, c.Body.Items.Max(i => g.MeasureString(i.Label + "：", bold).Width) + 6);
            foreach (var (label, value) in c.Body.Items)
            {
                var lines = CertificatePdfRenderer.Wrap(g, value, regular, width - 24 - labelWidth, int.MaxValue);
                Ensure(LineHeight * Math.Min(lines.Count, 3));
                g.DrawString(label + "：", bold, ink, Margin + 24, y);
                foreach (var line in lines)
                {
                    Ensure(LineHeight);
                    g.DrawString(line, regular, ink, Margin + 24 + labelWidth, y);
                    y += LineHeight;
                }

                y += 2;
            }

            y += 6;
        }

        foreach (var n in c.Body.Notices)
        {
            Paragraph(n, regular, 0, Ink);
        }

        // The closing block (QR, check code, office, date and seal) stays together on the last page.
        if (y + FooterHeight > bottom + 30)
        {
            g.Dispose();
            page = NewPage(doc);
            g = XGraphics.FromPdfPage(page);
            y = Margin + 20;
        }

        var blockTop = Math.Max(y + 10, bottom + 30 - FooterHeight);
        var right = page.Width.Point - Margin;
        var date = c.IssuedOn.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var officeWidth = g.MeasureString(c.OfficeName, regular).Width;
        var dateWidth = g.MeasureString(date, regular).Width;
        var textCenter = right - Math.Max(officeWidth, dateWidth) / 2 - 10;
        Centered(g, c.OfficeName, textCenter, blockTop + 70, regular, ink);
        Centered(g, date, textCenter, blockTop + 94, regular, ink);
        var sealSize = 120.0;
        var sealAt = new XPoint(textCenter - sealSize / 2, blockTop + 82 - sealSize / 2);

        var qrSize = 86.0;
        using (var qr = QRCodeGenerator.GenerateQrCode(c.QrUrl, QRCodeGenerator.ECCLevel.M))
        {
            CertificatePdfRenderer.Qr(g, qr, Margin, blockTop + 18, qrSize);
        }

        g.DrawString("核验码：" + InstrumentNumber.Grouped(c.CheckCode), small, ink, Margin, blockTop + 18 + qrSize + 16);
        g.DrawString("扫码或访问 " + c.CheckPageUrl + " 核验", new XFont(EmbeddedFontResolver.Family, 8, XFontStyleEx.Regular), new XSolidBrush(Muted), Margin, blockTop + 18 + qrSize + 30);
        if (!string.IsNullOrEmpty(c.OfficeTelephone))
        {
            g.DrawString("联系电话：" + c.OfficeTelephone, new XFont(EmbeddedFontResolver.Family, 8, XFontStyleEx.Regular), new XSolidBrush(Muted), Margin, blockTop + 18 + qrSize + 42);
        }

        g.Dispose();
        var pageCount = doc.PageCount;
        for (var i = 0; i < pageCount && pageCount > 1; i++)
        {
            using var pg = XGraphics.FromPdfPage(doc.Pages[i]);
            Centered(pg, $"第 {i + 1} 页 共 {pageCount} 页", doc.Pages[i].Width.Point / 2, doc.Pages[i].Height.Point - 36, small, new XSolidBrush(Muted));
        }

        SealSignature.Attach(doc, signer, c.Title + " " + c.Number, pageCount - 1, sealAt, sealSize);
        return SealSignature.SaveSigned(doc);
    }

    private static PdfPage NewPage(PdfDocument doc)
    {
        var page = doc.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        return page;
    }

    private static void Centered(XGraphics g, string text, double centerX, double baseline, XFont font, XBrush brush)
    {
        var w = g.MeasureString(text, font).Width;
        g.DrawString(text, font, brush, centerX - w / 2, baseline);
    }
}
