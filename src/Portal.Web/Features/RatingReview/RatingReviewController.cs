using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Filings;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

using Portal.Web.Features.Ratings;

namespace Portal.Web.Features.RatingReview;

/// <summary>Which of the office's ratings the list shows.</summary>
public enum RatingFilter
{
    All,

    /// <summary>差评待回访: follow-ups still open.</summary>
    FollowUpOpen,

    /// <summary>Follow-ups open past their due day.</summary>
    FollowUpOverdue,

    /// <summary>不满意 and 非常不满意.</summary>
    Bad,

    /// <summary>Ratings the office appealed.</summary>
    Appealed,
}

public sealed record RatingListViewModel(int Year, RatingFilter Show, SatisfactionFigures Figures, IReadOnlyList<RatingView> Rows, PagerViewModel Pager, DateOnly Today);

public sealed record RatingDetailViewModel(RatingView Rating, string OfficeName, bool OwnOffice, bool CanAnswer, bool CanAppeal, bool CanDecide, DateOnly Today);

public sealed record AppealRow(RatingView Rating, string OfficeName);

/// <summary>
/// 好差评 in the back office: the office's ratings and figures by year, the follow-ups its supervisor answers,
/// appeals to the parent office, and (for a parent office's supervisor) the appeals of its child offices.
/// </summary>
[Route("registry/ratings")]
[Authorize(Policy = Policies.Registry)]
[BackOffice]
public class RatingReviewController(PortalDbContext db, FilingClocks clocks, WorkRating work) : Controller
{
    private const int PageSize = 20;

    private Guid OfficeId => User.OfficeId() ?? Guid.Empty;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, RatingFilter show = RatingFilter.All, int page = 1, CancellationToken ct = default)
    {
        var today = clocks.Today;
        var y = year is { } asked && asked >= 2019 && asked <= today.Year ? asked : today.Year; // 好差评 began in 2019 (国办发〔2019〕51号)
        page = PagerViewModel.Clamp(page);
        if (!ModelState.IsValid || !Enum.IsDefined(show))
        {
            show = RatingFilter.All;
        }

        // One office's ratings of one year are few (a county office closes a few hundred filings a year): filter in memory.
        var from = new DateOnly(y, 1, 1);
        var to = new DateOnly(y, 12, 31);
        var ratings = await db.ServiceRatings.AsNoTracking().Where(r => r.OfficeId == OfficeId && r.RatedOn >= from && r.RatedOn <= to).ToListAsync(ct);
        var figures = SatisfactionFigures.Compute(ratings, today);
        if (show is RatingFilter.FollowUpOpen or RatingFilter.FollowUpOverdue)
        {
            // Open follow-ups are work, whatever year the rating was given in.
            ratings = await db.ServiceRatings.AsNoTracking().Where(r => r.OfficeId == OfficeId && r.FollowUp == FollowUpState.Open).ToListAsync(ct);
        }

        var shown = ratings.Where(r => show switch
        {
            RatingFilter.FollowUpOpen => r.FollowUp == FollowUpState.Open,
            RatingFilter.FollowUpOverdue => r.FollowUpOverdue(today),
            RatingFilter.Bad => !r.IsSatisfied,
            RatingFilter.Appealed => r.Appeal != AppealState.None,
            _ => true,
        }).OrderBy(r => r.FollowUp == FollowUpState.Open ? 0 : 1).ThenBy(r => r.FollowUpDueOn).ThenByDescending(r => r.RatedUtc).ToList();
        var pager = new PagerViewModel(page, PageSize, shown.Count, "/registry/ratings", new Dictionary<string, string?> { ["year"] = y.ToString(System.Globalization.CultureInfo.InvariantCulture), ["show"] = show.ToString() });
        return View(new RatingListViewModel(y, show, figures, shown.Skip((page - 1) * PageSize).Take(PageSize).Select(RatingView.From).ToList(), pager, today));
    }

    /// <summary>Appeals of the child offices' ratings, for the parent office's supervisor to decide.</summary>
    [HttpGet("appeals")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Appeals(CancellationToken ct)
    {
        var children = await db.Offices.AsNoTracking().Where(o => o.ParentOfficeId == OfficeId).Select(o => new { o.Id, o.NameZh, o.NameEn }).ToListAsync(ct);
        var ids = children.Select(c => c.Id).ToList();
        var rows = await db.ServiceRatings.AsNoTracking().Where(r => ids.Contains(r.OfficeId) && r.Appeal != AppealState.None)
            .OrderBy(r => r.Appeal == AppealState.Pending ? 0 : 1).ThenByDescending(r => r.AppealedUtc).Take(200)
            .Select(RatingView.Project).ToListAsync(ct);
        var names = children.ToDictionary(c => c.Id, c => Cultures.Pick(c.NameZh, c.NameEn));
        return View(rows.Select(r => new AppealRow(r, names[r.OfficeId])).ToList());
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var supervisor = User.IsInRole(Roles.RegistrySupervisor);
        var rating = await db.ServiceRatings.AsNoTracking()
            .Where(r => r.Id == id && (r.OfficeId == OfficeId || (supervisor && r.Appeal != AppealState.None && db.Offices.Any(o => o.Id == r.OfficeId && o.ParentOfficeId == OfficeId))))
            .Select(RatingView.Project).SingleOrDefaultAsync(ct);
        if (rating is null)
        {
            return NotFound();
        }

        var office = await db.Offices.AsNoTracking().Where(o => o.Id == rating.OfficeId).Select(o => new { o.NameZh, o.NameEn, o.ParentOfficeId }).SingleAsync(ct);
        var own = rating.OfficeId == OfficeId;
        return View(new RatingDetailViewModel(
            rating,
            Cultures.Pick(office.NameZh, office.NameEn),
            own,
            own && supervisor && rating.FollowUp == FollowUpState.Open,
            own && supervisor && rating.Appeal == AppealState.None && office.ParentOfficeId is not null,
            !own && supervisor && rating.Appeal == AppealState.Pending,
            clocks.Today));
    }

    [HttpPost("{id:guid}/answer")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Answer(Guid id, DateOnly? contactedOn, string? finding, string? rectification, CancellationToken ct) =>
        After(id, await work.AnswerAsync(User, id, ModelState.IsValid ? contactedOn : null, finding, rectification, ct), "Rating.Answered");

    [HttpPost("{id:guid}/appeal")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Appeal(Guid id, string? reason, CancellationToken ct) =>
        After(id, await work.AppealAsync(User, id, reason, ct), "Rating.Appealed");

    [HttpPost("{id:guid}/appeal-decision")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> DecideAppeal(Guid id, bool? uphold, string? decision, CancellationToken ct) =>
        After(id, await work.DecideAppealAsync(User, id, ModelState.IsValid ? uphold : null, decision, ct), "Rating.AppealDecided");

    private IActionResult After(Guid id, UseCaseResult result, string done) => this.RedirectAfter(result, $"/registry/ratings/{id}", done);
}
