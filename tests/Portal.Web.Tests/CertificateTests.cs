using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Announcements;
using Portal.Domain.Certificates;
using Portal.Domain.Filings;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Certificates;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class CertificateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task DemoCertificate_VerifiesAsValid_WithPrintedFieldsAndNoIdentityNumber()
    {
        var c = await CertificateOfAsync(factory, "浦江县乡村振兴技术服务中心", CertificateStatus.Valid);
        using var client = factory.Client();
        var page = await client.PageAsync(new Uri(c.QrUrl).PathAndQuery);
        Assert.Equal("Valid", page.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        Assert.Contains("有效", page.QuerySelector(".verdict-word")!.TextContent);
        var text = page.Body!.TextContent;
        Assert.Contains(c.Number, text);
        Assert.Contains(c.Code, text);
        Assert.Contains("浦江县乡村振兴技术服务中心", text);
        Assert.Contains("浦江县事业单位登记管理局", text);
        Assert.DoesNotContain(Portal.Domain.Common.ResidentIdNumber.WithCheck("33072619780315211"), text);

        // In English too, from the visitor's browser language.
        var en = await (await client.GetAsync(new Uri(c.QrUrl).PathAndQuery, "en")).Content.ReadAsStringAsync();
        Assert.Contains(">Valid<", en);
        Assert.Contains("Pujiang County Public Institution Registration Office", en);
    }

    [Fact]
    public async Task AnyOneCharacterChange_UnknownKeys_AndJunk_AllReadNotIssued()
    {
        var c = await CertificateOfAsync(factory, "浦江县图书馆", CertificateStatus.Valid);
        using var client = factory.Client();
        var token = c.Token;
        var dots = new[] { token.IndexOf('.'), token.LastIndexOf('.') };
        foreach (var position in new[] { 0, 5, dots[0] + 3, dots[0] + 40, dots[1] + 1, token.Length - 1 })
        {
            var chars = token.ToCharArray();
            chars[position] = chars[position] == 'A' ? 'B' : 'A';
            Assert.Equal("NotIssued", await VerdictAsync(client, "/v/" + new string(chars)));
        }

        // The same claims signed by a key this portal never had.
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var claims = new CertificateClaims(c.Number, c.Code, "浦江县图书馆", CertificateClaims.Day(c.ValidFrom), CertificateClaims.Day(c.ValidUntil), CertificateClaims.Day(c.IssuedOn));
        var forged = CertificateTokens.Sign(claims, new SigningKey(c.KeyId, stranger, true, DateTime.UtcNow), "http://x");
        Assert.Equal("NotIssued", await VerdictAsync(client, "/v/" + forged.Compact));

        foreach (var junk in new[] { "/v/", "/v/abc", "/v/" + token[..40], "/v/" + new string('A', 5000), "/v/a.b.c", "/v/%01%02", "/v/..%2F..%2Fetc%2Fpasswd", "/v/" + token + "x", "/v/" + token + ".x" })
        {
            var response = await client.GetAsync(junk);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{junk}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Contains("data-verdict=\"NotIssued\"", await response.Content.ReadAsStringAsync());
            }
        }
    }

    [Fact]
    public async Task TheQrCodeOnTheStoredPdf_DecodesToTheStoredUrl_WhosePageSaysValid()
    {
        if (Portal.Infrastructure.Tests.PdfToPpm.Path is null)
        {
            Assert.False(Portal.Infrastructure.Tests.PdfToPpm.Required, "pdftoppm is required (PORTAL_REQUIRE_PDFTOPPM=1) but was not found");
            return;
        }

        var c = await CertificateOfAsync(factory, "浦江县第二中学", CertificateStatus.Valid);
        using var user = factory.Client();
        await user.LoginOkAsync(Demo.Registrar);
        foreach (var part in new[] { "original", "duplicate" })
        {
            var pdf = await (await user.GetAsync($"/registry/certificates/{c.Id}/{part}.pdf")).Content.ReadAsByteArrayAsync();
            var url = Portal.Infrastructure.Tests.PdfToPpm.DecodeQr(pdf);
            Assert.Equal(c.QrUrl, url);
            using var phone = factory.Client();
            Assert.Equal("Valid", await VerdictAsync(phone, new Uri(url!).PathAndQuery));
        }
    }

    [Fact]
    public async Task SupersededAndVoidedDemoCertificates_SaySo_AndLinkToTheCurrentOne()
    {
        using var client = factory.Client();
        var old = await CertificateOfAsync(factory, "浦江县农业技术推广中心", CertificateStatus.Superseded);
        var page = await client.PageAsync(new Uri(old.QrUrl).PathAndQuery);
        Assert.Equal("Superseded", page.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        var successor = page.QuerySelector("[data-successor]")!.GetAttribute("href")!;
        Assert.Equal("Valid", await VerdictAsync(client, successor));

        var lost = await CertificateOfAsync(factory, "浦江县融媒体中心", CertificateStatus.Voided);
        var voided = await client.PageAsync(new Uri(lost.QrUrl).PathAndQuery);
        Assert.Equal("Voided", voided.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        Assert.Contains("遗失", voided.Body!.TextContent);
    }

    [Fact]
    public async Task VerifyByNumberAndCode_ForgivingAboutCodeCase()
    {
        var c = await CertificateOfAsync(factory, "浦江县第二中学", CertificateStatus.Valid);
        using var client = factory.Client();
        Assert.Equal("Valid", await VerdictAsync(client, $"/verify?Number={c.Number}&Code={c.Code.ToLowerInvariant()}"));

        // A typed pair that matches nothing is not the QR-tampering verdict: it says what to do.
        var noMatch = await client.PageAsync($"/verify?Number={c.Number}&Code=12100000470095016Q");
        Assert.Null(noMatch.QuerySelector("[data-verdict]"));
        Assert.Equal("未找到与该编号和代码相符的证书，请核对后重试。", noMatch.QuerySelector("[data-no-match]")!.TextContent.Trim());
        Assert.Equal(c.Number, ((AngleSharp.Html.Dom.IHtmlInputElement)noMatch.QuerySelector("#Number")!).Value);

        var badCode = await client.PageAsync("/verify?Number=1&Code=x");
        Assert.NotNull(badCode.QuerySelector("#Code-error"));
        Assert.Equal("x", ((AngleSharp.Html.Dom.IHtmlInputElement)badCode.QuerySelector("#Code")!).Value);

        // An empty submit gets a message; the first visit none.
        var empty = await client.PageAsync("/verify?Number=&Code=");
        Assert.Contains("请填写证书编号和统一社会信用代码", empty.QuerySelector("#error-summary")!.TextContent);
        Assert.Null((await client.PageAsync("/verify")).QuerySelector("#error-summary"));
    }

    [Fact]
    public async Task TheVerifyPage_SaysAtAGlanceWhoseCertificate_WhenChecked_AndForAnEndedOneSinceWhen()
    {
        using var client = factory.Client();
        var valid = await CertificateOfAsync(factory, "浦江县第二中学", CertificateStatus.Valid);
        var page = await client.PageAsync(new Uri(valid.QrUrl).PathAndQuery);
        var verdict = page.QuerySelector("[data-verdict]")!;
        Assert.Equal("浦江县第二中学", verdict.QuerySelector("[data-verdict-name]")!.TextContent);
        Assert.Contains(valid.Number, verdict.QuerySelector("[data-verdict-number]")!.TextContent);
        var text = page.Body!.TextContent;
        Assert.Contains("经费来源", text);
        Assert.Contains("财政补助（全额拨款）", text);
        Assert.Contains("查验时间", text);
        Assert.Contains("0579-84100000", text); // the office's telephone
        Assert.Contains("有效期", text);

        var old = await CertificateOfAsync(factory, "浦江县农业技术推广中心", CertificateStatus.Superseded);
        var ended = await client.PageAsync(new Uri(old.QrUrl).PathAndQuery);
        var items = ended.QuerySelector("dl.items")!.TextContent;
        Assert.Contains("失效日期", items);
        Assert.Contains(old.EndedOn!.Value.ToString("yyyy-MM-dd"), items);
        Assert.Contains("原有效期", items);
        Assert.DoesNotContain("有效期" + old.ValidFrom.ToString("yyyy-MM-dd"), items.Replace("原有效期", string.Empty));
        Assert.Contains(old.EndedOn.Value.ToString("yyyy-MM-dd"), ended.QuerySelector("[data-ended]")!.TextContent);
    }

    [Fact]
    public async Task Jwks_PublishesTheSigningKey_AndTheCommandLineVerifiesOffline()
    {
        using var client = factory.Client();
        var jwks = await (await client.GetAsync("/.well-known/certificate-keys.json")).Content.ReadAsStringAsync();
        var keys = CertificateTokens.KeysFromJwks(jwks);
        var c = await CertificateOfAsync(factory, "浦江县图书馆", CertificateStatus.Valid);
        Assert.Contains(c.KeyId, keys.Keys);
        Assert.Equal(TokenCheck.Valid, CertificateTokens.Verify(c.Token, k => keys.GetValueOrDefault(k)).Check);
        Assert.DoesNotContain("\"d\"", jwks); // never the private part

        var file = Path.Combine(factory.Folder, "jwks.json");
        await File.WriteAllTextAsync(file, jwks);
        var (code, output) = await RunCliAsync("verify-token", c.QrUrl, "--keys", file);
        Assert.Equal(0, code);
        Assert.Contains("signature: Valid", output);
        Assert.Contains(c.Number, output);
        Assert.Contains("family:      事业单位法人证书", output);

        // An agency's code certificate verifies with the same keys and the same command, which names its family.
        ScannedAgencyCertificate agency;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var union = await db.Agencies.Where(a => a.Current.Name == "浦江县总工会").Select(a => a.Id).SingleAsync();
            agency = await db.AgencyCertificates.Where(x => x.AgencyId == union && x.Status == CertificateStatus.Valid)
                .Select(x => new ScannedAgencyCertificate(x.Number, x.Code, x.QrUrl)).SingleAsync();
        }

        var (agencyCode, agencyOutput) = await RunCliAsync("verify-token", agency.QrUrl, "--keys", file);
        Assert.Equal(0, agencyCode);
        Assert.Contains(agency.Number, agencyOutput);
        Assert.Contains(agency.Code, agencyOutput);
        Assert.Contains("family:      统一社会信用代码证书", agencyOutput);
        Assert.Contains("no end printed", agencyOutput);
        var (badCode, badOutput) = await RunCliAsync("verify-token", c.Token[..^3] + "AAA", "--keys", file);
        Assert.Equal(1, badCode);
        Assert.Contains("NOT issued", badOutput);
    }

    [Fact]
    public async Task InstitutionUsers_DownloadTheirOwnCertificates_AndNobodyElses()
    {
        var mine = await CertificateOfAsync(factory, "浦江县乡村振兴技术服务中心", CertificateStatus.Valid);
        var theirs = await CertificateOfAsync(factory, "浦江县图书馆", CertificateStatus.Valid);
        using var user = factory.Client();
        await user.LoginOkAsync(Demo.User);
        var pdf = await user.GetAsync($"/institution/certificates/{mine.Id}/original.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal(mine.OriginalSha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/institution/certificates/{theirs.Id}/original.pdf")).StatusCode);

        using var city = factory.Client();
        await city.LoginOkAsync(Demo.CityRegistrar);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/registry/certificates/{mine.Id}/duplicate.pdf")).StatusCode);
        using var county = factory.Client();
        await county.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/registry/certificates/{mine.Id}/duplicate.pdf")).StatusCode);

        using var anonymous = factory.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/institution/certificates/{mine.Id}/original.pdf")).StatusCode);
    }

    [Fact]
    public async Task Registrar_VoidsACertificate_WithReasons_AndItIsAnnounced()
    {
        var c = await CertificateOfAsync(factory, "浦江县疾病预防控制中心", CertificateStatus.Valid);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var page = $"/registry/institutions/{c.InstitutionId}";
        var noReason = await registrar.SubmitAsync(page, $"/registry/certificates/{c.Id}/void", new Dictionary<string, string> { ["reason"] = "Loss", ["note"] = "", ["confirmed"] = "true" });
        Assert.Equal(CertificateStatus.Valid, (await CertificateAsync(factory, c.Id)).Status);
        var done = await registrar.SubmitAsync(page, $"/registry/certificates/{c.Id}/void", new Dictionary<string, string> { ["reason"] = "Loss", ["note"] = "正本遗失，已登报", ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(CertificateStatus.Voided, (await CertificateAsync(factory, c.Id)).Status);
        using var client = factory.Client();
        Assert.Equal("Voided", await VerdictAsync(client, new Uri(c.QrUrl).PathAndQuery));
        using var scope = factory.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Announcements.AnyAsync(a => a.InstitutionId == c.InstitutionId && a.Kind == AnnouncementKind.CertificateVoided));
    }

    internal static async Task<Certificate> CertificateOfAsync(PortalFactory factory, string institution, CertificateStatus status)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var id = await db.Institutions.Where(i => i.Current.Name == institution).Select(i => i.Id).SingleAsync();
        return await db.Certificates.AsNoTracking().Where(c => c.InstitutionId == id && c.Status == status).OrderByDescending(c => c.IssuedOn).FirstAsync();
    }

    internal static async Task<Certificate> CertificateAsync(PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Certificates.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    internal static async Task<string?> VerdictAsync(PortalClient client, string url) =>
        (await client.PageAsync(url)).QuerySelector("[data-verdict]")?.GetAttribute("data-verdict");

    private static async Task<(int Code, string Output)> RunCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"), .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}

/// <summary>Certificates over time: issuance by filings, supersession, expiry with a fake clock, reminders, rate limits.</summary>
public class CertificateLifecycleTests
{
    [Fact]
    public async Task ChangeFiling_IssuesANewCertificate_AndTheOldOneReadsSupersededWithALink()
    {
        using var factory = new PortalFactory();
        var before = await CertificateTests.CertificateOfAsync(factory, "浦江县乡村振兴技术服务中心", CertificateStatus.Valid);
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.Change);
        var edit = await manager.PageAsync($"/filings/{id}/edit");
        var fields = edit.Forms.First(f => f.GetAttribute("action")!.EndsWith("/edit", StringComparison.Ordinal))
            .QuerySelectorAll("input[name]:not([type=hidden]), textarea[name], select[name]")
            .ToDictionary(e => e.GetAttribute("name")!, e => e is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : e is AngleSharp.Html.Dom.IHtmlSelectElement s ? s.Value ?? "" : ((AngleSharp.Html.Dom.IHtmlInputElement)e).Value);
        fields["Sponsor"] = "浦江县农业农村局（浦江县乡村振兴局）";
        await manager.SaveAsync(id, fields);
        await manager.UploadAllAsync(id, [AttachmentKind.ApplicationForm, AttachmentKind.ChangeProof]);
        await manager.ConfirmSubmitAsync(id);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "accept");
        await registrar.DecideAsync(id, "approve");

        var after = await CertificateTests.CertificateOfAsync(factory, "浦江县乡村振兴技术服务中心", CertificateStatus.Valid);
        Assert.NotEqual(before.Number, after.Number);
        Assert.Equal(before.ValidUntil, after.ValidUntil); // a change keeps the predecessor's validity end
        Assert.Equal("浦江县农业农村局（浦江县乡村振兴局）", after.Printed.Sponsor);
        using var visitor = factory.Client();
        var page = await visitor.PageAsync(new Uri(before.QrUrl).PathAndQuery);
        Assert.Equal("Superseded", page.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        Assert.Equal("/v/" + after.Token, page.QuerySelector("[data-successor]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task PastTheValidityEnd_TheVerifyPageSaysExpired_AndTheDailyJobMarksAndAnnouncesIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory { Clock = clock };
        var library = await CertificateTests.CertificateOfAsync(factory, "浦江县图书馆", CertificateStatus.Valid); // ends in 20 days
        using var client = factory.Client();
        Assert.Equal("Valid", await CertificateTests.VerdictAsync(client, new Uri(library.QrUrl).PathAndQuery));

        clock.Advance(TimeSpan.FromDays(22));
        Assert.Equal("Expired", await CertificateTests.VerdictAsync(client, new Uri(library.QrUrl).PathAndQuery));

        var job = factory.Services.GetRequiredService<CertificateExpiryJob>();
        var (expired, _) = await job.RunOnceAsync(CancellationToken.None);
        Assert.True(expired >= 1, $"expired {expired}");
        Assert.Equal(CertificateStatus.Expired, (await CertificateTests.CertificateAsync(factory, library.Id)).Status);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(await db.Announcements.AnyAsync(a => a.InstitutionId == library.InstitutionId && a.Kind == AnnouncementKind.CertificateExpired));
        Assert.Equal(0, (await job.RunOnceAsync(CancellationToken.None)).Expired); // idempotent
    }

    [Fact]
    public async Task ExpiryReminders_GoOutAt60And30Days_OnceEach()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory { Clock = clock };
        var centre = await CertificateTests.CertificateOfAsync(factory, "浦江县乡村振兴技术服务中心", CertificateStatus.Valid);
        var job = factory.Services.GetRequiredService<CertificateExpiryJob>();
        int Reminders(PortalDbContext db, string days) => db.OutboxMessages.Count(m => m.To == Demo.User && m.Kind == "certificate-expiry" && m.Subject.Contains("证书将于" + days + "日内到期"));

        clock.Advance(TimeSpan.FromDays(centre.ValidUntil.DayNumber - DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber - 45));
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None); // not twice
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(1, Reminders(db, "60"));
            Assert.Equal(0, Reminders(db, "30"));
        }

        clock.Advance(TimeSpan.FromDays(20)); // 25 days left
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(1, Reminders(db, "60"));
            Assert.Equal(1, Reminders(db, "30"));
            Assert.True(await db.Notifications.AnyAsync(n => n.TitleZh.Contains(centre.Number)));
        }
    }

    [Fact]
    public async Task DeregistrationApproval_VoidsTheCertificateAutomatically()
    {
        using var factory = new PortalFactory();
        var email = await factory.AddInstitutionUserAsync("浦江县公共资源交易中心", "jy@example.org");
        var c = await CertificateTests.CertificateOfAsync(factory, "浦江县公共资源交易中心", CertificateStatus.Valid);
        using var client = factory.Client();
        await client.LoginOkAsync(email);
        var id = await client.StartAsync(FilingKind.Deregistration);
        await client.SaveAsync(id, new Dictionary<string, string> { ["DeregistrationReason"] = "SponsorDecision", ["Explanation"] = "举办单位决定撤销，清算完毕。" });
        await client.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Deregistration, []));
        await client.ConfirmSubmitAsync(id);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "accept");
        await registrar.DecideAsync(id, "approve");
        var after = await CertificateTests.CertificateAsync(factory, c.Id);
        Assert.Equal(CertificateStatus.Voided, after.Status);
        Assert.Equal(VoidReason.Deregistration, after.VoidReason);
    }

    [Fact]
    public async Task SetupApproval_IssuesACertificateValidFor5Years()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await applicant.StartAsync(FilingKind.Setup, Portal.Infrastructure.Seeding.DemoDataSeeder.CountyOfficeId);
        await applicant.SaveAsync(id, FilingDriver.SetupFields("浦江县数字化改革服务中心"));
        await applicant.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Setup, []));
        await applicant.ConfirmSubmitAsync(id);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "accept");
        await registrar.DecideAsync(id, "approve");
        var c = await CertificateTests.CertificateOfAsync(factory, "浦江县数字化改革服务中心", CertificateStatus.Valid);
        Assert.Equal(c.IssuedOn.AddYears(5), c.ValidUntil);
        Assert.Equal(CertificateIssueReason.Setup, c.Reason);
        Assert.StartsWith("330726" + c.IssuedOn.Year, c.Number);
        Assert.True(CertificatePdfRenderer.QrVersion(c.QrUrl) <= 15);
    }

    [Fact]
    public async Task VerifyPage_IsRateLimitedPerAddress_With429AndRetryAfter()
    {
        using var factory = new PortalFactory();
        factory.Settings["RateLimits:VerifyPerMinute"] = "3";
        using var client = factory.Client();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v/nothing")).StatusCode);
        }

        var limited = await client.GetAsync("/v/nothing");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // other pages are not limited
    }
}

internal sealed record ScannedAgencyCertificate(string Number, string Code, string QrUrl);
