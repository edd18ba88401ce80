using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.AnnualReports;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Web.Features.AnnualReports;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.ReportReview;

public sealed record ReviewQueueRow(Guid Id, string Institution, string Code, int Year, int Version, ReportState State, DateOnly? SubmittedOn, bool Late, bool Flagged);

public sealed record ReviewQueueViewModel(int Year, ReportState? State, IReadOnlyList<ReviewQueueRow> Rows);

public sealed record OverdueRow(Guid InstitutionId, string Name, string Code, bool OnAbnormalList, DateTime? LastChasedUtc = null, int Chases = 0);

public sealed record OverdueViewModel(int Year, AnnualReportWindow Window, bool Overdue, IReadOnlyList<OverdueRow> Rows, bool PublicListEnabled, DateTime NowUtc = default);

public sealed record ReportReviewViewModel(AnnualReport Report, string InstitutionName, string Code, IReadOnlyList<ReportAction> Actions);

/// <summary>The registrar's formal review of annual reports: publish (公示), return for correction, flag for an on-site check.</summary>
[Route("registry/reports")]
[Authorize(Policy = Policies.Registry)]
[BackOffice]
public class ReportReviewController(PortalDbContext db, FilingClocks clocks, IConfiguration configuration) : Controller
{
    private Guid OfficeId => User.OfficeId() ?? Guid.Empty;

    private IQueryable<AnnualReport> Office => db.AnnualReports.Where(r => r.OfficeId == OfficeId && r.State != ReportState.Draft);

