using Portal.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Announcements;
using Portal.Domain.Certificates;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;

namespace Portal.Web.Features.Certificates;

/// <summary>
/// Daily (00:30): marks certificates past their validity as expired (with an announcement each) and
/// reminds institutions 60 and 30 days before expiry. Takes a lease row so two nodes never run it at once;
/// every step is idempotent (status checks and reminder flags), so a crash mid-run is harmless. Works in
/// batches of 500 at a quarter of one core, so a register of a million never starves requests.
/// </summary>
public sealed class CertificateExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<CertificateExpiryJob> logger)
    : Portal.Web.Infrastructure.ScheduledJob(clock, configuration, logger)
{
    public const string LeaseName = "certificate-expiry";

    private const int BatchSize = 100; // small enough that one batch is a slice, not a burst

    public override string Name => LeaseName;

    protected override Portal.Web.Infrastructure.JobSchedule DefaultSchedule => Portal.Web.Infrastructure.JobSchedule.Daily(new TimeOnly(0, 30));

    public override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    public async Task<(int Expired, int Reminded)> RunOnceAsync(CancellationToken ct)
    {
        var node = scopes.CreateScope().ServiceProvider.GetRequiredService<Portal.Web.Infrastructure.NodeId>().Value;
        var duty = new Portal.Web.Infrastructure.DutyCycle();
        int expired = 0, reminded = 0;
        var after = string.Empty; // keyset over the unique certificate number
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (!await JobLeases.TryTakeAsync(db, LeaseName, node, Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(10), ct))
            {
                return (expired, reminded);
            }

            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            var now = Clock.GetUtcNow().UtcDateTime;
            var today = Clock.TodayInChina();
            var in60 = today.AddDays(60);
            var in30 = today.AddDays(30);

            // Only certificates with something to do: past their end, or inside a reminder window not yet sent.
            var due = await db.Certificates
                .Where(c => c.Status == CertificateStatus.Valid && c.ValidUntil <= in60 && string.Compare(c.Number, after) > 0
                    && (c.ValidUntil < today || !c.Notified60DaysBefore || (c.ValidUntil <= in30 && !c.Notified30DaysBefore)))
                .OrderBy(c => c.Number).Take(BatchSize).ToListAsync(ct);
            if (due.Count == 0)
            {
                await JobLeases.ReleaseAsync(db, LeaseName, ct);
                return (expired, reminded);
            }

            after = due[^1].Number;
            foreach (var certificate in due)
            {
                if (today > certificate.ValidUntil)
                {
                    certificate.Expire(today);
                    expired++;
                    db.Announcements.Add(new Announcement(
                        certificate.OfficeId, certificate.InstitutionId, AnnouncementKind.CertificateExpired,
                        $"{certificate.Printed.Name}《事业单位法人证书》有效期届满公告",
                        $"Certificate expired: {certificate.Printed.Name}",
                        $"{certificate.Printed.Name}（统一社会信用代码：{certificate.Code}）的《事业单位法人证书》（证书编号：{certificate.Number}）有效期至{certificate.ValidUntil:yyyy年MM月dd日}届满，自动失效。",
                        $"The legal-person certificate no. {certificate.Number} of {certificate.Printed.Name} (unified social credit code {certificate.Code}) expired after {certificate.ValidUntil:yyyy-MM-dd}.",
                        today,
                        now));
                }
                else if (certificate.TakeExpiryReminder(today) is { } days)
                {
                    reminded++;
                    await RemindAsync(db, outbox, certificate, days, now, ct);
                }
            }

            await db.SaveChangesAsync(ct);
            await duty.PauseAsync(ct);
        }
    }

    private static async Task RemindAsync(PortalDbContext db, EmailOutbox outbox, Certificate certificate, int days, DateTime now, CancellationToken ct)
    {
        var users = await db.Users.Where(u => u.InstitutionId == certificate.InstitutionId).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        foreach (var user in users)
        {
            var titleZh = $"证书将于{days}日内到期：{certificate.Number}";
            var titleEn = $"Certificate expires within {days} days: {certificate.Number}";
            var bodyZh = $"您单位的《事业单位法人证书》（证书编号：{certificate.Number}）有效期至{certificate.ValidUntil:yyyy年MM月dd日}。请在有效期届满前30日内申请证书换领。";
            var bodyEn = $"Your institution's certificate no. {certificate.Number} is valid until {certificate.ValidUntil:yyyy-MM-dd}. Apply for renewal in the 30 days before it expires.";
            db.Notifications.Add(new Portal.Domain.Notifications.Notification(user.Id, titleZh, titleEn, bodyZh, bodyEn, "/filings/new", now));
            if (!string.IsNullOrEmpty(user.Email))
            {
                outbox.Enqueue(user.Email, $"{titleZh} / {titleEn}", $"{bodyZh}\n\n---\n\n{bodyEn}", "certificate-expiry");
            }
        }
    }
}

/// <summary>Lease rows: a job runs only while it holds its row's lease.</summary>
public static class JobLeases
{
    public static async Task<bool> TryTakeAsync(PortalDbContext db, string name, string holder, DateTime nowUtc, TimeSpan length, CancellationToken ct)
    {
        var until = nowUtc + length;
        var taken = await db.JobLeases.Where(l => l.Name == name && (l.LeaseUntilUtc < nowUtc || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeaseUntilUtc, until), ct);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false; // someone else holds it
        }

        try
        {
            db.JobLeases.Add(new JobLease { Name = name, Holder = holder, LeaseUntilUtc = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another node created it first
        }
    }

    public static Task ReleaseAsync(PortalDbContext db, string name, CancellationToken ct) =>
        db.JobLeases.Where(l => l.Name == name).ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaseUntilUtc, DateTime.MinValue), ct);
}
