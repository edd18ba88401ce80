using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Portal.Infrastructure.Instruments;

namespace Portal.Infrastructure.Tests;

/// <summary>Poppler's pdfsig, as a third party would check a signed PDF.</summary>
public static class PdfSig
{
    public static string? Path => File.Exists("/usr/bin/pdfsig") ? "/usr/bin/pdfsig" : null;

    /// <summary>pdfsig's report, or null when poppler-utils is not installed here (CI requires it: PORTAL_REQUIRE_PDFTOPPM=1).</summary>
    public static string? Report(byte[] pdf)
    {
        if (Path is null)
        {
            Assert.False(PdfToPpm.Required, "pdfsig is required (PORTAL_REQUIRE_PDFTOPPM=1) but was not found");
            return null;
        }

        var dir = Directory.CreateTempSubdirectory("portal-sig-");
        try
        {
            var input = System.IO.Path.Combine(dir.FullName, "d.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo(Path, [input]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit(60_000);
            return output;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Asserts one signature, valid, covering the whole file; and that flipping one byte inside the signed range makes it invalid.</summary>
    public static void AssertSignedWholeAndTamperEvident(byte[] pdf)
    {
        var report = Report(pdf);
        if (report is null)
        {
            return;
        }

        Assert.Contains("Signature #1", report);
        Assert.DoesNotContain("Signature #2", report);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains("Total document signed", report);
        Assert.Matches("Signature Type: (adbe.pkcs7.detached|ETSI.CAdES.detached)", report);

        var tampered = (byte[])pdf.Clone();
        var at = System.Text.Encoding.Latin1.GetString(pdf).IndexOf("/MediaBox", StringComparison.Ordinal);
        Assert.True(at > 0);
        tampered[at + 12] ^= 0x01; // one digit of the page size, well inside the first signed range
        var after = Report(tampered)!;
        Assert.Contains("Signature is Invalid", after);
    }
}

/// <summary>Self-signed office certificates for tests, made once per process.</summary>
public static class TestSigners
{
    private static readonly Lazy<OfficeSigner> County = new(() => Make("浦江县事业单位登记管理局", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)));

    public static OfficeSigner Pujiang => County.Value;

    public static OfficeSigner Make(string office, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={office}, O={office}, C=CN", key, HashAlgorithmName.SHA256);
        using var made = request.CreateSelfSigned(notBefore, notAfter);
        return new OfficeSigner(X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null), null, office);
    }

    public static (string CertificatePem, string KeyPem) Pem(DateTimeOffset notBefore, DateTimeOffset notAfter, string office = "测试登记管理局")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={office}", key, HashAlgorithmName.SHA256);
        using var made = request.CreateSelfSigned(notBefore, notAfter);
        return (made.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
