using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.AnnualReports;
using Portal.Domain.Certificates;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Web.Features.AnnualReports;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class AnnualReportTests
{
    /// <summary>The manager starts last year's report and fills every required part except, optionally, the sponsor's confirmation.</summary>
    private static async Task<Guid> DraftAsync(PortalFactory factory, PortalClient manager, bool withConfirmation, DateOnly? confirmedOn = null)
    {
        var index = await manager.PageAsync("/annual-reports");
        var start = index.QuerySelector("form[action='/annual-reports/start']")!;
        var response = await manager.PostAsync("/annual-reports/start", new Dictionary<string, string> { ["year"] = start.QuerySelector("input[name=year]")!.GetAttribute("value")! },
            start.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
        var fields = new Dictionary<string, string>
        {
            ["BusinessActivities"] = "全年完成乡村振兴技术服务项目42个，培训农技人员1300人次。",
            ["NetAssetsStart"] = "50.00",
            ["NetAssetsEnd"] = "58.35",
            ["Income"] = "300.10",
            ["Expenditure"] = "291.75",
            ["ChangeCompliance"] = "无",
            ["Litigation"] = "无",
            ["StaffOnRoll"] = "18",
        };
        if (withConfirmation)
        {
            fields["ConfirmerName"] = "王立群";
            fields["ConfirmerPost"] = "局长";
            fields["ConfirmedOn"] = (confirmedOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)).ToString("yyyy-MM-dd");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync($"/annual-reports/{id}/edit", $"/annual-reports/{id}/edit", fields)).StatusCode);
        await UploadAsync(manager, id, ReportAttachmentKind.BalanceSheet);
        if (withConfirmation)
        {
            await UploadAsync(manager, id, ReportAttachmentKind.SponsorConfirmation);
        }

        return id;
    }

    private static async Task UploadAsync(PortalClient client, Guid id, ReportAttachmentKind kind)
    {
        var page = await client.PageAsync($"/annual-reports/{id}/edit");
        var form = page.Forms.First(f => f.GetAttribute("action") == $"/annual-reports/{id}/attachments");
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(kind.ToString()), "kind" },
            { new ByteArrayContent(FilingDriver.Pdf), "file", kind + ".pdf" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.PostAsync($"/annual-reports/{id}/attachments", multipart)).StatusCode);
    }

    private static Task<HttpResponseMessage> SubmitReportAsync(PortalClient client, Guid id) =>
        client.SubmitAsync($"/annual-reports/{id}/edit", $"/annual-reports/{id}/submit", new Dictionary<string, string>());

    private static async Task<ReportState> StateAsync(PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AnnualReports.Where(r => r.Id == id).Select(r => r.State).SingleAsync();
    }

    [Fact]
    public async Task WithoutTheSponsorsConfirmation_SubmissionIsRefused()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await DraftAsync(factory, manager, withConfirmation: false);
        var page = await manager.PageAsync($"/annual-reports/{id}/edit");
        Assert.Contains("缺少举办单位的审查确认", page.QuerySelector("[data-problems]")!.TextContent);
        await SubmitReportAsync(manager, id);
        Assert.Equal(ReportState.Draft, await StateAsync(factory, id));
    }

    [Fact]
    public async Task Returned_Corrected_Published_ThenPublicAnonymously_WhileDraftsAre404()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await DraftAsync(factory, manager, withConfirmation: true);

        using var anonymous = factory.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/reports/{id}")).StatusCode); // a draft is not public

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitReportAsync(manager, id)).StatusCode);
        Assert.Equal(ReportState.Submitted, await StateAsync(factory, id));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/reports/{id}")).StatusCode);

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var returned = await registrar.SubmitAsync($"/registry/reports/{id}", $"/registry/reports/{id}/return", new Dictionary<string, string> { ["reasons"] = "收入支出合计与资产负债表不符。" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(ReportState.Returned, await StateAsync(factory, id));
        Assert.StartsWith("已退回修改", (await registrar.PageAsync(returned.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent); // says what was done
        Assert.Contains("收入支出合计与资产负债表不符", (await manager.PageAsync($"/annual-reports/{id}/edit")).Body!.TextContent);
        Assert.Contains("收入支出合计与资产负债表不符", (await manager.PageAsync("/inbox")).Body!.TextContent); // told in the inbox

        var fields = new Dictionary<string, string> { ["BusinessActivities"] = "全年完成乡村振兴技术服务项目42个。", ["NetAssetsStart"] = "50.00", ["NetAssetsEnd"] = "58.35", ["Income"] = "300.00", ["Expenditure"] = "291.65",
            ["ConfirmerName"] = "王立群", ["ConfirmerPost"] = "局长", ["ConfirmedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd"), ["Litigation"] = "本年度涉及劳动争议诉讼1件" };
        await manager.SubmitAsync($"/annual-reports/{id}/edit", $"/annual-reports/{id}/edit", fields);
        await SubmitReportAsync(manager, id);
        Assert.Equal(ReportState.Submitted, await StateAsync(factory, id));

        var published = await registrar.SubmitAsync($"/registry/reports/{id}", $"/registry/reports/{id}/publish", new Dictionary<string, string> { ["confidential"] = "Litigation" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(ReportState.Published, await StateAsync(factory, id));
        Assert.StartsWith("已公示", (await registrar.PageAsync(published.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent);

        var publicPage = await anonymous.PageAsync($"/reports/{id}");
        var text = publicPage.Body!.TextContent;
        Assert.Contains("全年完成乡村振兴技术服务项目42个", text);
        Assert.DoesNotContain("劳动争议", text); // marked confidential
        Assert.DoesNotContain("王立群", text); // personal data stays off the public page
        Assert.Contains("部分内容依法不予公示", text);

        string code;
        using (var scope = factory.Services.CreateScope())
        {
            code = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.Where(i => i.Current.Name == "浦江县乡村振兴技术服务中心").Select(i => i.Code).SingleAsync();
        }

        var profile = await anonymous.PageAsync($"/register/{code}");
        Assert.Contains($"/reports/{id}", profile.QuerySelector("[data-public-reports]")!.InnerHtml);
        Assert.DoesNotContain(Portal.Domain.Common.ResidentIdNumber.WithCheck("33072619780315211"), profile.Body!.TextContent);
    }

    [Fact]
    public async Task Reminders_AreWrittenOnTheRightDays_AndNotByEmailAfterOptingOut()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 27, 2, 0, 0, TimeSpan.Zero)); // 2025 reports; deadline 31 March 2026
        using var factory = new PortalFactory { Clock = clock };
        var job = factory.Services.GetRequiredService<ReportCycleJob>();
        int Emails(string to, int days)
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.Count(m => m.To == to && m.Kind == "report-reminder" && m.Subject.Contains("还有" + days + "天截止"));
        }

        await job.RunOnceAsync(CancellationToken.None); // 32 days before: nothing due
        Assert.Equal(0, Emails(Demo.Manager, 32));

        clock.Advance(TimeSpan.FromDays(2)); // 1 March: 30 days before
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None); // once only
        Assert.Equal(1, Emails(Demo.Manager, 30));
        Assert.Equal(1, Emails(Demo.User, 30));

        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        await manager.SubmitAsync("/account", "/account/reminder-emails", new Dictionary<string, string> { ["send"] = "false" });

        clock.Advance(TimeSpan.FromDays(23)); // 24 March: 7 days before
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, Emails(Demo.Manager, 7)); // opted out of email …
        Assert.Equal(1, Emails(Demo.User, 7));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var managerId = await db.Users.Where(u => u.Email == Demo.Manager).Select(u => u.Id).SingleAsync();
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == managerId && n.TitleZh.Contains("还有7天截止"))); // … but not of the inbox

        // Institutions that filed get no reminder: the demo's primary school published its report.
        var schoolUsers = await db.Institutions.Where(i => i.Current.Name == "浦江县实验小学").Select(i => i.Id).SingleAsync();
        Assert.False(await db.ReportReminders.AnyAsync(r => r.InstitutionId == schoolUsers));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheAbnormalList_FollowsTheSetting_AndFilingTakesAnInstitutionOffIt(bool publish)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 3, 2, 0, 0, TimeSpan.Zero)); // after the 2025 window
        using var factory = new PortalFactory { Clock = clock };
        factory.Settings["Registry:PublishAbnormalList"] = publish ? "true" : "false";
        var (_, listed) = await factory.Services.GetRequiredService<ReportCycleJob>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(publish, listed > 0);
        using var anonymous = factory.Client();
        var response = await anonymous.GetAsync("/abnormal-list");
        if (!publish)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using var s = factory.Services.CreateScope();
            Assert.Equal(0, await s.ServiceProvider.GetRequiredService<PortalDbContext>().AbnormalList.CountAsync());
            return;
        }

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html[..Math.Min(html.Length, 3000)]);
        var list = PortalClient.Parse(html).QuerySelector("[data-abnormal-list]")!.TextContent;
        Assert.Contains("浦江县乡村振兴技术服务中心", list); // never filed
        Assert.DoesNotContain("浦江县实验小学", list); // published on time

        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await DraftAsync(factory, manager, withConfirmation: true, confirmedOn: new DateOnly(2026, 4, 1));
        await SubmitReportAsync(manager, id);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True((await db.AnnualReports.SingleAsync(r => r.Id == id)).Late);
        var entry = await db.AbnormalList.Join(db.Institutions, a => a.InstitutionId, i => i.Id, (a, i) => new { a, i.Current.Name }).SingleAsync(x => x.Name == "浦江县乡村振兴技术服务中心");
        Assert.NotNull(entry.a.RemovedOn);
    }

    [Fact]
    public async Task TheEnforcementLadder_WarningHoldRevocation_WithRolesAndConsent()
    {
        using var factory = new PortalFactory();
        string code;
        Guid id;
        using (var scope = factory.Services.CreateScope())
        {
            var i = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.SingleAsync(x => x.Current.Name == "浦江县融媒体中心");
            (code, id) = (i.Code, i.Id);
        }

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var page = $"/registry/institutions/{id}";
        async Task<HttpResponseMessage> Act(PortalClient client, string kind, string? correctBy = null, bool consent = false)
        {
            var doc = await client.PageAsync(page);
            var form = doc.Forms.First(f => f.GetAttribute("action") == $"/registry/institutions/{id}/enforcement");
            using var multipart = new MultipartFormDataContent
            {
                { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
                { new StringContent(kind), "kind" },
                { new StringContent("逾期未报送2025年度报告"), "reasons" },
                { new StringContent("true"), "confirmed" },
            };
            if (correctBy is not null)
            {
                multipart.Add(new StringContent(correctBy), "correctBy");
            }

            if (consent)
            {
                multipart.Add(new ByteArrayContent(FilingDriver.Pdf), "consent", "同意撤销的函.pdf");
            }

            return await client.Http.PostAsync($"/registry/institutions/{id}/enforcement", multipart);
        }

        async Task<string> Error(PortalClient client) => (await client.PageAsync(page)).QuerySelector(".alert-danger")?.TextContent ?? string.Empty;

        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd");
        await Act(registrar, "CertificateHold", deadline);
        Assert.Contains("暂扣证书前须先给予书面警告", await Error(registrar));
        await Act(registrar, "Warning");
        await Act(registrar, "CertificateHold", deadline);
        using var anonymous = factory.Client();
        Assert.NotNull((await anonymous.PageAsync($"/register/{code}")).QuerySelector("[data-hold]"));
        var certificate = await CertificateTests.CertificateOfAsync(factory, "浦江县融媒体中心", CertificateStatus.Valid);
        Assert.NotNull((await anonymous.PageAsync(new Uri(certificate.QrUrl).PathAndQuery)).QuerySelector("[data-hold]"));

        await Act(registrar, "Revocation", consent: true);
        Assert.Contains("须由登记机关负责人决定", await Error(registrar));
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        await Act(supervisor, "Revocation");
        Assert.Contains("审批机关的同意文件", await Error(supervisor));
        await Act(supervisor, "Revocation", consent: true);

        using var check = factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(InstitutionStatus.Revoked, (await db.Institutions.SingleAsync(i => i.Id == id)).Status);
        Assert.Equal(CertificateStatus.Voided, (await db.Certificates.SingleAsync(c => c.Id == certificate.Id)).Status);
        Assert.True(await db.Announcements.AnyAsync(a => a.InstitutionId == id && a.Kind == Portal.Domain.Announcements.AnnouncementKind.Revocation));
        Assert.Equal(["Warning", "CertificateHold", "Revocation"], await db.EnforcementActions.Where(a => a.InstitutionId == id).OrderBy(a => a.CreatedUtc).Select(a => a.Kind.ToString()).ToListAsync());
    }

    [Fact]
    public async Task ASpotCheck_IsDrawnWithARecordedSeed_ResultsEntered_AndPublishedWhenClosed()
    {
        using var factory = new PortalFactory();
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var year = (DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var drawn = await supervisor.SubmitAsync("/registry/spot-checks", "/registry/spot-checks", new Dictionary<string, string> { ["year"] = year, ["percentage"] = "3", ["seed"] = "20260415" });
        var checkUrl = drawn.Headers.Location!.OriginalString;
        var page = await supervisor.PageAsync(checkUrl);
        var list = page.QuerySelectorAll("[data-drawn] > li").Select(li => li.QuerySelector(".code")!.TextContent).ToList();
        Assert.Single(list); // 3% of the two published reports, at least one
        Assert.Contains("20260415", page.Body!.TextContent);

        // The same seed on the same population draws the same list.
        var again = await supervisor.SubmitAsync("/registry/spot-checks", "/registry/spot-checks", new Dictionary<string, string> { ["year"] = year, ["percentage"] = "3", ["seed"] = "20260415" });
        var second = (await supervisor.PageAsync(again.Headers.Location!.OriginalString)).QuerySelectorAll("[data-drawn] > li").Select(li => li.QuerySelector(".code")!.TextContent).ToList();
        Assert.Equal(list, second);

        var itemForm = page.QuerySelector("[data-drawn] form")!;
        await supervisor.SubmitAsync(checkUrl, itemForm.GetAttribute("action")!, new Dictionary<string, string> { ["result"] = "Conforms", ["note"] = "材料与实际一致" });
        using var anonymous = factory.Client();
        Assert.DoesNotContain("材料与实际一致", (await anonymous.PageAsync("/spot-checks")).Body!.TextContent); // not until closed
        await supervisor.SubmitAsync(checkUrl, checkUrl + "/close", new Dictionary<string, string>());
        Assert.Contains("材料与实际一致", (await anonymous.PageAsync("/spot-checks")).Body!.TextContent);

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var token = (await registrar.PageAsync("/registry/spot-checks")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await registrar.PageAsync("/account/change-password")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.PostAsync("/registry/spot-checks", new Dictionary<string, string> { ["year"] = year, ["percentage"] = "2" }, token)).StatusCode);
    }
}

