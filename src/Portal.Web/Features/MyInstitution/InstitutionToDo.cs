using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.AnnualReports;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.MyInstitution;

/// <summary>What kind of action an item of the institution's to-do list asks for.</summary>
public enum ToDoKind
{
    /// <summary>Last year's report can be filed now (window open, more than <see cref="InstitutionToDo.ReportDueSoonDays"/> days left).</summary>
    ReportOpen,

    /// <summary>Last year's report is due within <see cref="InstitutionToDo.ReportDueSoonDays"/> days.</summary>
    ReportDue,

    /// <summary>The window has closed without a report.</summary>
    ReportOverdue,

    /// <summary>The registrar returned the report for correction.</summary>
    ReportReturned,

    /// <summary>The window for last year's report opens later (an office may set its own window).</summary>
    ReportUpcoming,

    /// <summary>A filing came back for supplements (before or after acceptance).</summary>
    FilingReturned,

    /// <summary>The certificate renewal window is open.</summary>
    RenewalOpen,

    /// <summary>The renewal window opens on the date shown.</summary>
    RenewalUpcoming,

    /// <summary>Unread messages in the portal inbox.</summary>
    UnreadMessages,

    /// <summary>A written instrument (文书) not yet opened.</summary>
    InstrumentUnopened,
}

/// <summary>One thing the institution should act on: what, where to do it, by or since when.</summary>
public sealed record ToDoItem(ToDoKind Kind, string Link, DateOnly? Date, string? Subject = null, int Count = 0)
{
    /// <summary>Items that cost the institution something if left alone.</summary>
    public bool Urgent => Kind is ToDoKind.ReportOverdue or ToDoKind.ReportDue or ToDoKind.ReportReturned or ToDoKind.FilingReturned;
}

/// <summary>
/// The institution's home as a to-do list: the annual report (open, due, overdue, returned), filings returned
/// for supplements, the certificate renewal window, unread messages and unopened instruments. Every query is
/// scoped to the caller: their institution, their own filings and their own inbox.
/// </summary>
public sealed class InstitutionToDo(PortalDbContext db, FilingAccess access, FilingClocks clocks)
{
    public const int ReportDueSoonDays = 30;

    /// <summary>How long before the renewal window opens the home starts announcing it.</summary>
    public const int RenewalNoticeDays = 60;

    public async Task<List<ToDoItem>> BuildAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var items = new List<ToDoItem>();
        var today = clocks.Today;
        var institutionId = user.InstitutionId();
        var userId = user.UserId();
        if (institutionId is { } id)
        {
            var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == id)
                .Select(i => new { i.Status, i.RegisteredOn, i.CertificateValidUntil, i.OfficeId }).SingleOrDefaultAsync(ct);
            if (institution is { Status: InstitutionStatus.Registered })
            {
                await AddReportAsync(items, id, institution.RegisteredOn, institution.OfficeId, today, ct);
                await AddRenewalAsync(items, user, institution.CertificateValidUntil, today, ct);
            }
        }

        var returned = await access.ForApplicant(user).AsNoTracking()
            .Where(f => f.State == FilingState.Returned || f.State == FilingState.SupplementRequested)
            .Select(f => new { f.Id, f.Number, f.Kind, Since = f.Events.Max(e => (DateTime?)e.AtUtc) })
            .ToListAsync(ct);
        items.AddRange(returned.OrderBy(f => f.Since).Select(f => new ToDoItem(ToDoKind.FilingReturned, $"/filings/{f.Id}", f.Since is { } at ? ChinaDate(at) : null, f.Number)));

        var unread = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.ReadUtc == null)
            .GroupBy(n => 1).Select(g => new { Count = g.Count(), Newest = g.Max(n => n.CreatedUtc) }).SingleOrDefaultAsync(ct);
        if (unread is { Count: > 0 })
        {
            items.Add(new ToDoItem(ToDoKind.UnreadMessages, "/inbox", ChinaDate(unread.Newest), null, unread.Count));
        }

        var instruments = await db.Instruments.AsNoTracking()
            .Where(i => ((institutionId != null && i.InstitutionId == institutionId) || i.ApplicantUserId == userId) && i.OpenedUtc == null)
            .OrderByDescending(i => i.IssuedUtc).Take(10)
            .Select(i => new { i.Id, i.Number, i.IssuedOn })
            .ToListAsync(ct);
        items.AddRange(instruments.Select(i => new ToDoItem(ToDoKind.InstrumentUnopened, $"/institution/documents/{i.Id}.pdf", i.IssuedOn, i.Number)));

        // Most pressing first; within a kind, the earliest date first.
        return items.OrderByDescending(i => i.Urgent).ThenBy(i => (int)i.Kind).ThenBy(i => i.Date).ToList();
    }

    private async Task AddReportAsync(List<ToDoItem> items, Guid institutionId, DateOnly registeredOn, Guid officeId, DateOnly today, CancellationToken ct)
    {
        var year = today.Year - 1;
        if (!AnnualReport.IsDue(registeredOn, year))
        {
            return;
        }

        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officeId, ct);
        var window = office?.ReportWindow(year) ?? AnnualReportWindow.For(year);
        var report = await db.AnnualReports.AsNoTracking().Where(r => r.InstitutionId == institutionId && r.Year == year)
            .OrderByDescending(r => r.Version).Select(r => new { r.Id, r.State }).FirstOrDefaultAsync(ct);
        var link = report is null ? "/annual-reports" : $"/annual-reports/{report.Id}/edit";
        var subject = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (report?.State == ReportState.Returned)
        {
            items.Add(new ToDoItem(ToDoKind.ReportReturned, link, window.IsOverdue(today) ? null : window.Closes, subject));
            return;
        }

        if (report is not null && report.State != ReportState.Draft)
        {
            return; // submitted or published: nothing to do
        }

        if (today < window.Opens)
        {
            items.Add(new ToDoItem(ToDoKind.ReportUpcoming, "/annual-reports", window.Opens, subject));
        }
        else if (window.IsOverdue(today))
        {
            items.Add(new ToDoItem(ToDoKind.ReportOverdue, link, window.Closes, subject));
        }
        else
        {
            var kind = window.Closes.DayNumber - today.DayNumber <= ReportDueSoonDays ? ToDoKind.ReportDue : ToDoKind.ReportOpen;
            items.Add(new ToDoItem(kind, link, window.Closes, subject));
        }
    }

    private async Task AddRenewalAsync(List<ToDoItem> items, ClaimsPrincipal user, DateOnly? validUntil, DateOnly today, CancellationToken ct)
    {
        if (validUntil is not { } end || today > end)
        {
            return;
        }

        var opens = end.AddDays(-Institution.RenewalWindowDays);
        if (today < opens.AddDays(-RenewalNoticeDays))
        {
            return;
        }

        var inProgress = await access.ForApplicant(user).AnyAsync(f => f.Kind == FilingKind.CertificateRenewal && FilingWorkflow.OpenStates.Contains(f.State), ct);
        if (inProgress)
        {
            return;
        }

        items.Add(today >= opens
            ? new ToDoItem(ToDoKind.RenewalOpen, "/filings/new?kind=CertificateRenewal", end)
            : new ToDoItem(ToDoKind.RenewalUpcoming, "/services/certificate-renewal", opens));
    }

    private static DateOnly ChinaDate(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(8));
}
