using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.AnnualReports;
using Portal.Domain.Filings;
using Portal.Domain.Notifications;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Ratings;

/// <summary>Builds the rating panel for a filing or a report the caller may already see.</summary>
public sealed class RatingPanels(PortalDbContext db)
{
    public async Task<RatingPanel> ForAsync(RatedService service, Guid subjectId, bool closed, ClaimsPrincipal user, CancellationToken ct)
    {
        var given = await db.ServiceRatings.AsNoTracking().Where(r => r.Service == service && r.SubjectId == subjectId).Select(RatingView.Project).SingleOrDefaultAsync(ct);
        return new RatingPanel(service, subjectId, closed && given is null, given, given?.RaterUserId == user.UserId());
    }
}

/// <summary>
/// 好差评, the rater's side: rate a closed filing or a published report once; say whether the follow-up
/// resolved the problem. A bad rating tells the office's supervisors at once (inbox).
/// </summary>
public sealed class RateService(PortalDbContext db, FilingAccess access, FilingClocks clocks, PublicSatisfaction figures)
{
    public async Task<UseCaseResult> RateFilingAsync(ClaimsPrincipal user, Guid id, RatingForm form, CancellationToken ct)
    {
        var filing = await access.ForApplicant(user).AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (filing is null)
        {
            return UseCaseResult.NotFound();
        }

        var rated = await ExistsAsync(RatedService.Filing, id, ct);
        return await SaveAsync(calendar => ServiceRating.ForFiling(filing, rated, user.UserId(), form.ToInput(), calendar, clocks.Today, clocks.NowUtc), ct);
    }

    public async Task<UseCaseResult> RateReportAsync(ClaimsPrincipal user, Guid id, RatingForm form, CancellationToken ct)
    {
        var institutionId = user.InstitutionId();
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && institutionId != null && r.InstitutionId == institutionId, ct);
        if (report is null)
        {
            return UseCaseResult.NotFound();
        }

        var rated = await ExistsAsync(RatedService.AnnualReport, id, ct);
        return await SaveAsync(calendar => ServiceRating.ForReport(report, rated, user.UserId(), form.ToInput(), calendar, clocks.Today, clocks.NowUtc), ct);
    }

    public async Task<UseCaseResult> FeedbackAsync(ClaimsPrincipal user, Guid ratingId, bool? resolved, string? comment, CancellationToken ct)
    {
        var userId = user.UserId();
        var rating = await db.ServiceRatings.SingleOrDefaultAsync(r => r.Id == ratingId && r.RaterUserId == userId, ct);
        if (rating is null)
        {
            return UseCaseResult.NotFound();
        }

        // Detail: where the rater reads the rating (the filing's or the report's page).
        var back = WorkRating.RaterLink(rating);
        if (resolved is not { } said)
        {
            return UseCaseResult.Refused(RatingErrors.ResolvedMissing, back);
        }

        try
        {
            rating.GiveFeedback(userId, said, comment, clocks.NowUtc);
            await db.SaveChangesAsync(ct);
            return new UseCaseResult(UseCaseOutcome.Done, Detail: back);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code, back);
        }
    }

    private Task<bool> ExistsAsync(RatedService service, Guid subjectId, CancellationToken ct) => db.ServiceRatings.AnyAsync(r => r.Service == service && r.SubjectId == subjectId, ct);

    private async Task<UseCaseResult> SaveAsync(Func<Portal.Domain.Calendar.WorkingDayCalendar, ServiceRating> rate, CancellationToken ct)
    {
        ServiceRating rating;
        try
        {
            rating = rate(await clocks.CalendarAsync(ct));
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }

        db.ServiceRatings.Add(rating);
        if (rating.FollowUp == FollowUpState.Open)
        {
            await NotifySupervisorsAsync(rating, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two raters at the same moment: the unique index keeps the first; the second is told it was rated.
            return UseCaseResult.Refused(RatingErrors.AlreadyRated);
        }

        figures.Invalidate();
        return UseCaseResult.Done(rating.SubjectId);
    }

    private async Task NotifySupervisorsAsync(ServiceRating rating, CancellationToken ct)
    {
        foreach (var supervisor in await Portal.Web.Features.Review.OfficeStaff.InRolesAsync(db, rating.OfficeId, [Roles.RegistrySupervisor], ct))
        {
            db.Notifications.Add(new Notification(supervisor.Id,
                $"差评待回访：{rating.SubjectNumber}", $"Bad rating to follow up: {rating.SubjectNumber}",
                $"收到一条“{RatingText.Zh(rating.Level)}”评价，请于{rating.FollowUpDueOn:yyyy年MM月dd日}前联系评价人、核实情况并反馈整改或解释。",
                $"A rating of \"{RatingText.En(rating.Level)}\" was given. Contact the rater, look into it and answer with the rectification or an explanation by {rating.FollowUpDueOn:yyyy-MM-dd}.",
                $"/registry/ratings/{rating.Id}", rating.RatedUtc));
        }
    }
}

