namespace Portal.Domain.Ratings;

/// <summary>
/// The five levels of 好差评 (国办发〔2019〕51号), stored as numbers 5 … 1 so that "at least 基本满意" is a comparison.
/// </summary>
public enum SatisfactionLevel
{
    /// <summary>非常不满意</summary>
    VeryDissatisfied = 1,

    /// <summary>不满意</summary>
    Dissatisfied = 2,

    /// <summary>基本满意</summary>
    BasicallySatisfied = 3,

    /// <summary>满意</summary>
    Satisfied = 4,

    /// <summary>非常满意</summary>
    VerySatisfied = 5,
}

/// <summary>What was rated: a closed filing or a published annual report.</summary>
public enum RatedService
{
    Filing,
    AnnualReport,
}

/// <summary>The follow-up (整改回访) a bad rating opens for the office's supervisor.</summary>
public enum FollowUpState
{
    /// <summary>No follow-up: the rating was 基本满意 or better.</summary>
    None,

    /// <summary>Waiting for the supervisor: contact, finding, rectification or explanation.</summary>
    Open,

    /// <summary>The supervisor has answered; the rater may say whether it resolved the problem.</summary>
    Closed,
}

/// <summary>An office's appeal (申诉) against a rating it considers mistaken or malicious, decided by the parent office.</summary>
public enum AppealState
{
    None,

    /// <summary>Lodged by the office's supervisor; the parent office's supervisor decides.</summary>
    Pending,

    /// <summary>Upheld: the rating stays on record but no longer counts in the satisfaction figures.</summary>
    Upheld,

    /// <summary>Dismissed: the rating counts as given.</summary>
    Dismissed,
}

/// <summary>Refusal codes of the rating rules; the web layer shows them as "Error.{code}".</summary>
public static class RatingErrors
{
    public const string NotClosedYet = "RatingNotClosedYet";
    public const string AlreadyRated = "RatingAlreadyGiven";
    public const string LevelMissing = "RatingLevelMissing";
    public const string CommentTooLong = "RatingCommentTooLong";
    public const string NotTheRater = "RatingNotTheRater";
    public const string NoFollowUp = "RatingNoFollowUp";
    public const string FollowUpNotOpen = "RatingFollowUpNotOpen";
    public const string FollowUpIncomplete = "RatingFollowUpIncomplete";
    public const string FeedbackAlreadyGiven = "RatingFeedbackGiven";
    public const string SupervisorOnly = "RatingSupervisorOnly";
    public const string NoParentOffice = "RatingNoParentOffice";
    public const string AppealExists = "RatingAppealExists";
    public const string AppealNotPending = "RatingAppealNotPending";
    public const string NotTheParentOffice = "RatingNotTheParentOffice";
    public const string ReasonMissing = "RatingReasonMissing";
    public const string ResolvedMissing = "RatingResolvedMissing";
    public const string DecisionMissing = "RatingDecisionMissing";
}
