using Portal.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Calendar;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;

namespace Portal.Web.Features.Filings;

/// <summary>Dates, numbers and clocks for filings.</summary>
public sealed class FilingClocks(PortalDbContext db, CalendarStore calendars, IOptions<RegistryOptions> options, TimeProvider clock)
{
    /// <summary>Today in China (UTC+8): legal days are local days.</summary>
    public DateOnly Today => clock.TodayInChina();

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public Task<WorkingDayCalendar> CalendarAsync(CancellationToken ct) => calendars.LoadAsync(ct);

    public async Task<ClockSettings> SettingsAsync(Guid officeId, CancellationToken ct)
    {
        var promised = await db.Offices.Where(o => o.Id == officeId).Select(o => o.PromisedDecisionWorkingDays).SingleOrDefaultAsync(ct);
        return new ClockSettings(options.Value.AcceptanceWorkingDays, options.Value.DecisionDays, promised);
    }

    /// <summary>"330726-2026-00012": the office's region code, the year, a serial per office and year. Call inside a transaction.</summary>
    public async Task<string> NextNumberAsync(Guid officeId, CancellationToken ct)
    {
        var region = await db.Offices.Where(o => o.Id == officeId).Select(o => o.RegionCode).SingleAsync(ct);
        var year = Today.Year;
        var serial = await new NumberSequence(db).NextAsync($"filing:{region}:{year}", ct);
        return $"{region}-{year}-{serial:D5}";
    }

    /// <summary>True when another registered institution of the office already has this name (after width and space folding).</summary>
    public Task<bool> NameTakenAsync(Guid officeId, string? name, Guid? exceptInstitution, CancellationToken ct)
    {
        var key = NameKey.Of(name);
        return db.Institutions.AnyAsync(i => i.OfficeId == officeId && i.NameKey == key && i.Status == InstitutionStatus.Registered && i.Id != exceptInstitution, ct);
    }

    /// <summary>An active organ or people's organisation of the office already bears the name (机关、群团赋码).</summary>
    public Task<bool> AgencyNameTakenAsync(Guid officeId, string name, Guid? exceptAgency, CancellationToken ct) =>
        db.Agencies.AnyAsync(a => a.OfficeId == officeId && a.Current.Name == name && a.Status == Portal.Domain.Agencies.AgencyStatus.Active && a.Id != exceptAgency, ct);
}

/// <summary>Tells an institution's users (or a setup's applicant) what happened: portal inbox and email, in both languages.</summary>
public sealed class FilingNotifier(PortalDbContext db, EmailOutbox outbox, IOptions<Portal.Web.Infrastructure.PortalOptions> portal, TimeProvider clock)
{
    /// <summary>With <paramref name="instrument"/>, its PDF goes with each email and the inbox links to it.</summary>
    public async Task NotifyAsync(Filing filing, string titleZh, string titleEn, string bodyZh, string bodyEn, CancellationToken ct, Portal.Domain.Instruments.Instrument? instrument = null)
    {
        var recipients = await db.Users
            .Where(u => (filing.InstitutionId != null && u.InstitutionId == filing.InstitutionId)
                || (filing.AgencyId != null && u.AgencyId == filing.AgencyId) || u.Id == filing.ApplicantUserId)
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(ct);
        var link = $"/filings/{filing.Id}";
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in recipients)
        {
            db.Notifications.Add(new Notification(r.Id, titleZh, titleEn, bodyZh, bodyEn, link, now));
            if (!string.IsNullOrEmpty(r.Email))
            {
                var url = portal.Value.Url(link);
                outbox.Enqueue(
                    r.Email,
                    $"{titleZh} / {titleEn}",
                    $"{bodyZh}\n\n查看详情：{url}\n\n---\n\n{bodyEn}\n\nDetails: {url}\n\n事业单位登记管理服务平台 · Public Institution Registration Portal",
                    "filing-notification",
                    instrument?.FileId,
                    instrument is null ? null : Portal.Infrastructure.Instruments.InstrumentTitles.FileName(instrument.Kind, instrument.Number));
            }
        }
    }
}
