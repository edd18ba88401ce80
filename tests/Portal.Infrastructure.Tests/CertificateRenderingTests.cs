using System.Diagnostics;
using Portal.Infrastructure.Certificates;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;

namespace Portal.Infrastructure.Tests;

public class CertificateRenderingTests
{
    private static readonly CertificateContent Sample = new(
        "3307262026000017",
        "12330726MB0000017Q",
        "浦江县自然资源和规划技术服务中心",
        "浦江县测绘服务中心",
        "为自然资源管理和国土空间规划提供技术保障。土地调查与测绘；国土空间规划编制技术支持；不动产登记技术服务；自然资源调查监测；耕地保护技术支持。",
        "浙江省金华市浦江县浦阳街道人民东路116号",
        "黄志明",
        "财政补助（全额拨款）",
        80m,
        "浦江县自然资源和规划局",
        new DateOnly(2026, 11, 26),
        new DateOnly(2031, 11, 26),
        new DateOnly(2026, 11, 26),
        "浦江县事业单位登记管理局",
        "http://localhost:5000/v/eyJhbGciOiJFUzI1NiIsImtpZCI6ImsyNjExMjZhYmNkIn0.eyJuIjoiMzMwNzI2MjAyNjAwMDAxNyIsImMiOiIxMjMzMDcyNk1CMDAwMDAxN1EiLCJubSI6Iua1puaxn-WOv-iHqueEtui1hOa6kOWSjOinhOWIkuaKgOacr-acjeWKoeS4reW_gyIsInZmIjoiMjAyNjExMjYiLCJ2dSI6IjIwMzExMTI2IiwiaXMiOiIyMDI2MTEyNiJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

    public static readonly string[] PrintedFields =
    [
        "事业单位法人证书", "统一社会信用代码", "12330726MB0000017Q", "浦江县自然资源和规划技术服务中心", "浦江县测绘服务中心",
        "宗旨和业务范围", "国土空间规划", "浙江省金华市浦江县浦阳街道人民东路116号", "法定代表人", "黄志明",
        "经费来源", "财政补助（全额拨款）", "开办资金", "80.00 万元", "举办单位", "浦江县自然资源和规划局",
        "有效期", "2026年11月26日", "2031年11月26日", "浦江县事业单位登记管理局", "发证日期", "3307262026000017",
    ];

    [Fact]
    public void BothPdfs_ReadBackWithEveryPrintedFieldInChinese()
    {
        var (original, duplicate) = CertificatePdfRenderer.Render(Sample, TestSigners.Pujiang);
        foreach (var (pdf, part) in new[] { (original, "正　本"), (duplicate, "副　本") })
        {
            using var doc = PdfDocument.Open(pdf);
            Assert.Equal(1, doc.NumberOfPages);
            var page = doc.GetPage(1);
            var text = string.Concat(page.Letters.Select(l => l.Value)).Replace(" ", string.Empty);
            foreach (var field in PrintedFields.Append(part))
            {
                Assert.Contains(field.Replace(" ", string.Empty).Replace("　", string.Empty), text.Replace("　", string.Empty));
            }

            Assert.True(pdf.Length < 400_000, $"{part} is {pdf.Length} bytes");
        }

        using var o = PdfDocument.Open(original);
        Assert.True(o.GetPage(1).Width > o.GetPage(1).Height); // 正本 landscape
        using var d = PdfDocument.Open(duplicate);
        Assert.True(d.GetPage(1).Height > d.GetPage(1).Width); // 副本 portrait
    }

    [Fact]
    public void QrCode_DecodedFromTheRenderedPage_EqualsTheUrl()
    {
        var pdftoppm = PdfToPpm.Path;
        if (pdftoppm is null)
        {
            Assert.False(PdfToPpm.Required, "pdftoppm is required (PORTAL_REQUIRE_PDFTOPPM=1) but was not found");
            return; // locally without poppler-utils: nothing to look at
        }

        var (original, duplicate) = CertificatePdfRenderer.Render(Sample, TestSigners.Pujiang);
        foreach (var pdf in new[] { original, duplicate })
        {
            Assert.Equal(Sample.QrUrl, PdfToPpm.DecodeQr(pdf));
        }
    }

    [Fact]
    public void BothPdfs_CarryTheOfficesSignature_CoveringTheWholeFile_AndBreakWhenAByteChanges()
    {
        var (original, duplicate) = CertificatePdfRenderer.Render(Sample, TestSigners.Pujiang);
        PdfSig.AssertSignedWholeAndTamperEvident(original);
        PdfSig.AssertSignedWholeAndTamperEvident(duplicate);
        Assert.Contains("浦江县事业单位登记管理局", PdfSig.Report(original) ?? "浦江县事业单位登记管理局"); // the signer named
        Assert.All(new[] { original, duplicate }, pdf => Assert.True(pdf.Length <= 150 * 1024, $"{pdf.Length} bytes"));
    }

    [Fact]
    public void QrVersion_StaysAtMost15ForTheDemoUrl()
    {
        Assert.True(CertificatePdfRenderer.QrVersion(Sample.QrUrl) <= 15, $"version {CertificatePdfRenderer.QrVersion(Sample.QrUrl)}");
    }

    [Fact]
    public void LongScope_IsWrappedAndCutWithAnEllipsis_NotOverflowing()
    {
        var longScope = Sample with { PurposeAndScope = string.Concat(Enumerable.Repeat("提供技术服务；", 80)) };
        var (original, _) = CertificatePdfRenderer.Render(longScope, TestSigners.Pujiang);
        using var doc = PdfDocument.Open(original);
        var letters = doc.GetPage(1).Letters;
        Assert.Contains(letters, l => l.Value == "…");
        Assert.All(letters, l => Assert.True(l.BoundingBox.Right <= doc.GetPage(1).Width - 30, $"'{l.Value}' overflows at {l.BoundingBox.Right}"));
    }
}

public class CertificateTokenTests
{
    private static readonly SigningKey Key = new("k2611261a2b", System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256), true, DateTime.UtcNow);

