using Portal.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.AnnualReports;
using Portal.Domain.Oversight;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Data.Configurations;
using Portal.Infrastructure.Email;
using Portal.Web.Features.Certificates;
using Portal.Web.Features.ReportReview;

namespace Portal.Web.Features.AnnualReports;

/// <summary>
/// The yearly cycle, daily (01:00): reminds institutions without a submitted report at the configured
/// points before the deadline (portal inbox always; email unless the user opted out), and after the
/// deadline keeps the public abnormal list (异常名录) in step when the office publishes one. Idempotent:
/// a reminder row per institution, year and point; one list entry per institution and year. The missing
/// reports are looked for only on a day with work to do, and written in batches of 500 at a quarter of
/// one core, so the first of April at a million institutions does not starve requests.
/// </summary>
public sealed class ReportCycleJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ReportCycleJob> logger)
    : Portal.Web.Infrastructure.ScheduledJob(clock, configuration, logger)
{
    public const string LeaseName = "report-cycle";

    private const int BatchSize = 100; // small enough that one batch is a slice, not a burst

    public override string Name => LeaseName;

    protected override Portal.Web.Infrastructure.JobSchedule DefaultSchedule => Portal.Web.Infrastructure.JobSchedule.Daily(new TimeOnly(1, 0));

    public int[] ReminderDays => Configuration.GetSection("Registry:ReportReminderDays").Get<int[]>() is { Length: > 0 } days ? days : [30, 7, 1];

    public override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    public async Task<(int Reminded, int Listed)> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var node = scope.ServiceProvider.GetRequiredService<Portal.Web.Infrastructure.NodeId>().Value;
        if (!await JobLeases.TryTakeAsync(db, LeaseName, node, Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(10), ct))
        {
            return (0, 0);
        }

        var today = Clock.TodayInChina();
        var year = today.Year - 1;
        var publishList = Configuration.GetValue("Registry:PublishAbnormalList", false);
        var duty = new Portal.Web.Infrastructure.DutyCycle();
        int reminded = 0, listed = 0;
        foreach (var office in await db.Offices.AsNoTracking().ToListAsync(ct))
        {
            var window = office.ReportWindow(year);
            var daysLeft = window.ReminderDue(today, ReminderDays);
            var listing = publishList && window.IsOverdue(today);
            if (daysLeft is null && !listing)
            {
                continue; // nothing due for this office today: no need to look for missing reports at all
            }

            var missing = await ReportCycle.MissingReports(db, office.Id, year).Select(i => i.Id).ToListAsync(ct);
            if (daysLeft is { } days)
            {
                var done = (await db.ReportReminders.Where(r => r.Year == year && r.DaysBefore == days).Select(r => r.InstitutionId).ToListAsync(ct)).ToHashSet();
                foreach (var batch in missing.Where(id => !done.Contains(id)).Chunk(BatchSize))
                {
                    reminded += await RemindAsync(window, year, days, batch, ct);
                    await duty.PauseAsync(ct);
                    await JobLeases.TryTakeAsync(db, LeaseName, node, Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(10), ct);
                }
            }

            if (listing)
            {
                var onList = (await db.AbnormalList.Where(a => a.OfficeId == office.Id && a.Year == year).Select(a => a.InstitutionId).ToListAsync(ct)).ToHashSet();
                foreach (var batch in missing.Where(id => !onList.Contains(id)).Chunk(BatchSize))
                {
                    using var write = scopes.CreateScope();
                    var wdb = write.ServiceProvider.GetRequiredService<PortalDbContext>();
                    wdb.AbnormalList.AddRange(batch.Select(id => new AbnormalListEntry(id, office.Id, year, today)));
                    await wdb.SaveChangesAsync(ct);
                    listed += batch.Length;
                    await duty.PauseAsync(ct);
                    await JobLeases.TryTakeAsync(db, LeaseName, node, Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(10), ct);
                }
            }
        }

        await JobLeases.ReleaseAsync(db, LeaseName, ct);
        return (reminded, listed);
    }

    private async Task<int> RemindAsync(Portal.Domain.AnnualReports.AnnualReportWindow window, int year, int daysLeft, Guid[] institutionIds, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var names = await db.Institutions.Where(i => institutionIds.Contains(i.Id)).Select(i => new { i.Id, i.Current.Name }).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var users = (await db.Users.Where(u => u.InstitutionId != null && institutionIds.Contains(u.InstitutionId.Value))
            .Select(u => new { u.Id, u.Email, u.ReminderEmailsOptOut, u.InstitutionId }).ToListAsync(ct)).ToLookup(u => u.InstitutionId!.Value);
        foreach (var id in institutionIds)
        {
            db.ReportReminders.Add(new ReportReminder { InstitutionId = id, Year = year, DaysBefore = daysLeft, SentUtc = now });
            var name = names.GetValueOrDefault(id) ?? string.Empty;
            var titleZh = $"请报送{year}年度报告（还有{daysLeft}天截止）";
            var titleEn = $"Annual report {year} due in {daysLeft} days";
            var bodyZh = $"{name}尚未报送{year}年度报告。报送截止日期为{window.Closes:yyyy年MM月dd日}，逾期未报送将列入异常名录并可能受到警告等处理。";
            var bodyEn = $"{name} has not filed its annual report for {year}. The deadline is {window.Closes:yyyy-MM-dd}; late filers may be listed as abnormal and warned.";
            foreach (var user in users[id])
            {
                outbox.Remind(user.Id, user.Email, user.ReminderEmailsOptOut, titleZh, titleEn, bodyZh, bodyEn, "/annual-reports", "report-reminder");
            }
        }

        await db.SaveChangesAsync(ct);
        return institutionIds.Length;
    }
}
