using Portal.Domain.AnnualReports;
using Portal.Domain.Calendar;
using Portal.Domain.Filings;

namespace Portal.Domain.Ratings;

/// <summary>
/// One 好差评 rating: "一事一评", one per closed filing or published annual report, on five levels, with
/// optional aspect levels and a comment. A rating below 基本满意 opens a follow-up for the office's
/// supervisor, due in <see cref="FollowUpWorkingDays"/> working days; the supervisor records contact,
/// finding and rectification or explanation, and the rater may say whether that resolved the problem.
/// The office may appeal a rating it considers mistaken or malicious to its parent office's supervisor.
/// Nothing is ever deleted: an upheld appeal only takes the rating out of the satisfaction figures.
/// </summary>
public class ServiceRating
{
    /// <summary>Bad ratings are followed up within 15 working days (common practice under 国办发〔2019〕51号).</summary>
    public const int FollowUpWorkingDays = 15;

    public const int CommentMaxLength = 500;

    public const int AnswerMaxLength = 1000;

    private ServiceRating()
    {
        RaterUserId = SubjectNumber = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid OfficeId { get; private set; }

    public RatedService Service { get; private set; }

    /// <summary>The filing's or the report's id; unique with <see cref="Service"/>: one rating per thing rated.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>The filing number, or "2026" for an annual report: what the lists show.</summary>
    public string SubjectNumber { get; private set; }

    public FilingKind? FilingKind { get; private set; }

    public Guid? InstitutionId { get; private set; }

    public string RaterUserId { get; private set; }

    public SatisfactionLevel Level { get; private set; }

    /// <summary>办事指南清晰度 (optional).</summary>
    public SatisfactionLevel? GuideClarity { get; private set; }

    /// <summary>办理速度 (optional).</summary>
    public SatisfactionLevel? Speed { get; private set; }

    /// <summary>工作人员态度 (optional).</summary>
    public SatisfactionLevel? StaffAttitude { get; private set; }

    public string? Comment { get; private set; }

    public DateTime RatedUtc { get; private set; }

    /// <summary>The day of the rating in China: the periods of the statistics and the follow-up clock count from it.</summary>
    public DateOnly RatedOn { get; private set; }

    public FollowUpState FollowUp { get; private set; }

    public DateOnly? FollowUpDueOn { get; private set; }

    public DateOnly? ContactedOn { get; private set; }

    /// <summary>核实情况: what the office found.</summary>
    public string? Finding { get; private set; }

    /// <summary>整改措施或解释说明.</summary>
    public string? Rectification { get; private set; }

    public string? AnsweredByName { get; private set; }

    public DateOnly? AnsweredOn { get; private set; }

    /// <summary>Whether the answer came on or before <see cref="FollowUpDueOn"/>.</summary>
    public bool? AnsweredOnTime { get; private set; }

    /// <summary>The rater's word on the answer: resolved or not; null until they say.</summary>
    public bool? Resolved { get; private set; }

    public string? FeedbackComment { get; private set; }

    public DateTime? FeedbackUtc { get; private set; }

    public AppealState Appeal { get; private set; }

    public string? AppealReason { get; private set; }

    public string? AppealedByName { get; private set; }

    public DateTime? AppealedUtc { get; private set; }

    public string? AppealDecision { get; private set; }

    public string? AppealDecidedByName { get; private set; }

    public DateTime? AppealDecidedUtc { get; private set; }

    /// <summary>Counts in the satisfaction figures: every rating except one whose appeal was upheld.</summary>
    public bool Counts => Appeal != AppealState.Upheld;

    /// <summary>The levels that count as satisfied: 非常满意, 满意, 基本满意 (a list, so that a query can use it whatever the column's type).</summary>
    public static readonly IReadOnlyList<SatisfactionLevel> SatisfiedLevels = [SatisfactionLevel.VerySatisfied, SatisfactionLevel.Satisfied, SatisfactionLevel.BasicallySatisfied];

    public bool IsSatisfied => SatisfiedLevels.Contains(Level);

    /// <summary>
    /// Closed and rateable: approved, refused, refused to accept, or withdrawn after it reached the office
    /// (a draft withdrawn before submission was never served, so there is nothing to rate).
    /// </summary>
    public static bool IsClosed(Filing filing) => !FilingWorkflow.IsOpen(filing.State) && filing.FirstSubmittedOn is not null;

    /// <summary>Rates a closed filing (approved, refused, refused to accept, withdrawn); <paramref name="alreadyRated"/>: one exists for it.</summary>
    public static ServiceRating ForFiling(Filing filing, bool alreadyRated, string raterUserId, RatingInput input, WorkingDayCalendar calendar, DateOnly today, DateTime nowUtc)
    {
        if (!IsClosed(filing))
        {
            throw new DomainRuleException(RatingErrors.NotClosedYet);
        }

        var rating = New(RatedService.Filing, filing.Id, filing.Number, filing.OfficeId, filing.InstitutionId, alreadyRated, raterUserId, input, calendar, today, nowUtc);
        rating.FilingKind = filing.Kind;
        return rating;
    }

    /// <summary>Rates an annual report once it is published (公示).</summary>
    public static ServiceRating ForReport(AnnualReport report, bool alreadyRated, string raterUserId, RatingInput input, WorkingDayCalendar calendar, DateOnly today, DateTime nowUtc)
    {
        if (report.State != ReportState.Published)
        {
            throw new DomainRuleException(RatingErrors.NotClosedYet);
        }

        return New(RatedService.AnnualReport, report.Id, report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), report.OfficeId, report.InstitutionId, alreadyRated, raterUserId, input, calendar, today, nowUtc);
    }