/// <summary>The level's words in both languages, for messages written into the inbox (the pages use the resources).</summary>
public static class RatingText
{
    public static string Zh(SatisfactionLevel level) => level switch
    {
        SatisfactionLevel.VerySatisfied => "非常满意",
        SatisfactionLevel.Satisfied => "满意",
        SatisfactionLevel.BasicallySatisfied => "基本满意",
        SatisfactionLevel.Dissatisfied => "不满意",
        _ => "非常不满意",
    };

    public static string En(SatisfactionLevel level) => level switch
    {
        SatisfactionLevel.VerySatisfied => "very satisfied",
        SatisfactionLevel.Satisfied => "satisfied",
        SatisfactionLevel.BasicallySatisfied => "fairly satisfied",
        SatisfactionLevel.Dissatisfied => "dissatisfied",
        _ => "very dissatisfied",
    };
}

/// <summary>
/// 好差评, the office's side: the supervisor answers a follow-up (the rater is told) or appeals a rating to the
/// parent office; the parent office's supervisor decides the appeal. Ratings are reached only through the
/// caller's office (or, for appeals, its child offices): anything else is 404.
/// </summary>
public sealed class WorkRating(PortalDbContext db, FilingClocks clocks, PublicSatisfaction figures)
{
    public async Task<UseCaseResult> AnswerAsync(ClaimsPrincipal user, Guid id, DateOnly? contactedOn, string? finding, string? rectification, CancellationToken ct)
    {
        var officeId = user.OfficeId();
        var rating = await db.ServiceRatings.SingleOrDefaultAsync(r => r.Id == id && r.OfficeId == officeId, ct);
        if (rating is null)
        {
            return UseCaseResult.NotFound();
        }

        return await ActAsync(rating, () =>
        {
            rating.Answer(FilingAccess.Actor(user, asStaff: true), contactedOn, finding, rectification, clocks.Today);
            db.Notifications.Add(new Notification(rating.RaterUserId,
                $"您的评价已有回访答复：{rating.SubjectNumber}", $"Your rating has been answered: {rating.SubjectNumber}",
                $"登记机关已就您的评价联系核实并答复。核实情况：{rating.Finding}\n整改或说明：{rating.Rectification}\n请告诉我们问题是否已解决。",
                $"The registration office has looked into your rating and answered. Finding: {rating.Finding}\nRectification or explanation: {rating.Rectification}\nPlease tell us whether this resolved the problem.",
                RaterLink(rating), clocks.NowUtc));
        }, ct);
    }

    public async Task<UseCaseResult> AppealAsync(ClaimsPrincipal user, Guid id, string? reason, CancellationToken ct)
    {
        var officeId = user.OfficeId();
        var rating = await db.ServiceRatings.SingleOrDefaultAsync(r => r.Id == id && r.OfficeId == officeId, ct);
        if (rating is null)
        {
            return UseCaseResult.NotFound();
        }

        var parent = await db.Offices.Where(o => o.Id == officeId).Select(o => o.ParentOfficeId).SingleOrDefaultAsync(ct);
        return await ActAsync(rating, () => rating.LodgeAppeal(FilingAccess.Actor(user, asStaff: true), parent, reason, clocks.NowUtc), ct);
    }

    public async Task<UseCaseResult> DecideAppealAsync(ClaimsPrincipal user, Guid id, bool? uphold, string? decision, CancellationToken ct)
    {
        var officeId = user.OfficeId();
        var rating = await db.ServiceRatings.SingleOrDefaultAsync(r => r.Id == id && r.Appeal != AppealState.None && db.Offices.Any(o => o.Id == r.OfficeId && o.ParentOfficeId == officeId), ct); // a child office's rating reaches the parent only through an appeal
        if (rating is null || officeId is null)
        {
            return UseCaseResult.NotFound();
        }

        if (uphold is not { } upheld)
        {
            return UseCaseResult.Refused(RatingErrors.DecisionMissing);
        }

        var parent = await db.Offices.Where(o => o.Id == rating.OfficeId).Select(o => o.ParentOfficeId).SingleAsync(ct);
        return await ActAsync(rating, () => rating.DecideAppeal(FilingAccess.Actor(user, asStaff: true), officeId.Value, parent, upheld, decision, clocks.NowUtc), ct);
    }

    public static string RaterLink(ServiceRating rating) => rating.Service == RatedService.Filing ? $"/filings/{rating.SubjectId}#rating-h" : $"/annual-reports/{rating.SubjectId}#rating-h";

    private async Task<UseCaseResult> ActAsync(ServiceRating rating, Action act, CancellationToken ct)
    {
        try
        {
            act();
            await db.SaveChangesAsync(ct);
            figures.Invalidate(); // an upheld appeal changes the published rate
            return UseCaseResult.Done(rating.Id);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }
    }
}
