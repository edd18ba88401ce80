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

/// <summary>How a form post answers a use case's result: Post/Redirect/Get with the outcome as a message.</summary>
public static class UseCaseRedirects
{
    /// <summary>
    /// Unknown or not the caller's → 404; refused → the reason ("Error.{code}") on the page; someone changed it
    /// first → "changed meanwhile"; done → <paramref name="done"/> as the confirmation, if given. Then back to <paramref name="back"/> (a local path).
    /// </summary>
    public static Microsoft.AspNetCore.Mvc.IActionResult RedirectAfter(this Microsoft.AspNetCore.Mvc.Controller controller, UseCaseResult result, string back, string? done = null)
    {
        switch (result.Outcome)
        {
            case UseCaseOutcome.NotFound:
                return controller.NotFound();
            case UseCaseOutcome.Refused:
                controller.TempData["Error"] = "Error." + result.Code;
                break;
            case UseCaseOutcome.Conflict:
                controller.TempData["Error"] = "Error.ChangedMeanwhile";
                break;
            default:
                if (done is not null)
                {
                    controller.TempData["Flash"] = done;
                }

                break;
        }

        return controller.LocalRedirect(back);
    }
}
