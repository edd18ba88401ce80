using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Ratings;

/// <summary>好差评, the rater's side: rate a closed filing or a published annual report once, then say whether the follow-up helped.</summary>
[Authorize]
public class RatingsController(RateService rate) : Controller
{
    [HttpPost("/filings/{id:guid}/rating")]
    [Authorize(Policy = Policies.Institution)]
    public async Task<IActionResult> RateFiling(Guid id, RatingForm form, CancellationToken ct) =>
        After(await rate.RateFilingAsync(User, id, Bound(form), ct), $"/filings/{id}#rating-h", "Rating.Thanks");

    [HttpPost("/annual-reports/{id:guid}/rating")]
    [Authorize(Policy = Policies.InstitutionMember)]
    public async Task<IActionResult> RateReport(Guid id, RatingForm form, CancellationToken ct) =>
        After(await rate.RateReportAsync(User, id, Bound(form), ct), $"/annual-reports/{id}#rating-h", "Rating.Thanks");

    [HttpPost("/ratings/{id:guid}/feedback")]
    public async Task<IActionResult> Feedback(Guid id, bool? resolved, string? comment, CancellationToken ct)
    {
        var result = await rate.FeedbackAsync(User, id, ModelState.IsValid ? resolved : null, comment, ct);
        return result.Outcome == UseCaseOutcome.NotFound ? NotFound() : After(result, result.Detail ?? "/", "Rating.FeedbackThanks");
    }

    /// <summary>A level that did not bind (a number naming no level) is no level at all: the rule then refuses it.</summary>
    private RatingForm Bound(RatingForm form) => ModelState.IsValid ? form : new RatingForm { Comment = form.Comment };

    private IActionResult After(UseCaseResult result, string back, string done) => this.RedirectAfter(result, back, done);
}
