using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Codes;
using Portal.Domain.Offices;
using Portal.Infrastructure.Codes;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Tests;

public class AgencyPersistenceTests
{
    private static readonly Guid County = Guid.Parse("00000000-0000-0000-0000-000000000726");

    [Fact]
    public async Task AnAgency_WithItsCodeAndVersions_ReadsBackAsSaved()
    {
        await using var t = await TestDatabase.CreateAsync();
        Guid id;
        string code;
        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Offices.Add(new RegistrationOffice(County, "浦江县事业单位登记管理局", "Pujiang", "330726", null));
            await db.SaveChangesAsync();
            var assigned = await scope.ServiceProvider.GetRequiredService<CodeRegistry>().AssignNewCodeAsync(CodeCategory.Organ, County, "330726");
            var items = new AgencyItems
            {
                Name = "中共浦江县委组织部",
                Category = AgencyCategory.Organ,
                EstablishingDocument = "浦委〔2019〕3号",
                Functions = "负责全县组织工作。",
                Address = "浙江省金华市浦江县浦阳街道人民东路1号",
                PersonInCharge = "张立",
                PersonInChargeIdNumber = Portal.Domain.Common.ResidentIdNumber.WithCheck("33072619750101123"),
            };
            var agency = Agency.Register(County, assigned, items, new DateOnly(2026, 1, 5), t.Clock.GetUtcNow().UtcDateTime);
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            agency.RecordChange(items with { Address = "浙江省金华市浦江县浦阳街道人民东路9号" }, new DateOnly(2026, 3, 1), t.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            (id, code) = (agency.Id, agency.Code);
        }

        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var agency = await db.Agencies.Include(a => a.Versions).SingleAsync(a => a.Id == id);
            Assert.Equal(code, agency.Code);
            Assert.StartsWith("11330726", agency.Code);
            Assert.Equal(AgencyCategory.Organ, agency.Current.Category);
            Assert.Equal("浙江省金华市浦江县浦阳街道人民东路9号", agency.Current.Address);
            Assert.Equal([1, 2], agency.Versions.OrderBy(v => v.Number).Select(v => v.Number));
            Assert.Equal("浙江省金华市浦江县浦阳街道人民东路1号", agency.Versions.Single(v => v.Number == 1).Items.Address);
            Assert.True(await db.IssuedCodes.AnyAsync(c => c.Code == code)); // its body can never go to an institution
        }
    }
}

public class AgencyCertificateTests
{
    private static readonly Guid County = Guid.Parse("00000000-0000-0000-0000-000000000726");

    /// <summary>
    /// 《统一社会信用代码证书》 issued through the real issuer: both PDFs read back with the agency's items and the 赋码专用章's office,
    /// never the identity number; the QR code on the rendered page decodes to the stored URL, whose token verifies with the public
    /// keys alone (the JWKS a verifier uses), says it is an agency's certificate, and finds a valid certificate by its hash.
    /// </summary>
    [Fact]
    public async Task TheCertificatePair_ReadsBack_AndItsQrCodeSaysValid_WithTheAgencyFamilyClaim()
    {
        await using var t = await TestDatabase.CreateAsync();
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Offices.Add(new RegistrationOffice(County, "浦江县事业单位登记管理局", "Pujiang", "330726", null));
        await db.SaveChangesAsync();
        var code = await scope.ServiceProvider.GetRequiredService<CodeRegistry>().AssignNewCodeAsync(CodeCategory.PeopleOrganisation, County, "330726");
        var id = Portal.Domain.Common.ResidentIdNumber.WithCheck("33072619700101123");
        var agency = Agency.Register(County, code, new AgencyItems
        {
            Name = "浦江县总工会",
            Category = AgencyCategory.PeopleOrganisation,
            EstablishingDocument = "浦委〔1985〕12号",
            Functions = "维护职工合法权益，组织职工参与民主管理和民主监督。",
            Address = "浙江省金华市浦江县浦阳街道和平南路16号",
            PersonInCharge = "陈建华",
            PersonInChargeIdNumber = id,
        }, new DateOnly(2026, 1, 5), t.Clock.GetUtcNow().UtcDateTime);
        db.Agencies.Add(agency);
        var certificate = await scope.ServiceProvider.GetRequiredService<Portal.Infrastructure.Certificates.AgencyCertificateIssuer>()
            .IssueAsync(agency, AgencyCertificateReason.FirstApplication, new DateOnly(2026, 1, 5), default);
        await db.SaveChangesAsync();

        foreach (var (fileId, part) in new[] { (certificate.OriginalPdfId, "正　本"), (certificate.DuplicatePdfId, "副　本") })
        {
            var pdf = await db.StoredFiles.Where(f => f.Id == fileId).Select(f => f.Content).SingleAsync();
            using (var doc = UglyToad.PdfPig.PdfDocument.Open(pdf))
            {
                var text = string.Concat(doc.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", string.Empty).Replace("　", string.Empty);
                foreach (var field in new[] { "统一社会信用代码证书", agency.Code, "浦江县总工会", "群团", "主要职能", "维护职工合法权益", "和平南路16号", "陈建华", "赋码机关", "浦江县事业单位登记管理局", certificate.Number, part.Replace("　", string.Empty) })
                {
                    Assert.Contains(field, text);
                }

                Assert.DoesNotContain(id, text);
                Assert.DoesNotContain("事业单位法人证书", text);
                Assert.DoesNotContain("有效期", text); // the county prints no validity on code certificates
            }

            PdfSig.AssertSignedWholeAndTamperEvident(pdf);
            if (PdfToPpm.Path is null)
            {
                Assert.False(PdfToPpm.Required, "pdftoppm is required (PORTAL_REQUIRE_PDFTOPPM=1) but was not found");
                continue;
            }

            var url = PdfToPpm.DecodeQr(pdf);
            Assert.Equal(certificate.QrUrl, url);
            var token = Portal.Infrastructure.Certificates.CertificateTokens.Extract(url)!;
            var jwks = System.Text.Json.JsonSerializer.Serialize(scope.ServiceProvider.GetRequiredService<Portal.Infrastructure.Certificates.SigningKeyStore>().Jwks());
            var keys = Portal.Infrastructure.Certificates.CertificateTokens.KeysFromJwks(jwks);
            var verdict = Portal.Infrastructure.Certificates.CertificateTokens.Verify(token, kid => keys.GetValueOrDefault(kid));
            Assert.Equal(Portal.Infrastructure.Certificates.TokenCheck.Valid, verdict.Check);
            Assert.True(verdict.Claims!.IsAgency);
            Assert.Equal((agency.Code, certificate.Number, string.Empty), (verdict.Claims.Code, verdict.Claims.Number, verdict.Claims.ValidUntil));
            var hash = Portal.Infrastructure.Certificates.CertificateTokens.Sha256(token);
            Assert.Equal(Portal.Domain.Certificates.CertificateStatus.Valid, await db.AgencyCertificates.Where(c => c.TokenSha256 == hash).Select(c => c.Status).SingleAsync());
        }
    }
}
