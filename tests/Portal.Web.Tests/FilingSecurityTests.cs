using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Who may see a filing and its files, what may be uploaded, and two staff acting at once.</summary>
public class FilingSecurityTests
{
    [Fact]
    public async Task OtherInstitutionsUser_Gets404ForTheFilingAndItsAttachment()
    {
        using var factory = new PortalFactory();
        var (id, attachmentId) = await SubmittedReissueAsync(factory);
        var other = await factory.AddInstitutionUserAsync("浦江县图书馆", "library@example.org");
        using var client = factory.Client();
        await client.LoginOkAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/filings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/filings/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/filings/{id}/attachments/{attachmentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/filings/{id}/withdraw")).StatusCode);

        // Posting to it as well: not found, nothing changes.
        var token = (await client.PageAsync("/filings/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/filings/{id}/withdraw", new Dictionary<string, string>(), token)).StatusCode);
        Assert.Equal(FilingState.Submitted, await factory.StateAsync(id));
    }

    [Fact]
    public async Task AnotherOfficesRegistrar_Gets404_AndDraftsAreInvisibleToStaff()
    {
        using var factory = new PortalFactory();
        var (id, attachmentId) = await SubmittedReissueAsync(factory);
        using var city = factory.Client();
        await city.LoginOkAsync(Demo.CityRegistrar);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/registry/filings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/registry/filings/{id}/attachments/{attachmentId}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await (await city.GetAsync("/registry/filings")).Content.ReadAsStringAsync());

        using var county = factory.Client();
        await county.LoginOkAsync(Demo.Registrar);
        var download = await county.GetAsync($"/registry/filings/{id}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(FilingDriver.Pdf, await download.Content.ReadAsByteArrayAsync());

        // A draft stays with the applicant.
        var draft = await factory.AddInstitutionUserAsync("浦江县图书馆", "library2@example.org");
        using var library = factory.Client();
        await library.LoginOkAsync(draft);
        var draftId = await library.StartAsync(FilingKind.Change);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/registry/filings/{draftId}")).StatusCode);
    }

    // Named cases: the bytes are made in the test (a 10 MB theory argument would be serialised at discovery).
    private static readonly Dictionary<string, Func<byte[]>> Hostile = new()
    {
        ["html renamed .pdf"] = () => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"),
        ["polyglot pdf/html"] = () => Encoding.UTF8.GetBytes("%PDF-1.4\n<html><body><script>alert(1)</script></body></html>"),
        ["exe"] = () => [0x4D, 0x5A, 0x90, 0x00, 0x03],
        ["empty"] = () => [],
        ["oversize"] = OversizePdf,
    };

    public static TheoryData<string> HostileUploads => new(Hostile.Keys);

    [Theory]
    [MemberData(nameof(HostileUploads))]
    public async Task HostileUploads_AreRefused_AndNothingIsStored(string what)
    {
        var content = Hostile[what]();
        var fileName = what.Replace(' ', '-') + ".pdf";
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.CertificateReissue);
        int storedBefore;
        using (var before = factory.Services.CreateScope())
        {
            storedBefore = await before.ServiceProvider.GetRequiredService<PortalDbContext>().StoredFiles.CountAsync();
        }

