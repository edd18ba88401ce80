using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Agencies;
using Portal.Domain.Announcements;
using Portal.Domain.Certificates;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Feed;
using Portal.Web.Features.Certificates;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.AgencyFlowTests;

namespace Portal.Web.Tests;

/// <summary>
/// Where the office prints a validity on code certificates: the reminders before the end, the expired verdict and its
/// announcement and feed event, and 到期换领 (offered only in its window, refused outside it however the cause is encoded).
/// </summary>
public class AgencyExpiryTests
{
    [Fact]
    public async Task AValidityPrintedByTheOffice_IsRemindedOf_Expires_AndIsRenewedWithAFreshValidity()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory { Clock = clock };
        var agency = await AgencyAsync(factory, Office);
        using (var supervisor = factory.Client())
        {
            await supervisor.LoginOkAsync(Demo.Supervisor);
            var settings = PortalClient.FormFields(await supervisor.PageAsync("/registry"), "/registry/settings");
            settings["agencyValidityYears"] = "1";
            Assert.Equal(HttpStatusCode.Redirect, (await supervisor.SubmitAsync("/registry", "/registry/settings", settings)).StatusCode);
        }

        // A re-issue after loss gives the organ a certificate that prints one year's validity.
        Guid renewal;
        AgencyCertificate dated;
        using (var organ = factory.Client())
        {
            await organ.LoginOkAsync(Demo.Organ);
            var lost = await organ.StartAsync(FilingKind.AgencyReissue);
            Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(organ, lost, new() { ["ReissueCause"] = "Loss", ["Explanation"] = "证书遗失。" })).StatusCode);
            await organ.UploadAllAsync(lost, [AttachmentKind.ApplicationForm, AttachmentKind.LossDeclaration], "agency");
            await SubmitAndApproveAsync(factory, organ, lost);
            dated = (await CertificatesAsync(factory, agency.Id)).Single(c => c.Status == CertificateStatus.Valid);
            Assert.Equal(dated.IssuedOn.AddYears(1), dated.ValidUntil);

            // Far from its end, 到期换领 is not offered, and refused when sent anyway, by name or by number.
            renewal = await organ.StartAsync(FilingKind.AgencyReissue);
            var page = await organ.PageAsync($"/filings/{renewal}/agency");
            Assert.Equal(2, page.QuerySelectorAll("input[name=ReissueCause]").Length);
            Assert.Null(page.QuerySelector("input[name=ReissueCause][value=Expiry]"));
            foreach (var encoded in new[] { "Expiry", ((int)ReissueCause.Expiry).ToString() })
            {
                var refused = await SaveAsync(organ, renewal, new() { ["ReissueCause"] = encoded, ["Explanation"] = "到期换领。" });
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                Assert.Contains("自有效期届满前30日起可以申请", await refused.Content.ReadAsStringAsync());
            }

            Assert.Null(await ReissueCauseAsync(factory, renewal));
            Assert.Null((await organ.PageAsync("/agency/certificates")).QuerySelector("[data-renewal-due]"));
        }

        var job = factory.Services.GetRequiredService<CertificateExpiryJob>();
        int Reminders(PortalDbContext db, string days) =>
            db.OutboxMessages.Count(m => m.To == Demo.Organ && m.Kind == "certificate-expiry" && m.Subject.Contains("证书将于" + days + "日内到期"));

        // 45 days before the end: the 60-day reminder, once.
        clock.Advance(TimeSpan.FromDays(dated.ValidUntil!.Value.DayNumber - TodayInChina(clock).DayNumber - 45));
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal((1, 0), (Reminders(db, "60"), Reminders(db, "30")));
            Assert.True(await db.Notifications.AnyAsync(n => n.TitleZh.Contains(dated.Number) && n.BodyZh.Contains("有效期届满换领")));
        }

        // 25 days before the end: the 30-day reminder, once.
        clock.Advance(TimeSpan.FromDays(20));
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal((1, 1), (Reminders(db, "60"), Reminders(db, "30")));
        }

        // Two days past the end: the verify page says expired before the job runs; the job marks, announces and feeds it.
        clock.Advance(TimeSpan.FromDays(27));
        using var phone = factory.Client();
        Assert.Equal("Expired", await VerdictAsync(phone, dated.QrUrl));
        var (expired, _) = await job.RunOnceAsync(CancellationToken.None);
        Assert.True(expired >= 1, $"expired {expired}"); // the demo's institution certificates may end in the same days
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var stored = await db.AgencyCertificates.AsNoTracking().SingleAsync(c => c.Id == dated.Id);
            Assert.Equal((CertificateStatus.Expired, dated.ValidUntil.Value.AddDays(1)), (stored.Status, stored.EndedOn));
            Assert.True(await db.Announcements.AnyAsync(a => a.AgencyId == agency.Id && a.Kind == AnnouncementKind.CertificateExpired));
            var fed = await db.FeedEvents.Where(e => e.Kind == FeedEventKinds.AgencyCertificateExpired).SingleAsync();
            Assert.Equal((agency.Code, dated.Number), (fed.Code, System.Text.Json.JsonDocument.Parse(fed.Data).RootElement.GetProperty("number").GetString()));
        }

        Assert.Equal(0, (await job.RunOnceAsync(CancellationToken.None)).Expired); // idempotent
        var profile = await phone.PageAsync($"/register/{agency.Code}");
        Assert.Contains(AnnouncementTitle(agency), profile.QuerySelector("[data-public-announcements]")!.TextContent);

        // Now 到期换领 is offered; it needs the expiring certificate and gives a fresh year.
        using (var organ = factory.Client())
        {
            await organ.LoginOkAsync(Demo.Organ);
            Assert.Contains(dated.Number, (await organ.PageAsync("/agency/certificates")).QuerySelector("[data-renewal-due]")!.TextContent);
            Assert.NotNull((await organ.PageAsync($"/filings/{renewal}/agency")).QuerySelector("input[name=ReissueCause][value=Expiry]"));
            Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(organ, renewal, new() { ["ReissueCause"] = "Expiry", ["Explanation"] = "证书有效期届满。" })).StatusCode);
            Assert.Equal(ReissueCause.Expiry, await ReissueCauseAsync(factory, renewal));
            var confirm = await organ.PageAsync($"/filings/{renewal}/submit");
            Assert.Equal(2, confirm.QuerySelectorAll("[data-problems] li").Length); // the form and the expiring certificate
            await organ.UploadAllAsync(renewal, [AttachmentKind.ApplicationForm, AttachmentKind.ExpiringCertificate], "agency");
            await SubmitAndApproveAsync(factory, organ, renewal);
            Assert.Null((await organ.PageAsync("/agency/certificates")).QuerySelector("[data-renewal-due]"));
        }

        var certificates = await CertificatesAsync(factory, agency.Id);
        var renewed = certificates.Single(c => c.Status == CertificateStatus.Valid);
        var old = certificates.Single(c => c.Id == dated.Id);
        Assert.Equal((AgencyCertificateReason.Renewal, TodayInChina(clock), TodayInChina(clock).AddYears(1)), (renewed.Reason, renewed.IssuedOn, renewed.ValidUntil));
        Assert.Equal((CertificateStatus.Expired, renewed.Id, dated.Id), (old.Status, old.SuccessorId, renewed.PredecessorId));
        var scanned = await phone.PageAsync(new Uri(old.QrUrl).PathAndQuery);
        Assert.Equal("Expired", scanned.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        Assert.Equal("/v/" + renewed.Token, scanned.QuerySelector("[data-successor]")!.GetAttribute("href"));
        Assert.Equal("Valid", await VerdictAsync(phone, renewed.QrUrl));
    }

    [Fact]
    public async Task WhereTheOfficePrintsNoValidity_RenewalIsNeverOffered_AndIsRefused()
    {
        using var factory = new PortalFactory();
        using var organ = factory.Client();
        await organ.LoginOkAsync(Demo.Organ);
        var id = await organ.StartAsync(FilingKind.AgencyReissue);
        Assert.Null((await organ.PageAsync($"/filings/{id}/agency")).QuerySelector("input[name=ReissueCause][value=Expiry]"));
        var refused = await SaveAsync(organ, id, new() { ["ReissueCause"] = "Expiry", ["Explanation"] = "到期换领。" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("只适用于印有有效期的证书", await refused.Content.ReadAsStringAsync());
        Assert.Null(await ReissueCauseAsync(factory, id));
    }

    private static string AnnouncementTitle(Agency agency) => agency.Current.Name + "《统一社会信用代码证书》有效期届满公告";

    private static DateOnly TodayInChina(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().AddHours(8).UtcDateTime);

    private static async Task<ReissueCause?> ReissueCauseAsync(PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Filings.Where(f => f.Id == id).Select(f => f.ReissueCause).SingleAsync();
    }
}
