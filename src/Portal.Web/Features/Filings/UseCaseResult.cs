namespace Portal.Web.Features.Filings;

public enum UseCaseOutcome
{
    Done,
    NotFound,
    Refused,
    Conflict,
}

/// <summary>
/// The three lanes of rule 4: done; a business refusal with its code (shown in the form); not found (404).
/// Conflict: someone else changed the record first; the message names who and when.
/// </summary>
public sealed record UseCaseResult(UseCaseOutcome Outcome, string? Code = null, string? Detail = null, Guid? Id = null, string? ChangedBy = null, DateTime? ChangedAtUtc = null)
{
    public static UseCaseResult Done(Guid? id = null) => new(UseCaseOutcome.Done, Id: id);

    public static UseCaseResult NotFound() => new(UseCaseOutcome.NotFound);

    public static UseCaseResult Refused(string code, string? detail = null) => new(UseCaseOutcome.Refused, code, detail);

    public static UseCaseResult Conflict(string? by, DateTime? at) => new(UseCaseOutcome.Conflict, ChangedBy: by, ChangedAtUtc: at);
}
