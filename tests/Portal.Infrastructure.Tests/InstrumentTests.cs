using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain;
using Portal.Domain.Instruments;
using Portal.Domain.Offices;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Instruments;
using UglyToad.PdfPig;

namespace Portal.Infrastructure.Tests;

public class InstrumentRenderingTests
{
    private static InstrumentContent Content(InstrumentKind kind, InstrumentBody body) =>
        new(kind, InstrumentNumber.Format("浦事登", kind, 2026, 12), "浦江县事业单位登记管理局", "0579-84100000", new DateOnly(2026, 3, 2), body,
            "http://localhost:5000/documents/check/ABCDEFGHJK", "ABCDEFGHJK", "http://localhost:5000/documents/check");

    private static readonly InstrumentBody Body = new(
        "浦江县测绘服务中心",
        ["你单位于2026年3月1日提交的设立登记申请（申请编号：330726-2026-00012），经审查，决定予以受理。"],
        [("申请编号", "330726-2026-00012"), ("决定期限", "5个工作日内，即2026年3月9日前作出决定")],
        ["如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。"]);

    public static TheoryData<InstrumentKind> Kinds() => new(Enum.GetValues<InstrumentKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryKind_ReadsBackWithItsHeaderAndEveryItem_AndIsSignedOverTheWholeFile(InstrumentKind kind)
    {
        var pdf = InstrumentPdfRenderer.Render(Content(kind, Body), TestSigners.Pujiang);
        var text = Text(pdf);
        foreach (var expected in new[]
                 {
                     "浦江县事业单位登记管理局", InstrumentTitles.Zh(kind), InstrumentNumber.Format("浦事登", kind, 2026, 12), "浦江县测绘服务中心：",
                     "330726-2026-00012", "5个工作日内，即2026年3月9日前作出决定", "六十日内", "行政复议", "六个月内", "行政诉讼", "2026年3月2日", "核验码：ABCDE-FGHJK",
                 })
        {
            Assert.Contains(expected, text);
        }

        PdfSig.AssertSignedWholeAndTamperEvident(pdf);
        Assert.True(pdf.Length <= 150 * 1024, $"{pdf.Length} bytes");
    }

    [Fact]
    public void AConfiguredSealPicture_IsTheSignaturesAppearance()
    {
        var signer = TestSigners.Pujiang with { SealImage = RedSquarePng(32) };
        var pdf = InstrumentPdfRenderer.Render(Content(InstrumentKind.Approval, Body), signer);
        Assert.Contains("/Subtype/Image", System.Text.Encoding.Latin1.GetString(pdf));
        PdfSig.AssertSignedWholeAndTamperEvident(pdf);
    }

    /// <summary>A small PNG written by hand: an opaque red square.</summary>
    private static byte[] RedSquarePng(int size)
    {
        static byte[] Chunk(string type, byte[] data)
        {
            var body = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            var crc = 0xFFFFFFFFu;
            foreach (var b in body)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
                }
            }

            crc ^= 0xFFFFFFFFu;
            byte[] Be(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];
            return Be((uint)data.Length).Concat(body).Concat(Be(crc)).ToArray();
        }

