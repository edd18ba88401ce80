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
/// The yearly cycle, daily: reminds institutions without a submitted report at the configured points
/// before the deadline (portal inbox always; email unless the user opted out), and after the deadline
/// keeps the public abnormal list (异常名录) in step when the office publishes one. Idempotent: a
/// reminder row per institution, year and point; one list entry per institution and year.
/// </summary>
public sealed class ReportCycleJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ReportCycleJob> logger)
    : Portal.Web.Infrastructure.HourlyJob(clock, configuration, logger)
{
    public const string LeaseName = "report-cycle";

    public int[] ReminderDays => Configuration.GetSection("Registry:ReportReminderDays").Get<int[]>() is { Length: > 0 } days ? days : [30, 7, 1];

    public override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    public async Task<(int Reminded, int Listed)> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        if (!await JobLeases.TryTakeAsync(db, LeaseName, scope.ServiceProvider.GetRequiredService<Portal.Web.Infrastructure.NodeId>().Value, now, TimeSpan.FromMinutes(10), ct))
        {
            return (0, 0);
        }

        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        var today = Clock.TodayInChina();
        var year = today.Year - 1;
        var publishList = Configuration.GetValue("Registry:PublishAbnormalList", false);
        int reminded = 0, listed = 0;
        foreach (var office in await db.Offices.AsNoTracking().ToListAsync(ct))
        {
            var window = office.ReportWindow(year);
            var missing = await ReportCycle.MissingReports(db, office.Id, year).Select(i => new { i.Id, i.Current.Name }).ToListAsync(ct);
            if (window.ReminderDue(today, ReminderDays) is { } daysLeft)
            {
                foreach (var institution in missing)
                {
                    if (await db.ReportReminders.AnyAsync(r => r.InstitutionId == institution.Id && r.Year == year && r.DaysBefore == daysLeft, ct))
                    {
                        continue;
                    }

                    db.ReportReminders.Add(new ReportReminder { InstitutionId = institution.Id, Year = year, DaysBefore = daysLeft, SentUtc = now });
                    reminded++;
                    var users = await db.Users.Where(u => u.InstitutionId == institution.Id).Select(u => new { u.Id, u.Email, u.ReminderEmailsOptOut }).ToListAsync(ct);
                    var titleZh = $"请报送{year}年度报告（还有{daysLeft}天截止）";
                    var titleEn = $"Annual report {year} due in {daysLeft} days";
                    var bodyZh = $"{institution.Name}尚未报送{year}年度报告。报送截止日期为{window.Closes:yyyy年MM月dd日}，逾期未报送将列入异常名录并可能受到警告等处理。";
                    var bodyEn = $"{institution.Name} has not filed its annual report for {year}. The deadline is {window.Closes:yyyy-MM-dd}; late filers may be listed as abnormal and warned.";
                    foreach (var user in users)
                    {
                        db.Notifications.Add(new Portal.Domain.Notifications.Notification(user.Id, titleZh, titleEn, bodyZh, bodyEn, "/annual-reports", now));
                        if (!user.ReminderEmailsOptOut && !string.IsNullOrEmpty(user.Email))
                        {
                            outbox.Enqueue(user.Email, $"{titleZh} / {titleEn}", $"{bodyZh}\n\n---\n\n{bodyEn}", "report-reminder");
                        }
                    }
                }
            }

            if (publishList && window.IsOverdue(today))
            {
                foreach (var institution in missing)
                {
                    if (!await db.AbnormalList.AnyAsync(a => a.InstitutionId == institution.Id && a.Year == year, ct))
                    {
                        db.AbnormalList.Add(new AbnormalListEntry(institution.Id, office.Id, year, today));
                        listed++;
                    }
                }
            }
        }

        await db.SaveChangesAsync(ct);
        await JobLeases.ReleaseAsync(db, LeaseName, ct);
        return (reminded, listed);
    }
}