        var response = await manager.UploadAsync(id, AttachmentKind.ApplicationForm, content, fileName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await manager.PageAsync(response.Headers.Location!.OriginalString);
        Assert.NotNull(page.QuerySelector(".alert-danger"));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await db.FilingAttachments.AnyAsync(a => a.FilingId == id), what);
        Assert.Equal(storedBefore, await db.StoredFiles.CountAsync());
    }

    [Fact]
    public async Task Uploads_KeepOnlyASafeName_AndTheirHash()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.CertificateReissue);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };
        await manager.UploadAsync(id, AttachmentKind.LossDeclaration, png, "../../etc/声明\u0001.exe");
        using var scope = factory.Services.CreateScope();
        var attachment = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().FilingAttachments.SingleAsync(a => a.FilingId == id);
        Assert.Equal("声明.png", attachment.FileName);
        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), attachment.Sha256);
    }

    [Fact]
    public async Task AnAttachment_CanBeReplaced_KeepingOneOfItsKind()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.CertificateReissue);
        await manager.UploadAsync(id, AttachmentKind.LossDeclaration, FilingDriver.Pdf, "first.pdf");
        var edit = await manager.PageAsync($"/filings/{id}/edit");
        var form = edit.QuerySelector($"form[action='/filings/{id}/edit']")!;
        var existing = form.QuerySelector("#material-LossDeclaration ~ button, .material-slot button[name=remove]")!.GetAttribute("value")!;
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("LossDeclaration"), "kind" },
            { new StringContent(edit.QuerySelector(".material-slot button[name=remove]")!.GetAttribute("value")!), "replaces" },
        };
        Assert.NotNull(existing);
        var second = "%PDF-1.7\n% the corrected declaration\n%%EOF\n"u8.ToArray();
        multipart.Add(new ByteArrayContent(second), "file", "second.pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.Http.PostAsync($"/filings/{id}/attachments", multipart)).StatusCode);

        using var scope = factory.Services.CreateScope();
        var attachment = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().FilingAttachments.SingleAsync(a => a.FilingId == id);
        Assert.Equal("second.pdf", attachment.FileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(second)), attachment.Sha256);
    }

    [Fact]
    public async Task TwoStaffDecidingFromTheSamePage_TheSecondIsToldWhoChangedIt_AndNothingIsAppliedTwice()
    {
        using var factory = new PortalFactory();
        var (id, _) = await SubmittedReissueAsync(factory);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);

        // Both open the page while the filing is submitted.
        var (tokenA, afA) = await FormTokensAsync(registrar, id, "accept");
        var (tokenB, afB) = await FormTokensAsync(supervisor, id, "return");

        Assert.Equal(HttpStatusCode.Redirect, (await registrar.PostDecisionAsync(id, "accept", tokenA, afA)).StatusCode);
        var second = await supervisor.PostDecisionAsync(id, "return", tokenB, afB, "缺少签字", ["ApplicationForm"]);
        var page = await supervisor.PageAsync(second.Headers.Location!.OriginalString);
        Assert.Contains("赵雪", page.QuerySelector("[data-conflict]")!.TextContent);
        Assert.Equal(FilingState.Accepted, await factory.StateAsync(id));
    }

    [Fact]
    public async Task TwoStaffApprovingAtTheSameInstant_ProduceExactlyOneDecision()
    {
        using var factory = new PortalFactory();
        var (id, _) = await SubmittedReissueAsync(factory);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "accept");
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var (tokenA, afA) = await FormTokensAsync(registrar, id, "approve");
        var (tokenB, afB) = await FormTokensAsync(supervisor, id, "approve");

        await Task.WhenAll(
            registrar.PostDecisionAsync(id, "approve", tokenA, afA),
            supervisor.PostDecisionAsync(id, "approve", tokenB, afB));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(1, await db.FilingEvents.CountAsync(e => e.FilingId == id && e.Action == FilingAction.Approve));
        Assert.Equal(FilingState.Approved, await factory.StateAsync(id));
        var institution = await db.Filings.Where(f => f.Id == id).Select(f => f.InstitutionId).SingleAsync();
        Assert.Equal(1, await db.Certificates.CountAsync(c => c.InstitutionId == institution && c.Reason == Portal.Domain.Certificates.CertificateIssueReason.Reissue)); // one certificate, not two
    }

    [Fact]
    public async Task UploadedFiles_AreAlwaysServedAsDownloads_NeverInline()
    {
        using var factory = new PortalFactory();
        var (id, attachmentId) = await SubmittedReissueAsync(factory);
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        foreach (var (client, url) in new[] { (manager, $"/filings/{id}/attachments/{attachmentId}"), (registrar, $"/registry/filings/{id}/attachments/{attachmentId}") })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    [Fact]
    public async Task UserEnteredText_IsEncodedWhereverItIsShown()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.CertificateReissue);
        const string Script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        await manager.SaveAsync(id, new Dictionary<string, string> { ["Explanation"] = Script });
        foreach (var url in new[] { $"/filings/{id}", $"/filings/{id}/edit", $"/filings/{id}/submit" })
        {
            var html = await (await manager.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
        }

        var shown = await manager.PageAsync($"/filings/{id}");
        Assert.Contains(Script, shown.Body!.TextContent); // shown as text, exactly as typed
    }

    [Fact]
    public async Task OnlyOneFilingInProgressPerInstitution()
    {
        using var factory = new PortalFactory();
        await SubmittedReissueAsync(factory);
        using var user = factory.Client();
        await user.LoginOkAsync(Demo.User); // same institution as the manager
        var page = await user.PageAsync("/filings/new");
        Assert.Empty(page.QuerySelectorAll("form[action='/filings/new']"));
        Assert.Contains("一事一办", page.Body!.TextContent);

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await user.PageAsync("/account/change-password")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var response = await user.PostAsync("/filings/new", new Dictionary<string, string> { ["kind"] = "Change" }, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("正在办理中", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Setup_WithARegisteredName_IsRefusedAtSubmission()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await applicant.StartAsync(FilingKind.Setup, Portal.Infrastructure.Seeding.DemoDataSeeder.CountyOfficeId);
        await applicant.SaveAsync(id, FilingDriver.SetupFields("浦江县 图书馆")); // same as a registered name, with a space
        await applicant.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Setup, []));
        var confirm = await applicant.PageAsync($"/filings/{id}/submit");
        Assert.Contains("已登记的单位名称相同", confirm.QuerySelector("[data-problems]")!.TextContent);
        var response = await applicant.ConfirmSubmitAsync(id);
        Assert.Equal(FilingState.Draft, await factory.StateAsync(id));
        Assert.Contains("申请尚不完整", await (await applicant.GetAsync(response.Headers.Location!.OriginalString)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InvalidDetails_AreRedisplayedWithMessages_AndKeptOnlyAsTheDraftTyped()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await applicant.StartAsync(FilingKind.Setup, Portal.Infrastructure.Seeding.DemoDataSeeder.CountyOfficeId);
        var fields = FilingDriver.SetupFields("浦江县测试中心");
        fields["LegalRepresentativeIdNumber"] = "330726198405123312";
        fields["StartupCapital"] = "-5";
        fields["ApprovalDocumentDate"] = "2099-01-01";
        fields["FundingSourceCode"] = "NOPE";
        var response = await applicant.SaveAsync(id, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("不是有效的居民身份证号码", html);
        Assert.Contains("开办资金不能为负数", html);
        Assert.Contains("批准日期不能晚于今天", html);
        Assert.Contains("请选择经费来源", html);
        using var scope = factory.Services.CreateScope();
        var filing = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Filings.SingleAsync(f => f.Id == id);
        Assert.Null(filing.Proposed); // nothing invalid becomes the filing's description
        Assert.Contains("\"StartupCapital\":\"-5\"", filing.DraftInput); // but what was typed is kept, to be corrected
    }

    private static async Task<(string Token, string Antiforgery)> FormTokensAsync(PortalClient client, Guid id, string slug)
    {
        var page = await client.PageAsync($"/registry/filings/{id}");
        var form = page.QuerySelector($"form[data-action={slug}]")!;
        return (form.QuerySelector("input[name=Token]")!.GetAttribute("value")!, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
    }

    /// <summary>The manager files a re-issue with its two materials and submits; returns the filing and one attachment.</summary>
    private static async Task<(Guid Id, Guid AttachmentId)> SubmittedReissueAsync(PortalFactory factory)
    {
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.CertificateReissue);
        await manager.SaveAsync(id, new Dictionary<string, string> { ["Explanation"] = "证书遗失" });
        await manager.UploadAllAsync(id, [AttachmentKind.ApplicationForm, AttachmentKind.LossDeclaration]);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.ConfirmSubmitAsync(id)).StatusCode);
        using var scope = factory.Services.CreateScope();
        var attachment = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().FilingAttachments.Where(a => a.FilingId == id).Select(a => a.Id).FirstAsync();
        return (id, attachment);
    }

    private static byte[] OversizePdf()
    {
        var bytes = new byte[(10 * 1024 * 1024) + 10];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }
}