        var header = new byte[] { 0, 0, 0, (byte)size, 0, 0, 0, (byte)size, 8, 2, 0, 0, 0 };
        var raw = new MemoryStream();
        for (var y = 0; y < size; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < size; x++)
            {
                raw.Write([200, 30, 30]);
            }
        }

        var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(raw.ToArray());
        }

        return new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }.Concat(Chunk("IHDR", header)).Concat(Chunk("IDAT", compressed.ToArray())).Concat(Chunk("IEND", [])).ToArray();
    }

    [Fact]
    public void ALongList_FlowsOntoMorePages_WithTheSealOnTheLast()
    {
        var items = Enumerable.Range(1, 60).Select(i => ($"{i}", $"申请材料：第{i}项材料，请补正或重新上传")).ToList();
        var pdf = InstrumentPdfRenderer.Render(Content(InstrumentKind.Supplement, Body with { Items = items }), TestSigners.Pujiang);
        using var doc = PdfDocument.Open(pdf);
        Assert.True(doc.NumberOfPages >= 2);
        var all = string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        Assert.Contains("第60项材料", all.Replace(" ", string.Empty));
        Assert.Contains($"第{doc.NumberOfPages}页共{doc.NumberOfPages}页", all.Replace(" ", string.Empty));
        PdfSig.AssertSignedWholeAndTamperEvident(pdf);
        var report = PdfSig.Report(pdf);
        if (report is not null)
        {
            Assert.Contains("Total document signed", report);
        }
    }

    [Fact]
    public void QrCode_LeadsToTheCheckPage()
    {
        if (PdfToPpm.Path is null)
        {
            Assert.False(PdfToPpm.Required, "pdftoppm is required (PORTAL_REQUIRE_PDFTOPPM=1) but was not found");
            return;
        }

        var pdf = InstrumentPdfRenderer.Render(Content(InstrumentKind.Acceptance, Body), TestSigners.Pujiang);
        Assert.Equal("http://localhost:5000/documents/check/ABCDEFGHJK", PdfToPpm.DecodeQr(pdf));
    }

    public static string Text(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty);
    }
}

public class InstrumentIssuingTests
{
    private static readonly Guid County = Guid.Parse("00000000-0000-0000-0000-000000000726");
    private static readonly Guid City = Guid.Parse("00000000-0000-0000-0000-000000000700");

    private static InstrumentRequest Request(Guid office, InstrumentKind kind = InstrumentKind.Acceptance) =>
        new(office, kind, new DateOnly(2026, 3, 2), new InstrumentBody("某某中心", ["正文。"], [("申请编号", "X-1")], []));

    private static async Task<TestDatabase> WithOfficesAsync(Dictionary<string, string?>? settings = null)
    {
        var t = await TestDatabase.CreateAsync(settings: settings);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var county = new RegistrationOffice(County, "浦江县事业单位登记管理局", "Pujiang", "330726", null);
        county.SetDocumentPrefix("浦事登");
        db.Offices.AddRange(county, new RegistrationOffice(City, "金华市事业单位登记管理局", "Jinhua", "330700", null));
        await db.SaveChangesAsync();
        return t;
    }

    private static async Task<Instrument> IssueAsync(TestDatabase t, InstrumentRequest request, bool commit = true)
    {
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var instrument = await scope.ServiceProvider.GetRequiredService<InstrumentIssuer>().IssueAsync(request, default);
        await db.SaveChangesAsync();
        if (commit)
        {
            await tx.CommitAsync();
        }

        return instrument;
    }

