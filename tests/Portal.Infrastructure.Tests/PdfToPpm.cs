using System.Diagnostics;
using ZXing;
using ZXing.Common;

namespace Portal.Infrastructure.Tests;

/// <summary>Poppler's pdftoppm renders a page to a PGM image; ZXing decodes the QR code from the pixels.</summary>
public static class PdfToPpm
{
    public static bool Required => Environment.GetEnvironmentVariable("PORTAL_REQUIRE_PDFTOPPM") == "1";

    public static string? Path => File.Exists("/usr/bin/pdftoppm") ? "/usr/bin/pdftoppm" : null;

    /// <summary>
    /// The QR code's text, or null. The token (and so the code's pattern) differs with every issue, and a given pattern can
    /// land awkwardly on one pixel grid; like a phone trying again from another distance, it is rendered at several
    /// resolutions and read with both of ZXing's binarizers before giving up.
    /// </summary>
    public static string? DecodeQr(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("portal-qr-");
        try
        {
            var input = System.IO.Path.Combine(dir.FullName, "c.pdf");
            File.WriteAllBytes(input, pdf);
            foreach (var dpi in new[] { 200, 300, 400, 150 })
            {
                var output = System.IO.Path.Combine(dir.FullName, "page" + dpi);
                var start = new ProcessStartInfo(Path!, ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-singlefile", input, output]) { RedirectStandardError = true };
                using (var process = Process.Start(start)!)
                {
                    process.WaitForExit(60_000);
                    Assert.Equal(0, process.ExitCode);
                }

                var (pixels, width, height) = ReadPgm(File.ReadAllBytes(output + ".pgm"));
                var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
                var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
                foreach (Binarizer binarizer in new Binarizer[] { new HybridBinarizer(source), new GlobalHistogramBinarizer(source) })
                {
                    if (new ZXing.QrCode.QRCodeReader().decode(new BinaryBitmap(binarizer), hints)?.Text is { } text)
                    {
                        return text;
                    }
                }
            }

            return null;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Binary PGM (P5): "P5\n{w} {h}\n{max}\n" then one byte per pixel.</summary>
    private static (byte[] Pixels, int Width, int Height) ReadPgm(byte[] file)
    {
        var pos = 0;
        string Next()
        {
            while (char.IsWhiteSpace((char)file[pos]))
            {
                pos++;
            }

            var start = pos;
            while (!char.IsWhiteSpace((char)file[pos]))
            {
                pos++;
            }

            return System.Text.Encoding.ASCII.GetString(file, start, pos - start);
        }

        Assert.Equal("P5", Next());
        var width = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        Next(); // max value
        pos++; // the single whitespace before the data
        return (file[pos..(pos + (width * height))], width, height);
    }
}