    [Theory]
    [InlineData(8)]
    [InlineData(30)]
    [InlineData(100)]
    public void EveryName_FitsAQrCodeOfVersion15AtLevelM_OnALongProductionAddress(int nameLength)
    {
        var name = string.Concat(Enumerable.Repeat("浦江县技术服务", 20))[..nameLength];
        var claims = new CertificateClaims("3307262026000017", "12330726MB0000017Q", name, "20261126", "20311126", "20261126");
        var token = CertificateTokens.SignForQr(claims, Key, "https://djgl.pujiang.gov.cn/portal");
        Assert.True(CertificatePdfRenderer.QrVersion(token.Url) <= 15);
        var verdict = CertificateTokens.Verify(token.Compact, kid => kid == Key.KeyId ? Key.Key : null);
        Assert.Equal(TokenCheck.Valid, verdict.Check);
        Assert.Equal("3307262026000017", verdict.Claims!.Number);
        Assert.StartsWith(name[..4], verdict.Claims.Name);
        Assert.StartsWith("https://djgl.pujiang.gov.cn/portal/v/", token.Url);
    }

    [Fact]
    public void Verify_RefusesOtherAlgorithmsAndBrokenShapes()
    {
        var claims = new CertificateClaims("1", "2", "名", "20260101", "20310101", "20260101");
        var token = CertificateTokens.Sign(claims, Key, "http://x").Compact;
        var parts = token.Split('.');
        var none = Base64Url.Encode("{\"alg\":\"none\",\"kid\":\"k2611261a2b\"}"u8) + "." + parts[1] + ".";
        Assert.Equal(TokenCheck.Malformed, CertificateTokens.Verify(none, _ => Key.Key).Check);
        Assert.Equal(TokenCheck.Malformed, CertificateTokens.Verify("a.b", _ => Key.Key).Check);
        Assert.Equal(TokenCheck.UnknownKey, CertificateTokens.Verify(token, _ => null).Check);
        Assert.Equal(TokenCheck.BadSignature, CertificateTokens.Verify(parts[0] + "." + parts[1] + "." + Base64Url.Encode(new byte[64]), _ => Key.Key).Check);
    }
}

public class SigningKeyRotationTests
{
    [Fact]
    public async Task Rotate_MakesANewActiveKey_AndKeepsTheOldOnePublished()
    {
        await using var t = await TestDatabase.CreateAsync(migrate: false);
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SigningKeyStore>(t.Services);
        var first = store.Active;
        var claims = new CertificateClaims("1", "2", "名", "20260101", "20310101", "20260101");
        var oldToken = CertificateTokens.Sign(claims, first, "http://x");

        var second = store.Rotate();
        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.Equal(second.KeyId, store.Active.KeyId);
        var published = store.Jwks().Keys.Select(k => k.Kid).ToList();
        Assert.Contains(first.KeyId, published);
        Assert.Contains(second.KeyId, published);

        // A certificate signed before the rotation still verifies with the published keys alone.
        var keys = CertificateTokens.KeysFromJwks(System.Text.Json.JsonSerializer.Serialize(store.Jwks()));
        Assert.Equal(TokenCheck.Valid, CertificateTokens.Verify(oldToken.Compact, k => keys.GetValueOrDefault(k)).Check);
        Assert.All(Directory.GetFiles(store.Directory), f => Assert.StartsWith(Path.Combine(t.Folder, "keys"), f));
    }
}