    [Fact]
    public async Task Numbers_RunPerOfficeKindAndYear_WithTheOfficesPrefix_AndTheStoredFileMatchesItsHash()
    {
        await using var t = await WithOfficesAsync();
        var a1 = await IssueAsync(t, Request(County));
        var a2 = await IssueAsync(t, Request(County));
        var s1 = await IssueAsync(t, Request(County, InstrumentKind.Supplement));
        var c1 = await IssueAsync(t, Request(City));
        var nextYear = await IssueAsync(t, Request(County) with { IssuedOn = new DateOnly(2027, 1, 4) });
        Assert.Equal(["浦事登受〔2026〕1号", "浦事登受〔2026〕2号", "浦事登补〔2026〕1号", "事登受〔2026〕1号", "浦事登受〔2027〕1号"],
            new[] { a1, a2, s1, c1, nextYear }.Select(i => i.Number));

        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = await db.StoredFiles.SingleAsync(f => f.Id == a1.FileId);
        Assert.Equal(a1.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stored.Content)));
        Assert.Contains("浦事登受〔2026〕1号", InstrumentRenderingTests.Text(stored.Content));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "instrument.issue" && e.RecordId == a1.Number));
    }

    [Fact]
    public async Task UnderConcurrency_NumbersHaveNoGapsAndNoRepeats_AndARolledBackActLeavesNone()
    {
        await using var t = await WithOfficesAsync();
        await IssueAsync(t, Request(County), commit: false); // the act failed after issuing: rolled back, number not taken
        var issued = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => IssueAsync(t, Request(County)))));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), issued.Select(i => i.Serial).Order());
        Assert.Equal(12, issued.Select(i => i.Number).Distinct().Count());
        Assert.Equal(12, issued.Select(i => i.CheckCode).Distinct().Count());

        await using var scope = t.Scope();
        Assert.Equal(12, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Instruments.CountAsync());
    }

    [Fact]
    public async Task EachOffice_SignsWithItsOwnKey()
    {
        await using var t = await WithOfficesAsync();
        var county = await IssueAsync(t, Request(County));
        var city = await IssueAsync(t, Request(City));
        Assert.NotEqual(county.SignerThumbprint, city.SignerThumbprint);

        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var signers = scope.ServiceProvider.GetRequiredService<DocumentSigners>();
        Assert.Equal(signers.For("330726", "浦江县事业单位登记管理局").Thumbprint, county.SignerThumbprint);
        var report = PdfSig.Report((await db.StoredFiles.SingleAsync(f => f.Id == city.FileId)).Content);
        if (report is not null)
        {
            Assert.Contains("金华市事业单位登记管理局", report);
            Assert.DoesNotContain("浦江县", report);
        }
    }

    [Fact]
    public async Task Rotation_SignsNewDocumentsWithTheNewKey_AndOldDocumentsStayValid()
    {
        await using var t = await WithOfficesAsync();
        var before = await IssueAsync(t, Request(County));
        await using (var scope = t.Scope())
        {
            scope.ServiceProvider.GetRequiredService<DocumentSigners>().Rotate("330726", "浦江县事业单位登记管理局");
        }

        var after = await IssueAsync(t, Request(County));
        Assert.NotEqual(before.SignerThumbprint, after.SignerThumbprint);
        await using var s = t.Scope();
        var db = s.ServiceProvider.GetRequiredService<PortalDbContext>();
        PdfSig.AssertSignedWholeAndTamperEvident((await db.StoredFiles.SingleAsync(f => f.Id == before.FileId)).Content);
        Assert.Equal(2, s.ServiceProvider.GetRequiredService<DocumentSigners>().History("330726").Count);
    }

    [Fact]
    public async Task AConfiguredCertificate_Signs()
    {
        var (cert, key) = TestSigners.Pem(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow.AddYears(2), "浦江县事业单位登记管理局（CA签发）"); // the test clock stands at 2026-03-02
        await using var t = await WithOfficesAsync(new()
        {
            ["DocumentSigning:GenerateMissing"] = "false",
            ["DocumentSigning:Offices:0:RegionCode"] = "330726",
            ["DocumentSigning:Offices:0:CertificatePem"] = cert,
            ["DocumentSigning:Offices:0:PrivateKeyPem"] = key,
        });
        var issued = await IssueAsync(t, Request(County));
        Assert.Equal(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(cert).Thumbprint, issued.SignerThumbprint);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WithoutAUsableKey_TheActFails_AndNothingIsNumberedOrStored(bool expired)
    {
        var settings = new Dictionary<string, string?> { ["DocumentSigning:GenerateMissing"] = "false" };
        if (expired)
        {
            // The test clock stands at 2026-03-02: this certificate ran out in 2025.
            var (cert, key) = TestSigners.Pem(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
            settings["DocumentSigning:Offices:0:RegionCode"] = "330726";
            settings["DocumentSigning:Offices:0:CertificatePem"] = cert;
            settings["DocumentSigning:Offices:0:PrivateKeyPem"] = key;
        }

        await using var t = await WithOfficesAsync(settings);
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => IssueAsync(t, Request(County)));
        Assert.Equal(expired ? DocumentSigners.KeyExpired : DocumentSigners.KeyMissing, ex.Code);

        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(0, await db.Instruments.CountAsync());
        Assert.False(await db.Counters.AnyAsync(c => c.Key.StartsWith("instrument:")));
    }
}
