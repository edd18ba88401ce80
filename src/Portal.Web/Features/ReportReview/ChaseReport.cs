using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.AnnualReports;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.ReportReview;

/// <summary>
/// 催报: from the overdue list, a registrar reminds one institution that its annual report is overdue.
/// The institution must be the office's own and still be missing that year's report; the reminder goes
/// to every user's inbox and (unless they opted out of reminders) by email, and is recorded. A second
/// chase within a week is refused (<see cref="ReportChase.Interval"/>).
/// </summary>
public sealed class ChaseReport(PortalDbContext db, EmailOutbox outbox, FilingClocks clocks)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, Guid institutionId, int year, CancellationToken ct)
    {
        // Report years run from the regulation's first (1998) to last year; any other year names nothing to chase.
        if (year < 1998 || year >= clocks.Today.Year)
        {
            return UseCaseResult.NotFound();
        }

        var officeId = user.OfficeId() ?? Guid.Empty;
        var institution = await ReportCycle.MissingReports(db, officeId, year).Where(i => i.Id == institutionId)
            .Select(i => new { i.Id, i.Current.Name }).SingleOrDefaultAsync(ct);
        if (institution is null)
        {
            return UseCaseResult.NotFound();
        }

        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, ct);
        var window = office.ReportWindow(year);
        var last = await db.ReportChases.Where(c => c.InstitutionId == institutionId).OrderByDescending(c => c.SentUtc).Select(c => (DateTime?)c.SentUtc).FirstOrDefaultAsync(ct);
        var now = clocks.NowUtc;
        try
        {
            var actor = FilingAccess.Actor(user, asStaff: true);
            db.ReportChases.Add(ReportChase.Send(institution.Id, officeId, window, last, actor.UserId, actor.Name, clocks.Today, now));
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }

        var titleZh = $"催报：请尽快报送{year}年度报告";
        var titleEn = $"Reminder: your {year} annual report is overdue";
        var bodyZh = $"{institution.Name}的{year}年度报告报送期限已于{window.Closes:yyyy年MM月dd日}届满，至今尚未报送。请尽快登录本系统报送；逾期未报送的，登记管理机关将依法列入异常名录并予以处理。";
        var bodyEn = $"The deadline for {institution.Name}'s annual report for {year} passed on {window.Closes:yyyy-MM-dd} and the report has not been filed. Please file it now; the registration office lists institutions that do not report as abnormal and acts on it.";
        var users = await db.Users.Where(u => u.InstitutionId == institution.Id).Select(u => new { u.Id, u.Email, u.ReminderEmailsOptOut }).ToListAsync(ct);
        foreach (var member in users)
        {
            outbox.Remind(member.Id, member.Email, member.ReminderEmailsOptOut, titleZh, titleEn, bodyZh, bodyEn, "/annual-reports", "report-chase");
        }

        await db.SaveChangesAsync(ct);
        return UseCaseResult.Done(institution.Id);
    }
}
