using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.Signatures;
using Portal.Infrastructure.Certificates;

namespace Portal.Infrastructure.Instruments;

/// <summary>
/// Signs a PDF with the office's certificate (CMS, adbe.pkcs7.detached, SHA-256) through PDFsharp's own signer;
/// the signature's visible appearance is the office's seal. The signature covers the whole file except its own
/// contents, so changing any byte afterwards makes every PDF reader report it invalid.
/// </summary>
public static class SealSignature
{
    /// <summary>
    /// Attaches the signature to <paramref name="doc"/>; it is made when the document is saved.
    /// <paramref name="topLeft"/> is where the seal's box starts, in page coordinates from the top-left (as XGraphics draws).
    /// </summary>
    public static void Attach(PdfDocument doc, OfficeSigner signer, string reason, int pageIndex, XPoint topLeft, double size, string use = "电子文书专用章")
    {
        var page = doc.Pages[pageIndex];
        // The signature field's rectangle is in PDF user space (origin bottom-left).
        var rect = new XRect(topLeft.X, page.Height.Point - topLeft.Y - size, size, size);
        var options = new DigitalSignatureOptions
        {
            Reason = reason,
            Location = signer.OfficeName,
            ContactInfo = signer.OfficeName,
            AppName = "Portal",
            PageIndex = pageIndex,
            Rectangle = rect,
            AppearanceHandler = new SealAppearance(signer, use),
        };
        DigitalSignatureHandler.ForDocument(doc, new PdfSharpDefaultSigner(signer.Certificate, PdfMessageDigestType.SHA256, null), options);
    }

    /// <summary>Saves (which signs) and returns the bytes.</summary>
    public static byte[] SaveSigned(PdfDocument doc)
    {
        using var stream = new MemoryStream();
        doc.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private sealed class SealAppearance(OfficeSigner signer, string use) : IAnnotationAppearanceHandler
    {
        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
            // PDFsharp hands the page rectangle; the appearance is drawn in the field's own box from (0, 0).
            var box = new XRect(0, 0, rect.Width, rect.Height);
            if (signer.SealImage is { } bytes)
            {
                using var stream = new MemoryStream(bytes);
                using var image = XImage.FromStream(stream);
                gfx.DrawImage(image, box);
                return;
            }

            Seal.Draw(gfx, box.Width / 2, box.Height / 2, box.Width / 2 - 2, signer.OfficeName, use);
        }
    }
}

/// <summary>The drawn default seal: a red ring, a five-pointed star, the office's name round the top and the seal's use below.</summary>
public static class Seal
{
    public static readonly XColor Red = XColor.FromArgb(200, 30, 30);

    /// <summary>What fits round the ring: at most 16 characters of the office's name.</summary>
    public static string NameOnRing(string officeName) => officeName.Length > 16 ? officeName[..16] : officeName;

    public static void Draw(XGraphics g, double cx, double cy, double r, string officeName, string use)
    {
        var red = new XSolidBrush(Red);
        g.DrawEllipse(new XPen(Red, Math.Max(1.5, r * 0.05)), cx - r * 0.96, cy - r * 0.96, r * 1.92, r * 1.92);
        var star = new XPoint[10];
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? r * 0.3 : r * 0.12;
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            star[i] = new XPoint(cx + radius * Math.Cos(angle), cy + radius * Math.Sin(angle));
        }

        g.DrawPolygon(red, star, XFillMode.Winding);

        // The name runs clockwise along the upper arc, each character upright to the ring. The text uses the document's one
        // face (bold is simulated), so the appearance adds no second font subset.
        var family = new XFontFamily(EmbeddedFontResolver.Family);
        var name = NameOnRing(officeName);
        var size = Math.Clamp(r * 1.9 / Math.Max(name.Length, 6), r * 0.12, r * 0.24);
        var span = Math.Min(240.0, 20.0 * name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var degrees = -span / 2 + (name.Length == 1 ? span / 2 : span * i / (name.Length - 1));
            var state = g.Save();
            g.TranslateTransform(cx, cy);
            g.RotateTransform(degrees);
            Glyphs(g, name[i].ToString(), family, XFontStyleEx.Bold, size, 0, -r * 0.62, red);
            g.Restore(state);
        }

        Glyphs(g, use, family, XFontStyleEx.Regular, r * 0.15, cx, cy + r * 0.58, red);
    }

    /// <summary>Text centred on <paramref name="centerX"/> with its baseline at <paramref name="baseline"/>.</summary>
    private static void Glyphs(XGraphics g, string text, XFontFamily family, XFontStyleEx style, double size, double centerX, double baseline, XBrush brush)
    {
        var font = new XFont(family.Name, size, style);
        g.DrawString(text, font, brush, centerX - g.MeasureString(text, font).Width / 2, baseline);
    }
}
