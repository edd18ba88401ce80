using Portal.Domain.Ratings;

namespace Portal.Web.Features.Ratings;

/// <summary>What a rater posts. Levels bind from the names the form writes or from their numbers 1–5; anything else is refused.</summary>
public sealed class RatingForm
{
    public SatisfactionLevel? Level { get; set; }

    public SatisfactionLevel? GuideClarity { get; set; }

    public SatisfactionLevel? Speed { get; set; }

    public SatisfactionLevel? StaffAttitude { get; set; }

    public string? Comment { get; set; }

    public RatingInput ToInput() => new(Level, GuideClarity, Speed, StaffAttitude, Comment);
}

/// <summary>A rating as the rater and the office see it, with its follow-up and appeal.</summary>
public sealed record RatingView(
    Guid Id,
    Guid OfficeId,
    RatedService Service,
    Guid SubjectId,
    string SubjectNumber,
    SatisfactionLevel Level,
    SatisfactionLevel? GuideClarity,
    SatisfactionLevel? Speed,
    SatisfactionLevel? StaffAttitude,
    string? Comment,
    DateOnly RatedOn,
    FollowUpState FollowUp,
    DateOnly? FollowUpDueOn,
    DateOnly? ContactedOn,
    string? Finding,
    string? Rectification,
    string? AnsweredByName,
    DateOnly? AnsweredOn,
    bool? AnsweredOnTime,
    bool? Resolved,
    string? FeedbackComment,
    AppealState Appeal,
    string? AppealReason,
    string? AppealDecision,
    string? AppealDecidedByName,
    string RaterUserId)
{
    public static readonly System.Linq.Expressions.Expression<Func<ServiceRating, RatingView>> Project = r => new RatingView(
        r.Id, r.OfficeId, r.Service, r.SubjectId, r.SubjectNumber, r.Level, r.GuideClarity, r.Speed, r.StaffAttitude, r.Comment, r.RatedOn,
        r.FollowUp, r.FollowUpDueOn, r.ContactedOn, r.Finding, r.Rectification, r.AnsweredByName, r.AnsweredOn, r.AnsweredOnTime,
        r.Resolved, r.FeedbackComment, r.Appeal, r.AppealReason, r.AppealDecision, r.AppealDecidedByName, r.RaterUserId);

    /// <summary>The same projection for ratings already in memory.</summary>
    public static readonly Func<ServiceRating, RatingView> From = Project.Compile();
}

/// <summary>The rating panel under a closed filing or a published report: the form, or the rating given and what became of it.</summary>
public sealed record RatingPanel(RatedService Service, Guid SubjectId, bool CanRate, RatingView? Given, bool ViewerIsRater)
{
    public string PostUrl => Service == RatedService.Filing ? $"/filings/{SubjectId}/rating" : $"/annual-reports/{SubjectId}/rating";
}
