using Portal.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Announcements;
using Portal.Domain.Certificates;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;

namespace Portal.Web.Features.Certificates;

/// <summary>
/// Daily (00:30): marks certificates of both families past their validity as expired (with an announcement each) and
/// reminds institutions and agencies 60 and 30 days before expiry. Takes a lease row so two nodes never run it at once;
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
        var held = await InBatchesAsync(node, duty, releaseAtEnd: false, async (db, outbox, today, now, after) =>
        {
            // Only certificates with something to do: past their end, or inside a reminder window not yet sent.
            var (in60, in30) = (today.AddDays(60), today.AddDays(30));
            var due = await db.Certificates
                .Where(c => c.Status == CertificateStatus.Valid && c.ValidUntil <= in60 && string.Compare(c.Number, after) > 0
                    && (c.ValidUntil < today || !c.Notified60DaysBefore || (c.ValidUntil <= in30 && !c.Notified30DaysBefore)))
                .OrderBy(c => c.Number).Take(BatchSize).ToListAsync(ct);
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
                    var users = await db.Users.Where(u => u.InstitutionId == certificate.InstitutionId).Select(u => new Recipient(u.Id, u.Email)).ToListAsync(ct);
                    Remind(outbox, users,
                        $"证书将于{days}日内到期：{certificate.Number}",
                        $"Certificate expires within {days} days: {certificate.Number}",
                        $"您单位的《事业单位法人证书》（证书编号：{certificate.Number}）有效期至{certificate.ValidUntil:yyyy年MM月dd日}。请在有效期届满前30日内申请证书换领。",
                        $"Your institution's certificate no. {certificate.Number} is valid until {certificate.ValidUntil:yyyy-MM-dd}. Apply for renewal in the 30 days before it expires.");
                }
            }

            return due.Count == 0 ? null : due[^1].Number;
        }, ct);
        if (!held)
        {
            return (expired, reminded);
        }

        // The agencies' 《统一社会信用代码证书》 that print a validity (where their office sets one): the same, and the reminder
        // points to 到期换领 (a re-issue whose cause is the validity ending).
        await InBatchesAsync(node, duty, releaseAtEnd: true, async (db, outbox, today, now, after) =>
        {
            var (in60, in30) = (today.AddDays(60), today.AddDays(30));
            var due = await db.AgencyCertificates
                .Where(c => c.Status == CertificateStatus.Valid && c.ValidUntil != null && c.ValidUntil <= in60 && string.Compare(c.Number, after) > 0
                    && (c.ValidUntil < today || !c.Notified60DaysBefore || (c.ValidUntil <= in30 && !c.Notified30DaysBefore)))
                .OrderBy(c => c.Number).Take(BatchSize).ToListAsync(ct);
            foreach (var certificate in due)
            {
                if (today > certificate.ValidUntil)
                {
                    certificate.Expire(today);
                    expired++;
                    db.Announcements.Add(Announcement.AboutAgency(
                        certificate.OfficeId, certificate.AgencyId, AnnouncementKind.CertificateExpired,
                        $"{certificate.Printed.Name}《统一社会信用代码证书》有效期届满公告",
                        $"Code certificate expired: {certificate.Printed.Name}",
                        $"{certificate.Printed.Name}（统一社会信用代码：{certificate.Code}）的《统一社会信用代码证书》（证书编号：{certificate.Number}）有效期至{certificate.ValidUntil:yyyy年MM月dd日}届满，自动失效；统一社会信用代码继续有效。",
                        $"The code certificate no. {certificate.Number} of {certificate.Printed.Name} (unified social credit code {certificate.Code}) expired after {certificate.ValidUntil:yyyy-MM-dd}; the code itself stays valid.",
                        today,
                        now));
                }
                else if (certificate.TakeExpiryReminder(today) is { } days)
                {
                    reminded++;
                    var users = await db.Users.Where(u => u.AgencyId == certificate.AgencyId).Select(u => new Recipient(u.Id, u.Email)).ToListAsync(ct);
                    Remind(outbox, users,
                        $"证书将于{days}日内到期：{certificate.Number}",
                        $"Code certificate expires within {days} days: {certificate.Number}",
                        $"贵单位的《统一社会信用代码证书》（证书编号：{certificate.Number}）有效期至{certificate.ValidUntil:yyyy年MM月dd日}。请在平台申请补领/换领，换领原因选择“有效期届满换领”。",
                        $"Your code certificate no. {certificate.Number} is valid until {certificate.ValidUntil:yyyy-MM-dd}. Apply for a re-issue on the portal and choose “Validity ending: renewal”.");
                }
            }

            return due.Count == 0 ? null : due[^1].Number;
        }, ct);
        return (expired, reminded);
    }

    private sealed record Recipient(string Id, string? Email);

    /// <summary>
    /// Runs <paramref name="batch"/> over a keyset (it returns the last certificate number it handled, null when none was left),
    /// each batch in its own scope and save, while this node holds the lease (kept between the two passes, released after the
    /// last). False when the lease was held elsewhere.
    /// </summary>
    private async Task<bool> InBatchesAsync(
        string node, Portal.Web.Infrastructure.DutyCycle duty, bool releaseAtEnd, Func<PortalDbContext, EmailOutbox, DateOnly, DateTime, string, Task<string?>> batch, CancellationToken ct)
    {
        var after = string.Empty; // keyset over the unique certificate number
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (!await JobLeases.TryTakeAsync(db, LeaseName, node, Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(10), ct))
            {
                return false;
            }

            var last = await batch(db, scope.ServiceProvider.GetRequiredService<EmailOutbox>(), Clock.TodayInChina(), Clock.GetUtcNow().UtcDateTime, after);
            if (last is null)
            {
                if (releaseAtEnd)
                {
                    await JobLeases.ReleaseAsync(db, LeaseName, ct);
                }

                return true;
            }

            after = last;
            await db.SaveChangesAsync(ct);
            await duty.PauseAsync(ct);
        }
    }

    /// <summary>Each user gets the reminder in the inbox and by e-mail (an expiring certificate is not an opt-out reminder).</summary>
    private static void Remind(EmailOutbox outbox, IEnumerable<Recipient> users, string titleZh, string titleEn, string bodyZh, string bodyEn)
    {
        foreach (var user in users)
        {
            outbox.Remind(user.Id, user.Email, false, titleZh, titleEn, bodyZh, bodyEn, "/filings/new", "certificate-expiry");
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