    private static ServiceRating New(RatedService service, Guid subjectId, string number, Guid officeId, Guid? institutionId, bool alreadyRated, string raterUserId, RatingInput input, WorkingDayCalendar calendar, DateOnly today, DateTime nowUtc)
    {
        if (alreadyRated)
        {
            throw new DomainRuleException(RatingErrors.AlreadyRated);
        }

        if (input.Level is not { } level || !Enum.IsDefined(level) || !Defined(input.GuideClarity) || !Defined(input.Speed) || !Defined(input.StaffAttitude))
        {
            throw new DomainRuleException(RatingErrors.LevelMissing);
        }

        var comment = Clean(input.Comment);
        if (comment is { Length: > CommentMaxLength })
        {
            throw new DomainRuleException(RatingErrors.CommentTooLong);
        }

        var bad = level < SatisfactionLevel.BasicallySatisfied;
        return new ServiceRating
        {
            Id = Guid.CreateVersion7(),
            OfficeId = officeId,
            Service = service,
            SubjectId = subjectId,
            SubjectNumber = number,
            InstitutionId = institutionId,
            RaterUserId = raterUserId,
            Level = level,
            GuideClarity = input.GuideClarity,
            Speed = input.Speed,
            StaffAttitude = input.StaffAttitude,
            Comment = comment,
            RatedUtc = nowUtc,
            RatedOn = today,
            FollowUp = bad ? FollowUpState.Open : FollowUpState.None,
            FollowUpDueOn = bad ? calendar.AddWorkingDays(today, FollowUpWorkingDays) : null,
        };
    }

    /// <summary>The supervisor's answer, which closes the follow-up: when the rater was contacted, what was found, what was done or explained.</summary>
    public void Answer(FilingActor supervisor, DateOnly? contactedOn, string? finding, string? rectification, DateOnly today)
    {
        RequireSupervisor(supervisor);
        if (FollowUp != FollowUpState.Open)
        {
            throw new DomainRuleException(FollowUp == FollowUpState.None ? RatingErrors.NoFollowUp : RatingErrors.FollowUpNotOpen);
        }

        var found = Clean(finding);
        var done = Clean(rectification);
        if (contactedOn is not { } contact || contact < RatedOn || contact > today || found is null || done is null)
        {
            throw new DomainRuleException(RatingErrors.FollowUpIncomplete);
        }

        if (found.Length > AnswerMaxLength || done.Length > AnswerMaxLength)
        {
            throw new DomainRuleException(RatingErrors.CommentTooLong);
        }

        ContactedOn = contact;
        Finding = found;
        Rectification = done;
        AnsweredByName = supervisor.Name;
        AnsweredOn = today;
        AnsweredOnTime = today <= FollowUpDueOn;
        FollowUp = FollowUpState.Closed;
    }

    /// <summary>The rater says whether the answer resolved the problem (once).</summary>
    public void GiveFeedback(string userId, bool resolved, string? comment, DateTime nowUtc)
    {
        if (userId != RaterUserId)
        {
            throw new DomainRuleException(RatingErrors.NotTheRater);
        }

        if (FollowUp != FollowUpState.Closed)
        {
            throw new DomainRuleException(RatingErrors.FollowUpNotOpen);
        }

        if (Resolved is not null)
        {
            throw new DomainRuleException(RatingErrors.FeedbackAlreadyGiven);
        }

        var text = Clean(comment);
        if (text is { Length: > CommentMaxLength })
        {
            throw new DomainRuleException(RatingErrors.CommentTooLong);
        }

        Resolved = resolved;
        FeedbackComment = text;
        FeedbackUtc = nowUtc;
    }