    [HttpGet("")]
    public async Task<IActionResult> Queue(int? year, ReportState? state, CancellationToken ct)
    {
        var y = year ?? clocks.Today.Year - 1;
        var query = Office.AsNoTracking().Where(r => r.Year == y);
        query = state is { } s ? query.Where(r => r.State == s) : query.Where(r => r.State == ReportState.Submitted);
        var rows = await query.OrderBy(r => r.SubmittedOn)
            .Join(db.Institutions, r => r.InstitutionId, i => i.Id, (r, i) => new ReviewQueueRow(r.Id, i.Current.Name, i.Code, r.Year, r.Version, r.State, r.SubmittedOn, r.Late, r.FlaggedForOnSiteCheck))
            .ToListAsync(ct);
        return View(new ReviewQueueViewModel(y, state, rows));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var report = await Office.AsNoTracking().Include(r => r.Attachments).Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == report.InstitutionId).Select(i => new { i.Current.Name, i.Code }).SingleAsync(ct);
        var role = User.IsInRole(Portal.Infrastructure.Identity.Roles.RegistrySupervisor) ? ReportRole.Supervisor : ReportRole.Registrar;
        return View(new ReportReviewViewModel(report, institution.Name, institution.Code, ReportWorkflow.ActionsFor(report.State, role)));
    }

    [HttpGet("{id:guid}/attachments/{attachmentId:guid}")]
    public Task<IActionResult> Download(Guid id, Guid attachmentId, CancellationToken ct) => ReportFiles.SendAsync(this, db, Office, id, attachmentId, ct);

    [HttpPost("{id:guid}/publish")]
    public Task<IActionResult> Publish(Guid id, List<ReportSection> confidential, string? flagNote, CancellationToken ct) =>
        ActAsync(id, async (report, actor) =>
        {
            report.Publish(actor, clocks.Today, clocks.NowUtc, confidential.Where(Enum.IsDefined));
            if (!string.IsNullOrWhiteSpace(flagNote))
            {
                report.FlagForOnSiteCheck(actor, clocks.NowUtc, Trim(flagNote));
            }

            await NotifyAsync(report, $"{report.Year}年度报告已公示", $"Annual report {report.Year} published",
                $"您单位{report.Year}年度报告已通过审查并公示。", $"Your institution's annual report for {report.Year} passed review and is published.", ct);
        }, ct, "ReportReview.Published");

    [HttpPost("{id:guid}/return")]
    public Task<IActionResult> Return(Guid id, string? reasons, CancellationToken ct) =>
        ActAsync(id, async (report, actor) =>
        {
            report.Return(actor, clocks.NowUtc, Trim(reasons));
            await NotifyAsync(report, $"{report.Year}年度报告被退回修改", $"Annual report {report.Year} returned for correction",
                $"您单位{report.Year}年度报告被退回修改，理由：{Trim(reasons)}", $"Your institution's annual report for {report.Year} was returned for correction: {Trim(reasons)}", ct);
        }, ct, "ReportReview.Returned");

    [HttpPost("{id:guid}/flag")]
    public Task<IActionResult> Flag(Guid id, string? note, CancellationToken ct) =>
        ActAsync(id, (report, actor) =>
        {
            report.FlagForOnSiteCheck(actor, clocks.NowUtc, Trim(note));
            return Task.CompletedTask;
        }, ct, "ReportReview.Flagged");

    /// <summary>After the window: the office's institutions still without a report, and whether they are on the public abnormal list.</summary>
    [HttpGet("overdue")]
    public async Task<IActionResult> Overdue(int? year, CancellationToken ct)
    {
        // Report years run from the regulation's first (1998) to last year; anything else shows last year.
        var y = year is { } asked && asked >= 1998 && asked < clocks.Today.Year ? asked : clocks.Today.Year - 1;
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == OfficeId, ct);
        var window = office.ReportWindow(y);
        var rows = await ReportCycle.MissingReports(db, OfficeId, y)
            .Select(i => new OverdueRow(i.Id, i.Current.Name, i.Code, db.AbnormalList.Any(a => a.InstitutionId == i.Id && a.Year == y && a.RemovedOn == null),
                db.ReportChases.Where(c => c.InstitutionId == i.Id).Max(c => (DateTime?)c.SentUtc),
                db.ReportChases.Count(c => c.InstitutionId == i.Id && c.Year == y)))
            .ToListAsync(ct);
        return View(new OverdueViewModel(y, window, window.IsOverdue(clocks.Today), rows.OrderBy(r => r.Name).ToList(), configuration.GetValue("Registry:PublishAbnormalList", false), clocks.NowUtc));
    }

    /// <summary>催报: reminds one overdue institution (recorded; at most once a week per institution).</summary>
    [HttpPost("overdue/{institutionId:guid}/chase")]
    public async Task<IActionResult> Chase(Guid institutionId, int year, [FromServices] ChaseReport chase, CancellationToken ct)
    {
        return this.RedirectAfter(await chase.HandleAsync(User, institutionId, year, ct), $"/registry/reports/overdue?year={year}", "ReportReview.Chased");
    }

    /// <summary>Does one review act; <paramref name="done"/>: the message that says what was done ("已公示", "已退回修改").</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<AnnualReport, Portal.Domain.Filings.FilingActor, Task> act, CancellationToken ct, string done)
    {
        var report = await Office.Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        try
        {
            await act(report, FilingAccess.Actor(User, asStaff: true));
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = done;
        }
        catch (DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = "Error.ChangedMeanwhile";
        }

        return Redirect($"/registry/reports/{id}");
    }

    /// <summary>The institution's users learn the outcome in their portal inbox.</summary>
    private async Task NotifyAsync(AnnualReport report, string titleZh, string titleEn, string bodyZh, string bodyEn, CancellationToken ct)
    {
        var users = await db.Users.Where(u => u.InstitutionId == report.InstitutionId).Select(u => u.Id).ToListAsync(ct);
        foreach (var user in users)
        {
            db.Notifications.Add(new Portal.Domain.Notifications.Notification(user, titleZh, titleEn, bodyZh, bodyEn, $"/annual-reports/{report.Id}", clocks.NowUtc));
        }
    }

    private static string Trim(string? s)
    {
        var t = (s ?? string.Empty).Trim();
        return t.Length > 2000 ? t[..2000] : t;
    }
}

/// <summary>Queries shared by the overdue list, the abnormal list and reminders.</summary>
public static class ReportCycle
{
    /// <summary>Registered institutions of the office, registered before the year ended, with no submitted or published report for it.</summary>
    public static IQueryable<Institution> MissingReports(PortalDbContext db, Guid officeId, int year)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        return db.Institutions.Where(i => i.OfficeId == officeId && i.Status == InstitutionStatus.Registered && i.RegisteredOn <= yearEnd
            && !db.AnnualReports.Any(r => r.InstitutionId == i.Id && r.Year == year && r.State != ReportState.Draft));
    }
}
