using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Portal.Infrastructure.Certificates;

/// <summary>Everything printed on a certificate, already in Chinese.</summary>
public sealed record CertificateContent(
    string Number,
    string Code,
    string Name,
    string? SecondName,
    string PurposeAndScope,
    string Domicile,
    string LegalRepresentative,
    string FundingSource,
    decimal StartupCapital,
    string Sponsor,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    DateOnly IssuedOn,
    string OfficeName,
    string QrUrl)
{
    public static string ChineseDate(DateOnly d) => d.ToString("yyyy年MM月dd日", CultureInfo.InvariantCulture);

    public string NameLine => string.IsNullOrEmpty(SecondName) ? Name : $"{Name}（{SecondName}）";

    public string Validity => $"自 {ChineseDate(ValidFrom)} 至 {ChineseDate(ValidUntil)}";

    public string Capital => $"{StartupCapital.ToString("0.00", CultureInfo.InvariantCulture)} 万元";

    public CertificateSheet Sheet() => new(
        "事业单位法人证书",
        Number,
        Code,
        [
            ("名　　称", NameLine),
            ("宗旨和业务范围", PurposeAndScope),
            ("住　　所", Domicile),
            ("法定代表人", LegalRepresentative),
            ("经费来源", FundingSource),
            ("开办资金", Capital),
            ("举办单位", Sponsor),
            ("有 效 期", Validity),
        ],
        "宗旨和业务范围",
        "登记管理机关",
        OfficeName,
        IssuedOn,
        QrUrl,
        "事业单位登记专用章",
        NameLine);
}

/// <summary>
/// One certificate family's page, as the renderer draws it: the title, the printed fields in order (one of them given more
/// lines), who issued it, and the use printed on the seal.
/// </summary>
public sealed record CertificateSheet(
    string Title,
    string Number,
    string Code,
    IReadOnlyList<(string Label, string Value)> Fields,
    string LongField,
    string OfficeLabel,
    string OfficeName,
    DateOnly IssuedOn,
    string QrUrl,
    string SealUse,
    string Subject);

/// <summary>
/// Draws the 《事业单位法人证书》 pair with PDFsharp: 正本 (A4 landscape, for display) and 副本 (A4 portrait,
/// carried for business). Rendered once at issuance; the bytes are stored and never re-rendered. Each PDF carries the
/// office's digital signature, whose visible appearance is the seal, so "电子证书与纸质证书具有同等法律效力" holds.
/// </summary>
public static class CertificatePdfRenderer
{
    private static readonly XColor Red = XColor.FromArgb(166, 27, 27);
    private static readonly XColor Ink = XColor.FromArgb(26, 26, 26);
    private static readonly XColor Label = XColor.FromArgb(70, 70, 70);
    private static readonly XColor Paper = XColor.FromArgb(255, 252, 245);

    public static (byte[] Original, byte[] Duplicate) Render(CertificateContent c, Instruments.OfficeSigner signer) => Render(c.Sheet(), signer);

    public static (byte[] Original, byte[] Duplicate) Render(CertificateSheet c, Instruments.OfficeSigner signer)
    {
        EmbeddedFontResolver.Install();
        var qr = QRCodeGenerator.GenerateQrCode(c.QrUrl, QRCodeGenerator.ECCLevel.M);
        return (Original(c, qr, signer), Duplicate(c, qr, signer));
    }

    /// <summary>The QR version a URL needs at error correction M (the design requires ≤ 15).</summary>
    public static int QrVersion(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return data.Version;
    }