    /// <summary>The office's supervisor appeals the rating to the parent office (once); the office must have a parent.</summary>
    public void LodgeAppeal(FilingActor supervisor, Guid? parentOfficeId, string? reason, DateTime nowUtc)
    {
        RequireSupervisor(supervisor);
        if (parentOfficeId is null)
        {
            throw new DomainRuleException(RatingErrors.NoParentOffice);
        }

        if (Appeal != AppealState.None)
        {
            throw new DomainRuleException(RatingErrors.AppealExists);
        }

        var why = Clean(reason) ?? throw new DomainRuleException(RatingErrors.ReasonMissing);
        if (why.Length > AnswerMaxLength)
        {
            throw new DomainRuleException(RatingErrors.CommentTooLong);
        }

        Appeal = AppealState.Pending;
        AppealReason = why;
        AppealedByName = supervisor.Name;
        AppealedUtc = nowUtc;
    }

    /// <summary>The parent office's supervisor decides a pending appeal: upheld (the rating stops counting) or dismissed.</summary>
    public void DecideAppeal(FilingActor supervisor, Guid deciderOfficeId, Guid? parentOfficeId, bool uphold, string? decision, DateTime nowUtc)
    {
        RequireSupervisor(supervisor);
        if (parentOfficeId is null || deciderOfficeId != parentOfficeId)
        {
            throw new DomainRuleException(RatingErrors.NotTheParentOffice);
        }

        if (Appeal != AppealState.Pending)
        {
            throw new DomainRuleException(RatingErrors.AppealNotPending);
        }

        var why = Clean(decision) ?? throw new DomainRuleException(RatingErrors.ReasonMissing);
        if (why.Length > AnswerMaxLength)
        {
            throw new DomainRuleException(RatingErrors.CommentTooLong);
        }

        Appeal = uphold ? AppealState.Upheld : AppealState.Dismissed;
        AppealDecision = why;
        AppealDecidedByName = supervisor.Name;
        AppealDecidedUtc = nowUtc;
    }

    /// <summary>Overdue: a follow-up still open after its due day.</summary>
    public bool FollowUpOverdue(DateOnly today) => FollowUp == FollowUpState.Open && today > FollowUpDueOn;

    private static void RequireSupervisor(FilingActor actor)
    {
        if (actor.Role != FilingRole.Supervisor)
        {
            throw new DomainRuleException(RatingErrors.SupervisorOnly);
        }
    }

    private static bool Defined(SatisfactionLevel? level) => level is null || Enum.IsDefined(level.Value);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What a rater enters: the overall level (required), three optional aspect levels and a comment.</summary>
public sealed record RatingInput(SatisfactionLevel? Level, SatisfactionLevel? GuideClarity = null, SatisfactionLevel? Speed = null, SatisfactionLevel? StaffAttitude = null, string? Comment = null);

/// <summary>
/// The published figures of 好差评 for one office and period: the satisfaction rate (非常满意 + 满意 + 基本满意
/// over all counted ratings) and the share of follow-ups answered on time among those due in the period.
/// </summary>
public sealed record SatisfactionFigures(int Ratings, int Satisfied, int FollowUpsDue, int FollowUpsOnTime, int FollowUpsOpen)
{
    /// <summary>The satisfaction rate in percent, one decimal; null with no ratings.</summary>
    public decimal? Rate => Ratings == 0 ? null : Math.Round(100m * Satisfied / Ratings, 1);

    /// <summary>Follow-ups answered on time, in percent of those due; null when none was due.</summary>
    public decimal? OnTimeRate => FollowUpsDue == 0 ? null : Math.Round(100m * FollowUpsOnTime / FollowUpsDue, 1);

    /// <summary>
    /// From the ratings given in the period: those whose appeal was upheld do not count; a follow-up counts as due
    /// once answered or past its due day (one still within its time is not yet judged).
    /// </summary>
    public static SatisfactionFigures Compute(IEnumerable<ServiceRating> ratings, DateOnly today)
    {
        var counted = ratings.Where(r => r.Counts).ToList();
        var followUps = counted.Where(r => r.FollowUp != FollowUpState.None).ToList();
        var judged = followUps.Where(r => r.FollowUp == FollowUpState.Closed || r.FollowUpOverdue(today)).ToList();
        return new SatisfactionFigures(
            counted.Count,
            counted.Count(r => r.IsSatisfied),
            judged.Count,
            judged.Count(r => r.AnsweredOnTime == true),
            followUps.Count(r => r.FollowUp == FollowUpState.Open));
    }
}
