using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Announcements;
using Portal.Domain.Codes;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Each filing kind from draft to decision over HTTP, each on a fresh database.</summary>
public class FilingFlowTests
{
    [Fact]
    public async Task Setup_FromDraftToApproval_CreatesTheInstitutionAndMakesTheApplicantItsManager()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await applicant.StartAsync(FilingKind.Setup, DemoDataSeeder.CountyOfficeId);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SaveAsync(id, FilingDriver.SetupFields("浦江县数字化改革服务中心"))).StatusCode);

        // Not ready yet: the confirmation page lists every missing material and the button is disabled.
        var confirm = await applicant.PageAsync($"/filings/{id}/submit");
        Assert.Equal(7, confirm.QuerySelectorAll("[data-problems] li").Length);
        Assert.True(confirm.QuerySelector("form[action$='/submit'] button")!.HasAttribute("disabled"));

        await applicant.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Setup, []));
        confirm = await applicant.PageAsync($"/filings/{id}/submit");
        Assert.Null(confirm.QuerySelector("[data-problems]"));
        Assert.Contains("浦江县数字化改革服务中心", confirm.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.ConfirmSubmitAsync(id)).StatusCode);
        Assert.Equal(FilingState.Submitted, await factory.StateAsync(id));

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Contains(id.ToString(), await (await registrar.GetAsync("/registry/filings")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "accept")).StatusCode);
        Assert.Equal(FilingState.Accepted, await factory.StateAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "approve")).StatusCode);
        Assert.Equal(FilingState.Approved, await factory.StateAsync(id));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var filing = await db.Filings.SingleAsync(f => f.Id == id);
        var institution = await db.Institutions.Include(i => i.Versions).SingleAsync(i => i.Id == filing.InstitutionId);
        Assert.Equal("浦江县数字化改革服务中心", institution.Current.Name);
        Assert.Equal(DemoDataSeeder.CountyOfficeId, institution.OfficeId);
        Assert.True(UnifiedSocialCreditCode.TryParse(institution.Code, out var code));
        Assert.Equal("330726", code.RegionCode);
        Assert.Single(institution.Versions);
        Assert.True(await db.IssuedCodes.AnyAsync(c => c.Code == institution.Code));
        var applicantUser = await db.Users.SingleAsync(u => u.Email == Demo.Applicant);
        Assert.Equal(institution.Id, applicantUser.InstitutionId);
        Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == applicantUser.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "InstitutionManager")));
        Assert.True(await db.Announcements.AnyAsync(a => a.InstitutionId == institution.Id && a.Kind == AnnouncementKind.Setup));
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == applicantUser.Id && n.TitleZh.Contains("核准")));
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.To == Demo.Applicant && m.Kind == "filing-notification"));

        // The applicant's next page load carries the new institution, and the public sees the announcement.
        // The applicant's very next request carries the new institution: certificates are there at once.
        var certificates = await applicant.PageAsync("/institution/certificates");
        Assert.Single(certificates.QuerySelectorAll("tbody tr"));
        var mine = await applicant.PageAsync("/institution");
        Assert.Contains("浦江县数字化改革服务中心", mine.QuerySelector("main h2.card-title")!.TextContent);
        Assert.Contains(institution.Code, mine.Body!.TextContent);
        using var anonymous = factory.Client();
        Assert.Contains("浦江县数字化改革服务中心设立登记公告", await (await anonymous.GetAsync("/announcements")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Change_ReturnedForSupplement_ThenResubmittedAndApproved_AddsAVersionAndAnnouncements()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.Change);

        // The form comes pre-filled with the current items.
        var edit = await manager.PageAsync($"/filings/{id}/edit");
        Assert.Equal("浦江县乡村振兴技术服务中心", ((AngleSharp.Html.Dom.IHtmlInputElement)edit.QuerySelector("#Name")!).Value);

        var fields = Fields(edit);
        fields["Name"] = "浦江县乡村振兴发展服务中心";
        fields["Domicile"] = "浙江省金华市浦江县浦阳街道和平北路88号";
        fields["PlannedMoveDate"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd");
        fields["Explanation"] = "机构更名并迁址";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SaveAsync(id, fields)).StatusCode);
        await manager.UploadAllAsync(id, [AttachmentKind.ApplicationForm, AttachmentKind.NameApproval]);
        Assert.Contains("缺少材料：住所证明", (await manager.PageAsync($"/filings/{id}/submit")).Body!.TextContent);
        await manager.UploadAllAsync(id, [AttachmentKind.DomicileProof]);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.ConfirmSubmitAsync(id)).StatusCode);

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var review = await registrar.PageAsync($"/registry/filings/{id}");
        Assert.Equal(2, review.QuerySelectorAll("tr.changed").Length); // name and domicile highlighted
        await registrar.DecideAsync(id, "return", "住所证明须为房产证或一年以上租赁合同", ["DomicileProof", "Item.Domicile"]);
        Assert.Equal(FilingState.Returned, await factory.StateAsync(id));

        // The applicant sees everything to fix at the top, fixes, and resubmits in one action.
        var show = await manager.PageAsync($"/filings/{id}");
        var checklist = show.QuerySelectorAll("[data-return-checklist] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["材料：住所证明", "登记事项：住所"], checklist);
        Assert.Contains("一年以上租赁合同", show.Body!.TextContent);
        await manager.UploadAllAsync(id, [AttachmentKind.DomicileProof]);

        // Resubmitting is one action: the button on the filing's page.
        var shown = await manager.PageAsync($"/filings/{id}");
        var resubmit = shown.QuerySelector("form[data-resubmit]")!;
        var resubmitted = await manager.PostAsync($"/filings/{id}/submit", new Dictionary<string, string> { ["token"] = resubmit.QuerySelector("input[name=token]")!.GetAttribute("value")! },
            resubmit.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Equal(FilingState.Submitted, await factory.StateAsync(id));

        await registrar.DecideAsync(id, "accept");
        await registrar.DecideAsync(id, "approve", "材料齐全");
        Assert.Equal(FilingState.Approved, await factory.StateAsync(id));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var filing = await db.Filings.SingleAsync(f => f.Id == id);
        Assert.True(filing.FiledBeforeMove);
        var institution = await db.Institutions.Include(i => i.Versions).SingleAsync(i => i.Id == filing.InstitutionId);
        Assert.Equal("浦江县乡村振兴发展服务中心", institution.Current.Name);
        Assert.Equal(2, institution.Versions.Count);
        Assert.Equal("浦江县乡村振兴技术服务中心", institution.Versions.Single(v => v.Number == 1).Items.Name);
        var kinds = await db.Announcements.Where(a => a.InstitutionId == institution.Id).Select(a => a.Kind).ToListAsync();
        Assert.Contains(AnnouncementKind.NameChange, kinds);
        Assert.Contains(AnnouncementKind.DomicileChange, kinds);
    }

    [Fact]
    public async Task Deregistration_Approved_EndsTheInstitution()
    {
        using var factory = new PortalFactory();
        var email = await factory.AddInstitutionUserAsync("浦江县公共资源交易中心", "jiaoyi@example.org");
        using var client = factory.Client();
        await client.LoginOkAsync(email);
        var id = await client.StartAsync(FilingKind.Deregistration);
        await client.SaveAsync(id, new Dictionary<string, string> { ["DeregistrationReason"] = "MergerOrSplit", ["Explanation"] = "职能并入县数据局，清算已于本月结束。" });
        await client.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Deregistration, []));
        Assert.Equal(HttpStatusCode.Redirect, (await client.ConfirmSubmitAsync(id)).StatusCode);

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Supervisor);
        await registrar.DecideAsync(id, "accept");
        await registrar.DecideAsync(id, "approve");

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var institution = await db.Institutions.SingleAsync(i => i.Current.Name == "浦江县公共资源交易中心");
        Assert.Equal(InstitutionStatus.Deregistered, institution.Status);
        Assert.True(await db.Announcements.AnyAsync(a => a.InstitutionId == institution.Id && a.Kind == AnnouncementKind.Deregistration));
        Assert.True(await db.IssuedCodes.AnyAsync(c => c.Code == institution.Code)); // the code stays taken forever
    }

    [Fact]
    public async Task CertificateReissue_AndRenewal_GoThroughToApproval()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var reissue = await manager.StartAsync(FilingKind.CertificateReissue);
        await manager.SaveAsync(reissue, new Dictionary<string, string> { ["Explanation"] = "证书副本于2026年3月搬迁时遗失，已登报声明作废。" });
        await manager.UploadAllAsync(reissue, [AttachmentKind.ApplicationForm, AttachmentKind.LossDeclaration]);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.ConfirmSubmitAsync(reissue)).StatusCode);

        // The library's certificate expires in 20 days: renewal is open for it, not for the centre above.
        var renewal = await factory.AddInstitutionUserAsync("浦江县图书馆", "library@example.org");
        using var library = factory.Client();
        await library.LoginOkAsync(renewal);
        var renewalId = await library.StartAsync(FilingKind.CertificateRenewal);
        await library.UploadAllAsync(renewalId, [AttachmentKind.ApplicationForm, AttachmentKind.ExpiringCertificate]);
        Assert.Equal(HttpStatusCode.Redirect, (await library.ConfirmSubmitAsync(renewalId)).StatusCode);

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        foreach (var id in new[] { reissue, renewalId })
        {
            await registrar.DecideAsync(id, "accept");
            await registrar.DecideAsync(id, "approve");
            Assert.Equal(FilingState.Approved, await factory.StateAsync(id));
        }
    }

    [Fact]
    public async Task Refusal_IsProposedByARegistrar_AndDecidedByASupervisor_WithTheRightToReview()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.CertificateReissue);
        await manager.SaveAsync(id, new Dictionary<string, string> { ["Explanation"] = "遗失" });
        await manager.UploadAllAsync(id, [AttachmentKind.ApplicationForm, AttachmentKind.LossDeclaration]);
        await manager.ConfirmSubmitAsync(id);

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "accept");
        var page = await registrar.PageAsync($"/registry/filings/{id}");
        Assert.Null(page.QuerySelector("form[data-action=refuse]")); // a registrar cannot refuse
        Assert.NotNull(page.QuerySelector("form[data-action=propose-refusal]"));

        var noReasons = await registrar.DecideAsync(id, "propose-refusal", note: "");
        Assert.Equal(FilingState.Accepted, await factory.StateAsync(id));
        Assert.Contains("必须说明理由", await (await registrar.GetAsync(noReasons.Headers.Location!.OriginalString)).Content.ReadAsStringAsync());

        await registrar.DecideAsync(id, "propose-refusal", "遗失声明未在指定媒体刊登");
        Assert.Equal(FilingState.RefusalProposed, await factory.StateAsync(id));

        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var unconfirmed = await supervisor.DecideAsync(id, "refuse", "遗失声明未在指定媒体刊登", confirmed: false);
        Assert.Equal(FilingState.RefusalProposed, await factory.StateAsync(id));
        await supervisor.DecideAsync(id, "refuse", "遗失声明未在指定媒体刊登");
        Assert.Equal(FilingState.Refused, await factory.StateAsync(id));

        var show = await manager.PageAsync($"/filings/{id}");
        Assert.Contains("行政复议", show.Body!.TextContent);
        Assert.Contains("遗失声明未在指定媒体刊登", show.Body!.TextContent);
    }

    [Fact]
    public async Task Withdraw_BeforeADecision_AfterConfirmation()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.CertificateReissue);
        Assert.Contains("不能恢复", (await manager.PageAsync($"/filings/{id}/withdraw")).Body!.TextContent);
        var response = await manager.SubmitAsync($"/filings/{id}/withdraw", $"/filings/{id}/withdraw", new Dictionary<string, string> { ["note"] = "填错了" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FilingState.Withdrawn, await factory.StateAsync(id));

        // Withdrawn frees the institution for a new filing.
        await manager.StartAsync(FilingKind.Change);
    }

    private static Dictionary<string, string> Fields(AngleSharp.Html.Dom.IHtmlDocument page) => PortalClient.FormFields(page, "/edit");
}
