using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Filings;
using Portal.Domain.Instruments;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Instruments;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;
using UglyToad.PdfPig;

namespace Portal.Web.Tests;

/// <summary>The written instruments of the Administrative Licensing Law over HTTP: each act issues exactly one, the applicant receives it, anyone can check it.</summary>
public class InstrumentWebTests
{
    private static string Text(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty);
    }

    private static async Task<List<Instrument>> InstrumentsAsync(PortalFactory factory, Guid filingId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Instruments.AsNoTracking().Where(i => i.FilingId == filingId).OrderBy(i => i.IssuedUtc).ToListAsync();
    }

    private static async Task<Guid> SubmittedSetupAsync(PortalFactory factory, PortalClient applicant, string name)
    {
        var id = await applicant.StartAsync(FilingKind.Setup, DemoDataSeeder.CountyOfficeId);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SaveAsync(id, FilingDriver.SetupFields(name))).StatusCode);
        await applicant.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Setup, []));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.ConfirmSubmitAsync(id)).StatusCode);
        Assert.Equal(FilingState.Submitted, await factory.StateAsync(id));
        return id;
    }

    /// <summary>Posts the review page's refuse-to-accept form with the given reasons (as the binder would take them from an attacker too).</summary>
    private static async Task<HttpResponseMessage> RefuseToAcceptAsync(PortalClient registrar, Guid id, IEnumerable<string> reasons, string? competentOffice, string? note)
    {
        var page = await registrar.PageAsync($"/registry/filings/{id}");
        var form = page.Forms.Single(f => f.GetAttribute("action") == $"/registry/filings/{id}/refuse-to-accept");
        var values = new List<KeyValuePair<string, string>>
        {
            new("Token", ((IHtmlInputElement)form.QuerySelector("input[name=Token]")!).Value),
            new("__RequestVerificationToken", ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value),
            new("Note", note ?? string.Empty),
            new("CompetentOffice", competentOffice ?? string.Empty),
            new("Confirmed", "true"),
        };
        values.AddRange(reasons.Select(r => new KeyValuePair<string, string>("Reasons", r)));
        return await registrar.Http.PostAsync($"/registry/filings/{id}/refuse-to-accept", new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task Setup_ReturnedAcceptedApproved_IssuesOneInstrumentPerAct_DeliveredToTheApplicant_AndCheckableByAnyone()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await SubmittedSetupAsync(factory, applicant, "浦江县文书测试服务中心");

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "return", "申请表须由法定代表人签字", ["ApplicationForm", "Item.Domicile"]);
        var supplement = Assert.Single(await InstrumentsAsync(factory, id));
        Assert.Equal(InstrumentKind.Supplement, supplement.Kind);
        Assert.Equal($"事登补〔{supplement.Year}〕{supplement.Serial}号", supplement.Number);

        // The applicant (no institution yet) finds it on the timeline and in the inbox, with the PDF on the email.
        var show = await applicant.PageAsync($"/filings/{id}");
        var link = show.QuerySelector("[data-instrument=Supplement] a")!;
        Assert.Equal($"/institution/documents/{supplement.Id}.pdf", link.GetAttribute("href"));
        Assert.Contains("未送达", show.QuerySelector("[data-instrument=Supplement]")!.TextContent);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.To == Demo.Applicant && m.AttachmentFileId == supplement.FileId && m.AttachmentName!.EndsWith(".pdf")));
        }

        var pdf = await applicant.Http.GetByteArrayAsync($"/institution/documents/{supplement.Id}.pdf");
        var text = Text(pdf);
        foreach (var expected in new[] { "补正材料通知书", supplement.Number, "浦江县文书测试服务中心：", "申请材料：登记申请书", "登记事项：住所", "申请表须由法定代表人签字", "重新提交", "一次性告知" })
        {
            Assert.Contains(expected, text);
        }

        show = await applicant.PageAsync($"/filings/{id}");
        Assert.Contains("已送达", show.QuerySelector("[data-instrument=Supplement]")!.TextContent);
        Assert.NotNull((await InstrumentsAsync(factory, id)).Single().OpenedUtc);

        // Resubmit; the registrar accepts: the notice prints the queue's deadline.
        await applicant.UploadAllAsync(id, [AttachmentKind.ApplicationForm]);
        var shown = await applicant.PageAsync($"/filings/{id}");
        var resubmit = shown.QuerySelector("form[data-resubmit]")!;
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.PostAsync($"/filings/{id}/submit", new Dictionary<string, string> { ["token"] = resubmit.QuerySelector("input[name=token]")!.GetAttribute("value")! },
            resubmit.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "accept")).StatusCode);
        var queue = await registrar.PageAsync("/registry/filings");
        var row = queue.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/registry/filings/{id}']") is not null);
        var due = DateOnly.ParseExact(row.QuerySelector("[data-decision-due]")!.TextContent.Trim()[..10], "yyyy-MM-dd");
        var acceptance = (await InstrumentsAsync(factory, id))[1];
        Assert.Equal(InstrumentKind.Acceptance, acceptance.Kind);
        var acceptanceText = Text(await registrar.Http.GetByteArrayAsync($"/registry/documents/{acceptance.Id}.pdf"));
        Assert.Contains($"即{due:yyyy年M月d日}前作出决定", acceptanceText);
        Assert.Contains("受理通知书", acceptanceText);
        Assert.Null((await InstrumentsAsync(factory, id))[1].OpenedUtc); // staff opening it is not delivery

        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "approve")).StatusCode);
        var all = await InstrumentsAsync(factory, id);
        Assert.Equal([InstrumentKind.Supplement, InstrumentKind.Acceptance, InstrumentKind.Approval], all.Select(i => i.Kind));
        var approval = all[2];
        string certificateNumber, code;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var filing = await db.Filings.SingleAsync(f => f.Id == id);
            var certificate = await db.Certificates.SingleAsync(c => c.InstitutionId == filing.InstitutionId);
            certificateNumber = certificate.Number;
            code = certificate.Code;
            Assert.Equal(certificate.Id, approval.CertificateId);
            Assert.All(all, i => Assert.Equal(filing.InstitutionId, i.InstitutionId)); // the earlier ones now belong to the new institution
        }

        var approvalText = Text(await applicant.Http.GetByteArrayAsync($"/institution/documents/{approval.Id}.pdf"));
        foreach (var expected in new[] { "准予登记决定书", "准予设立登记", "浦江县文书测试服务中心", code, "证书编号", certificateNumber, "生效日期", "钱立新" })
        {
            Assert.Contains(expected, approvalText);
        }

        Assert.DoesNotContain("33072619840512331", approvalText); // no identity number on the decision

        // Anyone checks it by number and code; the page shows no personal data.
        using var anonymous = factory.Client();
        var check = await anonymous.PageAsync($"/documents/check?Number={Uri.EscapeDataString(approval.Number)}&Code={approval.CheckCode[..5]}-{approval.CheckCode[5..].ToLowerInvariant()}");
        Assert.NotNull(check.QuerySelector("[data-document-authentic]"));
        Assert.Equal("Approval", check.QuerySelector("[data-kind]")!.GetAttribute("data-kind"));
        Assert.Equal(approval.Number, check.QuerySelector("[data-number]")!.TextContent);
        Assert.DoesNotContain("钱立新", check.Body!.TextContent);
        Assert.DoesNotContain("33072619", check.Body!.TextContent);

        // Scanning the QR code: the code alone. A supplement notice shows no addressee at all.
        var scanned = await anonymous.PageAsync($"/documents/check/{supplement.CheckCode}");
        Assert.Equal("Supplement", scanned.QuerySelector("[data-kind]")!.GetAttribute("data-kind"));
        Assert.DoesNotContain("浦江县文书测试服务中心", scanned.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task RefuseToAccept_EndsTheFiling_WithADecisionNamingTheCompetentOfficeAndBothRemedies()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await SubmittedSetupAsync(factory, applicant, "浦江县不予受理测试中心");
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);

        // Outside the jurisdiction without naming the competent office: refused, nothing issued.
        Assert.Equal(HttpStatusCode.Redirect, (await RefuseToAcceptAsync(registrar, id, ["OutsideJurisdiction"], null, null)).StatusCode);
        Assert.Equal(FilingState.Submitted, await factory.StateAsync(id));
        Assert.Empty(await InstrumentsAsync(factory, id));

        // A reason the list does not have, sent as a number: nothing to refuse with.
        Assert.Equal(HttpStatusCode.Redirect, (await RefuseToAcceptAsync(registrar, id, ["7"], null, "无")).StatusCode);
        Assert.Equal(FilingState.Submitted, await factory.StateAsync(id));
        Assert.Empty(await InstrumentsAsync(factory, id));

        // The reasons as the binder accepts them: a name and a number.
        Assert.Equal(HttpStatusCode.Redirect, (await RefuseToAcceptAsync(registrar, id, ["OutsideJurisdiction", "2"], "金华市事业单位登记管理局", "该单位由市级机关举办")).StatusCode);
        Assert.Equal(FilingState.NotAccepted, await factory.StateAsync(id));
        var decision = Assert.Single(await InstrumentsAsync(factory, id));
        Assert.Equal(InstrumentKind.NonAcceptance, decision.Kind);
        var text = Text(await applicant.Http.GetByteArrayAsync($"/institution/documents/{decision.Id}.pdf"));
        foreach (var expected in new[] { "不予受理决定书", "不属于本机关职权范围", "金华市事业单位登记管理局", "不具备提出该项申请的资格", "该单位由市级机关举办", "六十日内", "行政复议", "六个月内", "行政诉讼", "第三十二条" })
        {
            Assert.Contains(expected, text);
        }

        // The filing is closed: it no longer blocks a new filing and offers no further actions (an internal note can still be written).
        var review = await registrar.PageAsync($"/registry/filings/{id}");
        Assert.Empty(review.QuerySelectorAll("form[data-action]:not([data-action=note])"));
    }

    [Fact]
    public async Task Refusal_IssuesItsDecision_WithTheReasonsAndBothRemedies()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await SubmittedSetupAsync(factory, applicant, "浦江县不予登记测试中心");
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        await supervisor.DecideAsync(id, "accept");
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.DecideAsync(id, "refuse", "举办单位无权举办该类事业单位")).StatusCode);
        Assert.Equal(FilingState.Refused, await factory.StateAsync(id));
        var kinds = (await InstrumentsAsync(factory, id)).Select(i => i.Kind).ToList();
        Assert.Equal([InstrumentKind.Acceptance, InstrumentKind.Refusal], kinds);
        var refusal = (await InstrumentsAsync(factory, id))[1];
        var text = Text(await applicant.Http.GetByteArrayAsync($"/institution/documents/{refusal.Id}.pdf"));
        foreach (var expected in new[] { "不予登记决定书", "举办单位无权举办该类事业单位", "六十日内", "行政复议", "六个月内", "行政诉讼" })
        {
            Assert.Contains(expected, text);
        }
    }

    [Fact]
    public async Task Instruments_AreScopedToTheirOfficeAndRecipient_AndNumberedAndSignedByTheirOwnOffice()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await SubmittedSetupAsync(factory, applicant, "浦江县隔离测试中心");
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "accept");
        var acceptance = Assert.Single(await InstrumentsAsync(factory, id));

        // The county's key and prefix, never the city's.
        using (var scope = factory.Services.CreateScope())
        {
            var signers = scope.ServiceProvider.GetRequiredService<DocumentSigners>();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var county = await db.Offices.SingleAsync(o => o.Id == DemoDataSeeder.CountyOfficeId);
            var city = await db.Offices.SingleAsync(o => o.RegionCode == "330700");
            Assert.Equal(signers.For(county.RegionCode, county.NameZh).Thumbprint, acceptance.SignerThumbprint);
            Assert.NotEqual(signers.For(city.RegionCode, city.NameZh).Thumbprint, acceptance.SignerThumbprint);
            Assert.Equal(DemoDataSeeder.CountyOfficeId, acceptance.OfficeId);
        }

        // Another office's registrar: not in the list, 404 on the file. Another institution's user: 404.
        using var cityRegistrar = factory.Client();
        await cityRegistrar.LoginOkAsync(Demo.CityRegistrar);
        Assert.Equal(HttpStatusCode.NotFound, (await cityRegistrar.GetAsync($"/registry/documents/{acceptance.Id}.pdf")).StatusCode);
        Assert.DoesNotContain(acceptance.Number, (await cityRegistrar.PageAsync("/registry/documents")).Body!.TextContent);
        Assert.Contains(acceptance.Number, (await registrar.PageAsync("/registry/documents")).Body!.TextContent);
        using var other = factory.Client();
        await other.LoginOkAsync(Demo.Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/institution/documents/{acceptance.Id}.pdf")).StatusCode);
        Assert.DoesNotContain(acceptance.Number, (await other.PageAsync("/institution/documents")).Body!.TextContent);

        // The filters: by kind (a number that names no kind filters to nothing), by date.
        Assert.Contains(acceptance.Number, (await registrar.PageAsync("/registry/documents?kind=Acceptance")).Body!.TextContent);
        Assert.DoesNotContain(acceptance.Number, (await registrar.PageAsync("/registry/documents?kind=Refusal")).Body!.TextContent);
        Assert.Contains(acceptance.Number, (await registrar.PageAsync("/registry/documents?kind=0")).Body!.TextContent);
        Assert.NotNull((await registrar.PageAsync("/registry/documents?kind=99")).QuerySelector("[data-empty]"));
        var later = await registrar.PageAsync($"/registry/documents?from={acceptance.IssuedOn.AddDays(1):yyyy-MM-dd}");
        Assert.True(later.QuerySelector("[data-empty]") is not null, later.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Consent_IsGivenOnceByAManager_Audited_AndMakesUnopenedInstrumentsCountAsDeliveredAfterTheDefault()
    {
        using var factory = new PortalFactory { Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow) };
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var page = await manager.PageAsync("/institution/documents");
        var form = page.QuerySelector("form[data-consent-form]")!;
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync("/institution/delivery-consent", new Dictionary<string, string>(), token)).StatusCode);
        Assert.Null((await manager.PageAsync("/institution/documents")).QuerySelector("[data-consented]")); // not ticked: nothing recorded
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync("/institution/delivery-consent", new Dictionary<string, string> { ["confirmed"] = "true" }, token)).StatusCode);
        Assert.NotNull((await manager.PageAsync("/institution/documents")).QuerySelector("[data-consented]"));

        Guid institutionId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == Demo.Manager);
            institutionId = user.InstitutionId!.Value;
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "delivery.consent" && e.RecordId == institutionId.ToString() && e.ActorId == user.Id));
        }

        // A plain user of the institution cannot consent.
        using var plain = factory.Client();
        await plain.LoginOkAsync(Demo.User);
        var plainPage = await plain.PageAsync("/institution/documents");
        Assert.Null(plainPage.QuerySelector("form[data-consent-form]"));

        // The manager's institution files a deregistration; accepted; nobody opens the notice: delivered three days later.
        var id = await manager.StartAsync(FilingKind.Deregistration);
        await manager.SaveAsync(id, new Dictionary<string, string> { ["DeregistrationReason"] = "SponsorDecision", ["Explanation"] = "举办单位决定撤销" });
        await manager.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Deregistration, []));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.ConfirmSubmitAsync(id)).StatusCode);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "accept");
        var notice = Assert.Single(await InstrumentsAsync(factory, id));
        var row = (await manager.PageAsync("/institution/documents")).QuerySelector($"tr[data-document=Acceptance]")!;
        Assert.Equal("False", row.QuerySelector("[data-delivered]")!.GetAttribute("data-delivered"));
        factory.Clock!.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        using var again = factory.Client(); // the first session has idled out meanwhile
        await again.LoginOkAsync(Demo.Manager);
        row = (await again.PageAsync("/institution/documents")).QuerySelector($"tr[data-document=Acceptance]")!;
        Assert.Equal("True", row.QuerySelector("[data-delivered]")!.GetAttribute("data-delivered"));
        Assert.Contains(notice.IssuedUtc.AddDays(3).AddHours(8).ToString("yyyy-MM-dd HH:mm"), row.TextContent);
    }

    [Fact]
    public async Task PublicCheck_AnswersGarbageTruncatedAndOversizedInput_WithoutAServerError_AndComparesUploadedFiles()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await SubmittedSetupAsync(factory, applicant, "浦江县核验测试中心");
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "accept");
        var acceptance = Assert.Single(await InstrumentsAsync(factory, id));
        var pdf = await registrar.Http.GetByteArrayAsync($"/registry/documents/{acceptance.Id}.pdf");

        using var anonymous = factory.Client();
        foreach (var url in new[]
                 {
                     "/documents/check?Number=&Code=", "/documents/check?Number=x&Code=%00%01", "/documents/check?Number=" + new string('号', 5000) + "&Code=ABCDEFGHJK",
                     $"/documents/check?Number={Uri.EscapeDataString(acceptance.Number)}&Code={acceptance.CheckCode[..9]}", "/documents/check?Code=ABCDEFGHJK&Code=ABCDEFGHJK&Number=1",
                     "/documents/check/%E2%80%AE", "/documents/check/" + new string('A', 3000), $"/documents/check/{acceptance.CheckCode[..9]}",
                 })
        {
            var response = await anonymous.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url}: {response.StatusCode}");
            Assert.Null(PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-document-authentic]"));
        }

        // Wrong code for a right number: no match.
        var wrong = await anonymous.PageAsync($"/documents/check?Number={Uri.EscapeDataString(acceptance.Number)}&Code=ZZZZZZZZZZ");
        Assert.Equal("Documents.NoMatch", wrong.QuerySelector("[data-problem]")!.GetAttribute("data-problem"));

        async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(byte[] bytes)
        {
            var page = await anonymous.PageAsync("/documents/check");
            var token = ((IHtmlInputElement)page.QuerySelector("form[action='/documents/check/file'] input[name=__RequestVerificationToken]")!).Value;
            using var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            multipart.Add(file, "file", "d.pdf");
            var response = await anonymous.Http.PostAsync("/documents/check/file", multipart);
            Assert.True((int)response.StatusCode < 500, response.StatusCode.ToString());
            return PortalClient.Parse(await response.Content.ReadAsStringAsync());
        }

        var same = await UploadAsync(pdf);
        Assert.NotNull(same.QuerySelector("[data-document-authentic]"));
        Assert.Equal(acceptance.Number, same.QuerySelector("[data-number]")!.TextContent);
        var changed = (byte[])pdf.Clone();
        changed[^20] ^= 1;
        Assert.Equal("Documents.FileNotIssued", (await UploadAsync(changed)).QuerySelector("[data-problem]")!.GetAttribute("data-problem"));
        Assert.Equal("Documents.FileNotIssued", (await UploadAsync(pdf[..(pdf.Length / 2)])).QuerySelector("[data-problem]")!.GetAttribute("data-problem"));
        Assert.Equal("Documents.NotAPdf", (await UploadAsync("hello"u8.ToArray())).QuerySelector("[data-problem]")!.GetAttribute("data-problem"));
        var big = new byte[11 * 1024 * 1024];
        "%PDF-"u8.CopyTo(big);
        Assert.Equal("Documents.FileTooLarge", (await UploadAsync(big)).QuerySelector("[data-problem]")!.GetAttribute("data-problem"));
    }

    [Fact]
    public async Task VoidingACertificate_IssuesTheNotice_AndSendsItToTheInstitutionWithThePdf()
    {
        using var factory = new PortalFactory();
        Guid certificateId, institutionId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var managerUser = await db.Users.SingleAsync(u => u.Email == Demo.Manager);
            institutionId = managerUser.InstitutionId!.Value;
            certificateId = await db.Certificates.Where(c => c.InstitutionId == institutionId && c.Status == Portal.Domain.Certificates.CertificateStatus.Valid).Select(c => c.Id).SingleAsync();
        }

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var response = await registrar.SubmitAsync($"/registry/institutions/{institutionId}", $"/registry/certificates/{certificateId}/void",
            new Dictionary<string, string> { ["reason"] = "Loss", ["note"] = "单位声明证书遗失", ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var check = factory.Services.CreateScope();
        var data = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        var notice = await data.Instruments.SingleAsync(i => i.CertificateId == certificateId);
        Assert.Equal((InstrumentKind.CertificateVoid, institutionId), (notice.Kind, notice.InstitutionId!.Value));
        Assert.True(await data.OutboxMessages.AnyAsync(m => m.To == Demo.Manager && m.Kind == "instrument" && m.AttachmentFileId == notice.FileId));
        Assert.True(await data.Notifications.AnyAsync(n => n.Link == "/institution/documents" && n.TitleZh.Contains("证书作废")));

        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var text = Text(await manager.Http.GetByteArrayAsync($"/institution/documents/{notice.Id}.pdf"));
        var number = await data.Certificates.Where(c => c.Id == certificateId).Select(c => c.Number).SingleAsync();
        foreach (var expected in new[] { "证书作废通知书", number, "证书遗失", notice.Number })
        {
            Assert.Contains(expected, text);
        }
    }

    [Fact]
    public async Task AnExpiredSigningCertificate_MakesTheActFail_WithAClearMessage_AndNothingHalfIssued()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=浦江县事业单位登记管理局", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var factory = new PortalFactory { Clock = clock };
        factory.Settings["DocumentSigning:Offices:0:RegionCode"] = "330726";
        factory.Settings["DocumentSigning:Offices:0:CertificatePem"] = certificate.ExportCertificatePem();
        factory.Settings["DocumentSigning:Offices:0:PrivateKeyPem"] = key.ExportPkcs8PrivateKeyPem();
        _ = factory.Server; // seeded, its certificates signed while the certificate is valid

        Guid filingId;
        int countersBefore;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            filingId = await db.Filings.Where(f => f.OfficeId == DemoDataSeeder.CountyOfficeId && f.State == FilingState.Submitted).Select(f => f.Id).FirstAsync();
            countersBefore = await db.Counters.CountAsync(c => c.Key.StartsWith("instrument:"));
        }

        clock.Advance(TimeSpan.FromDays(31));
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(filingId, "accept")).StatusCode);
        var page = await registrar.PageAsync($"/registry/filings/{filingId}");
        Assert.Contains("电子文书签章证书已过期", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(FilingState.Submitted, await factory.StateAsync(filingId));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.False(await db.Instruments.AnyAsync(i => i.FilingId == filingId));
            Assert.Equal(countersBefore, await db.Counters.CountAsync(c => c.Key.StartsWith("instrument:")));
        }
    }

    [Fact]
    public async Task PublicCheck_IsRateLimitedLikeTheVerifyPage()
    {
        using var factory = new PortalFactory();
        factory.Settings["RateLimits:VerifyPerMinute"] = "3";
        using var client = factory.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/documents/check")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/documents/check?Number=1&Code=ABCDEFGHJK")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/documents/check/ABCDEFGHJK")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/documents/check/ABCDEFGHJK")).StatusCode);
    }
}