public class OfficeSettingsTests
{
    [Fact]
    public async Task ASupervisor_SetsTheOfficesReportWindow_AndLateFollowsIt()
    {
        using var factory = new PortalFactory();
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var bad = await supervisor.SubmitAsync("/registry", "/registry/settings", new Dictionary<string, string> { ["promisedDays"] = "5", ["opensMonth"] = "4", ["opensDay"] = "1", ["closesMonth"] = "2", ["closesDay"] = "30" });
        Assert.Contains("报送期日期无效", (await supervisor.PageAsync(bad.Headers.Location!.OriginalString)).Body!.TextContent);
        await supervisor.SubmitAsync("/registry", "/registry/settings", new Dictionary<string, string> { ["promisedDays"] = "4", ["opensMonth"] = "1", ["opensDay"] = "1", ["closesMonth"] = "4", ["closesDay"] = "30" });

        using var scope = factory.Services.CreateScope();
        var office = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Offices.SingleAsync(o => o.Id == Portal.Infrastructure.Seeding.DemoDataSeeder.CountyOfficeId);
        Assert.Equal(4, office.PromisedDecisionWorkingDays);
        Assert.False(office.ReportWindow(2025).IsLate(new DateOnly(2026, 4, 20)));
        Assert.True(office.ReportWindow(2025).IsLate(new DateOnly(2026, 5, 1)));

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Null((await registrar.PageAsync("/registry")).QuerySelector("form[data-office-settings]")); // supervisors only
    }
}