    private static byte[] Original(CertificateSheet c, QRCodeData qr, Instruments.OfficeSigner signer)
    {
        using var doc = NewDocument(c, "正本");
        var sealAt = default(XPoint);
        var page = doc.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using (var g = XGraphics.FromPdfPage(page))
        {
            var w = page.Width.Point;
            var h = page.Height.Point;
            Frame(g, w, h);
            Title(g, w / 2, 78, c.Title, 34, TitleTracking(c.Title, 14));
            Centered(g, "（正　本）", w / 2, 112, 13, bold: false, Label);
            Centered(g, "统一社会信用代码　" + c.Code, w / 2, 140, 12.5, bold: true, Ink);

            // Right column: QR code, then the registrar's seal area, office and issue date; the fields stop short of it.
            var qrSize = 116.0;
            var qrX = w - 80 - qrSize - 40;
            var x = 80.0;
            var y = 172.0;
            var labelWidth = 104.0;
            var valueWidth = qrX - 28 - (x + labelWidth);
            foreach (var (label, value) in c.Fields)
            {
                y = Field(g, x, y, labelWidth, valueWidth, label, value, label == c.LongField ? 5 : 2);
            }

            Qr(g, qr, qrX, 170, qrSize);
            Centered(g, "扫码查验证书状态", qrX + qrSize / 2, 170 + qrSize + 16, 9, bold: false, Label);
            sealAt = new XPoint(qrX + qrSize / 2 - 54, 392 - 54);
            Centered(g, c.OfficeLabel, qrX + qrSize / 2, 460, 10.5, bold: false, Label);
            Centered(g, c.OfficeName, qrX + qrSize / 2, 478, 11.5, bold: true, Ink);
            Centered(g, "发证日期　" + CertificateContent.ChineseDate(c.IssuedOn), qrX + qrSize / 2, 498, 11, bold: false, Ink);

            Text(g, "证书编号：" + c.Number, 80, h - 58, 10, bold: false, Label);
            Text(g, "本证书正本、副本具有同等法律效力。电子证书与纸质证书具有同等法律效力。", 80, h - 44, 8.5, bold: false, Label);
        }

        Instruments.SealSignature.Attach(doc, signer, $"颁发《{c.Title}》（正本）{c.Number}", 0, sealAt, 108, c.SealUse);
        return Instruments.SealSignature.SaveSigned(doc);
    }

    private static byte[] Duplicate(CertificateSheet c, QRCodeData qr, Instruments.OfficeSigner signer)
    {
        using var doc = NewDocument(c, "副本");
        var sealAt = default(XPoint);
        var page = doc.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        using (var g = XGraphics.FromPdfPage(page))
        {
            var w = page.Width.Point;
            var h = page.Height.Point;
            Frame(g, w, h);
            Title(g, w / 2, 96, c.Title, 30, TitleTracking(c.Title, 10));
            Centered(g, "（副　本）", w / 2, 128, 13, bold: false, Label);
            Centered(g, "统一社会信用代码　" + c.Code, w / 2, 158, 12, bold: true, Ink);

            var x = 64.0;
            var y = 196.0;
            foreach (var (label, value) in c.Fields)
            {
                y = Field(g, x, y, 100, w - 2 * x - 100, label, value, label == c.LongField ? 6 : 3);
            }

            var bottom = h - 250;
            var qrSize = 120.0;
            Qr(g, qr, x + 8, bottom, qrSize);
            Centered(g, "扫码查验证书状态", x + 8 + qrSize / 2, bottom + qrSize + 16, 9, bold: false, Label);
            var sealX = w - 64 - 110;
            sealAt = new XPoint(sealX - 56, bottom + 56 - 56);
            Centered(g, c.OfficeLabel, sealX, bottom + 126, 10.5, bold: false, Label);
            Centered(g, c.OfficeName, sealX, bottom + 144, 11.5, bold: true, Ink);
            Centered(g, "发证日期　" + CertificateContent.ChineseDate(c.IssuedOn), sealX, bottom + 164, 11, bold: false, Ink);

            Text(g, "证书编号：" + c.Number, x, h - 66, 10, bold: false, Label);
            Text(g, "本证书正本、副本具有同等法律效力。电子证书与纸质证书具有同等法律效力。", x, h - 50, 8.5, bold: false, Label);
        }

        Instruments.SealSignature.Attach(doc, signer, $"颁发《{c.Title}》（副本）{c.Number}", 0, sealAt, 112, c.SealUse);
        return Instruments.SealSignature.SaveSigned(doc);
    }

    /// <summary>Longer titles get less letter spacing so both families' titles span about the same width.</summary>
    private static double TitleTracking(string title, double eightCharacterTracking) => title.Length <= 8 ? eightCharacterTracking : eightCharacterTracking * 8 / title.Length / 1.6;

    private static PdfDocument NewDocument(CertificateSheet c, string part)
    {
        var doc = new PdfDocument();
        doc.Info.Title = $"{c.Title}（{part}）{c.Number}";
        doc.Info.Subject = c.Subject;
        doc.Info.Author = c.OfficeName;
        doc.Info.Creator = "Portal";
        doc.Options.CompressContentStreams = true;

        // Fastest deflate: with one font subset a certificate stays near 130 KB, and the pair renders and signs within
        // its 30 ms goal; the default level costs about twice the time for a quarter fewer bytes.
        doc.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        return doc;
    }