public class OversightScopingTests
{
    [Fact]
    public async Task AnotherOfficesRegistrar_Gets404ForReportsEnforcementAndSpotChecks()
    {
        using var factory = new PortalFactory();
        Guid report, institution;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            report = await db.AnnualReports.Where(r => r.State == ReportState.Submitted).Select(r => r.Id).FirstAsync();
            institution = await db.Institutions.Where(i => i.Current.Name == "浦江县融媒体中心").Select(i => i.Id).SingleAsync();
        }

        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var drawn = await supervisor.SubmitAsync("/registry/spot-checks", "/registry/spot-checks", new Dictionary<string, string> { ["year"] = (DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["percentage"] = "1" });
        var spotCheck = drawn.Headers.Location!.OriginalString;

        using var city = factory.Client();
        await city.LoginOkAsync(Demo.CityRegistrar);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/registry/reports/{report}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync(spotCheck)).StatusCode);
        Assert.DoesNotContain(report.ToString(), await (await city.GetAsync("/registry/reports")).Content.ReadAsStringAsync());

        var token = (await city.PageAsync("/registry")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await city.PageAsync("/account/change-password")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        Assert.Equal(HttpStatusCode.NotFound, (await city.PostAsync($"/registry/reports/{report}/publish", new Dictionary<string, string>(), token)).StatusCode);
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(token!), "__RequestVerificationToken" },
            { new StringContent("Warning"), "kind" },
            { new StringContent("越权测试"), "reasons" },
            { new StringContent("true"), "confirmed" },
        };
        Assert.Equal(HttpStatusCode.NotFound, (await city.Http.PostAsync($"/registry/institutions/{institution}/enforcement", multipart)).StatusCode);

        using var check = factory.Services.CreateScope();
        var db2 = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(ReportState.Submitted, await db2.AnnualReports.Where(r => r.Id == report).Select(r => r.State).SingleAsync());
        Assert.False(await db2.EnforcementActions.AnyAsync(a => a.InstitutionId == institution));
    }

    [Fact]
    public async Task OtherInstitutionsReports_Are404ForInstitutionUsers()
    {
        using var factory = new PortalFactory();
        Guid report;
        using (var scope = factory.Services.CreateScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AnnualReports.Select(r => r.Id).FirstAsync();
        }

        using var user = factory.Client();
        await user.LoginOkAsync(Demo.User);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/annual-reports/{report}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/annual-reports/{report}/edit")).StatusCode);
    }
}

public class ReportVersionsAndOverdueTests
{
    [Fact]
    public async Task TheOverdueList_ShowsTheOfficesInstitutionsWithoutAReport()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 2, 2, 0, 0, TimeSpan.Zero));
        using var factory = new PortalFactory { Clock = clock };
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var page = await registrar.PageAsync("/registry/reports/overdue?year=2025");
        var list = page.QuerySelector("[data-overdue-list]")!.TextContent;
        Assert.Contains("浦江县乡村振兴技术服务中心", list);
        Assert.DoesNotContain("浦江县实验小学", list); // filed and published
        Assert.DoesNotContain("金华市", list); // another office's institutions
    }

    [Fact]
    public async Task ACorrectionAfterPublication_IsANewVersion_AndBothStayPublic()
    {
        using var factory = new PortalFactory();
        Guid published;
        string code;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var school = await db.Institutions.SingleAsync(i => i.Current.Name == "浦江县实验小学");
            code = school.Code;
            published = await db.AnnualReports.Where(r => r.InstitutionId == school.Id && r.State == ReportState.Published).Select(r => r.Id).SingleAsync();
        }

        var email = await factory.AddInstitutionUserAsync("浦江县实验小学", "school@example.org");
        using var school2 = factory.Client();
        await school2.LoginOkAsync(email);
        var correct = await school2.SubmitAsync($"/annual-reports/{published}", $"/annual-reports/{published}/correct", new Dictionary<string, string>());
        var correction = Guid.Parse(correct.Headers.Location!.OriginalString.Split('/')[2]);
        await school2.SubmitAsync($"/annual-reports/{correction}/edit", $"/annual-reports/{correction}/edit", new Dictionary<string, string>
        {
            ["BusinessActivities"] = "更正：全年在校学生1862人。", ["NetAssetsStart"] = "320.00", ["NetAssetsEnd"] = "335.50",
            ["ConfirmerName"] = "王立群", ["ConfirmerPost"] = "局长", ["ConfirmedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd"),
        });
        foreach (var kind in new[] { "BalanceSheet", "SponsorConfirmation" })
        {
            var edit = await school2.PageAsync($"/annual-reports/{correction}/edit");
            var form = edit.Forms.First(f => f.GetAttribute("action") == $"/annual-reports/{correction}/attachments");
            using var multipart = new MultipartFormDataContent
            {
                { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
                { new StringContent(kind), "kind" },
                { new ByteArrayContent(FilingDriver.Pdf), "file", kind + ".pdf" },
            };
            await school2.Http.PostAsync($"/annual-reports/{correction}/attachments", multipart);
        }

        await school2.SubmitAsync($"/annual-reports/{correction}/edit", $"/annual-reports/{correction}/submit", new Dictionary<string, string>());
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.SubmitAsync($"/registry/reports/{correction}", $"/registry/reports/{correction}/publish", new Dictionary<string, string>());

        using var anonymous = factory.Client();
        var links = (await anonymous.PageAsync($"/register/{code}")).QuerySelector("[data-public-reports]")!.InnerHtml;
        Assert.Contains($"/reports/{published}", links);
        Assert.Contains($"/reports/{correction}", links);
        Assert.Contains("更正：全年在校学生1862人", (await anonymous.PageAsync($"/reports/{correction}")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/reports/{published}")).StatusCode);
    }
}