    /// <summary>Paper tone, a heavy red border with a thin inner rule, and corner marks.</summary>
    private static void Frame(XGraphics g, double w, double h)
    {
        g.DrawRectangle(new XSolidBrush(Paper), 0, 0, w, h);
        g.DrawRectangle(new XPen(Red, 5), 20, 20, w - 40, h - 40);
        g.DrawRectangle(new XPen(Red, 0.8), 30, 30, w - 60, h - 60);
        var mark = 16.0;
        foreach (var (cx, cy) in new[] { (30.0, 30.0), (w - 30, 30.0), (30.0, h - 30), (w - 30, h - 30) })
        {
            g.DrawRectangle(new XSolidBrush(Red), cx - mark / 4, cy - mark / 4, mark / 2, mark / 2);
        }
    }

    /// <summary>The title with generous letter spacing, centred.</summary>
    private static void Title(XGraphics g, double centerX, double baseline, string text, double size, double tracking)
    {
        var font = new XFont(EmbeddedFontResolver.Family, size, XFontStyleEx.Bold);
        var widths = text.Select(ch => g.MeasureString(ch.ToString(), font).Width).ToList();
        var total = widths.Sum() + tracking * (text.Length - 1);
        var x = centerX - total / 2;
        var brush = new XSolidBrush(Red);
        for (var i = 0; i < text.Length; i++)
        {
            g.DrawString(text[i].ToString(), font, brush, x, baseline);
            x += widths[i] + tracking;
        }

        g.DrawLine(new XPen(Red, 1), centerX - total / 2, baseline + 10, centerX + total / 2, baseline + 10);
    }

    /// <summary>A label and a value wrapped to the width (Chinese breaks between any two characters); returns the next baseline.</summary>
    private static double Field(XGraphics g, double x, double y, double labelWidth, double valueWidth, string label, string value, int maxLines)
    {
        var labelFont = new XFont(EmbeddedFontResolver.Family, 12, XFontStyleEx.Bold);
        var valueFont = new XFont(EmbeddedFontResolver.Family, 12, XFontStyleEx.Regular);
        g.DrawString(label, labelFont, new XSolidBrush(Label), x, y);
        var lines = Wrap(g, value, valueFont, valueWidth, maxLines);
        var lineHeight = 19.0;
        foreach (var line in lines)
        {
            g.DrawString(line, valueFont, new XSolidBrush(Ink), x + labelWidth, y);
            y += lineHeight;
        }

        return y + 5;
    }

    /// <summary>Greedy wrapping by measured width; a line never starts with closing punctuation; the last line ends in "…" if cut.</summary>
    public static List<string> Wrap(XGraphics g, string text, XFont font, double width, int maxLines)
    {
        const string noLineStart = "，。、；：？！）》」』”’,.;:?!)";
        var lines = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var ch in text.Replace("\r", string.Empty).Replace('\n', ' '))
        {
            current.Append(ch);
            if (g.MeasureString(current.ToString(), font).Width > width && current.Length > 1)
            {
                var carry = current[^1];
                current.Length--;
                if (noLineStart.Contains(carry))
                {
                    current.Append(carry); // punctuation hangs at the line end rather than starting the next
                    lines.Add(current.ToString());
                    current.Clear();
                }
                else
                {
                    lines.Add(current.ToString());
                    current.Clear().Append(carry);
                }
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = lines[^1][..^1] + "…";
        }

        return lines;
    }

    /// <summary>Each dark module as a filled square: vectors, sharp at any zoom or print size.</summary>
    internal static void Qr(XGraphics g, QRCodeData qr, double x, double y, double size)
    {
        var matrix = qr.ModuleMatrix;
        var n = matrix.Count;
        var module = size / n;
        g.DrawRectangle(XBrushes.White, x, y, size, size);
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        for (var row = 0; row < n; row++)
        {
            var bits = matrix[row];
            var col = 0;
            while (col < n)
            {
                if (!bits[col])
                {
                    col++;
                    continue;
                }

                // Runs of dark modules become one rectangle: smaller PDF, same picture.
                var start = col;
                while (col < n && bits[col])
                {
                    col++;
                }

                path.AddRectangle(x + start * module, y + row * module, (col - start) * module, module);
            }
        }

        g.DrawPath(XBrushes.Black, path);
    }

    private static void Centered(XGraphics g, string text, double centerX, double baseline, double size, bool bold, XColor color)
    {
        var font = new XFont(EmbeddedFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        var width = g.MeasureString(text, font).Width;
        g.DrawString(text, font, new XSolidBrush(color), centerX - width / 2, baseline);
    }

    private static void Text(XGraphics g, string text, double x, double baseline, double size, bool bold, XColor color) =>
        g.DrawString(text, new XFont(EmbeddedFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular), new XSolidBrush(color), x, baseline);
}
