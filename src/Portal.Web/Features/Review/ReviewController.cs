using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Filings;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Review;

public sealed record QueueRow(Guid Id, string Number, FilingKind Kind, FilingState State, string? Name, DateOnly? SubmittedOn, FilingDeadlines Deadlines);

public sealed record QueueViewModel(FilingKind? Kind, FilingState? State, bool ShowClosed, IReadOnlyList<QueueRow> Rows, PagerViewModel Pager, QueueStage? Stage = null);

public sealed record ReviewViewModel(FilingViewModel Filing, IReadOnlyList<string> ChecklistOptions, string? Conflict);

/// <summary>
/// Binds the decision verb from the route only, and only from the slugs the pages write ("approve",
/// "propose-refusal"…): no numbers, no other spelling, no form or query copy.
/// </summary>
public sealed class FilingVerbBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var slug = bindingContext.ActionContext.RouteData.Values[bindingContext.FieldName] as string;
        bindingContext.Result = ReviewController.FromSlug(slug) is { } action ? ModelBindingResult.Success(action) : ModelBindingResult.Success(null);
        return Task.CompletedTask;
    }
}

/// <summary>The registry's side of filings: the office's queue by legal deadline and the decision page.</summary>
[Route("registry/filings")]
[Authorize(Policy = Policies.Registry)]
[BackOffice]
public class ReviewController(
    PortalDbContext db,
    FilingAccess access,
    FilingViewBuilder views,
    OfficeQueue queue,
    IStringLocalizer<SharedResource> l) : Controller
{
    private const int PageSize = 20;

    private static readonly Dictionary<string, FilingAction> Actions = new()
    {
        ["accept"] = FilingAction.Accept,
        ["return"] = FilingAction.ReturnForSupplement,
        ["approve"] = FilingAction.Approve,
        ["propose-refusal"] = FilingAction.ProposeRefusal,
        ["refuse"] = FilingAction.Refuse,
        ["reject-refusal-proposal"] = FilingAction.RejectRefusalProposal,
        ["refuse-to-accept"] = FilingAction.RefuseToAccept,
    };

    public static string Slug(FilingAction action) => Actions.Single(a => a.Value == action).Key;

    /// <summary>The registry's action for a URL slug, exactly as the pages write it; null for anything else.</summary>
    public static FilingAction? FromSlug(string? slug) => slug is not null && Actions.TryGetValue(slug, out var action) ? action : null;

    [HttpGet("")]
    public async Task<IActionResult> Queue(FilingKind? kind, FilingState? state, QueueStage? stage, bool closed = false, int page = 1, CancellationToken ct = default)
    {
        page = PagerViewModel.Clamp(page);
        var query = access.ForStaff(User).AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(f => f.Kind == k);
        }

        if (state is { } s)
        {
            query = query.Where(f => f.State == s);
        }
        else if (!closed)
        {
            query = query.Where(f => FilingWorkflow.OpenStates.Contains(f.State));
        }

        var all = await queue.RowsAsync(query, User.OfficeId()!.Value, ct);
        if (stage is { } st && Enum.IsDefined(st))
        {
            all = all.Where(r => OfficeQueue.Matches(r, st)).ToList();
        }

        var pager = new PagerViewModel(page, PageSize, all.Count, "/registry/filings", new Dictionary<string, string?>
        {
            ["kind"] = kind?.ToString(),
            ["state"] = state?.ToString(),
            ["stage"] = stage?.ToString(),
            ["closed"] = closed ? "true" : null,
        });
        return View(new QueueViewModel(kind, state, closed, all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), pager, stage));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForStaff(User).AsNoTracking(), id, ct);
        if (filing is null)
        {
            return NotFound();
        }

        var viewer = FilingAccess.Actor(User, asStaff: true).Role;
        var model = await views.BuildAsync(filing, viewer, ct);
        return View(new ReviewViewModel(model, ChecklistOptions(model), TempData["Conflict"] as string));
    }

    [HttpGet("{id:guid}/attachments/{attachmentId:guid}")]
    public Task<IActionResult> Download(Guid id, Guid attachmentId, CancellationToken ct) =>
        AttachmentDownload.SendAsync(this, db, access.ForStaff(User), id, attachmentId, ct);

    [HttpPost("{id:guid}/{verb}")]
    [StepUp("verb", FilingAction.Approve, FilingAction.Refuse, FilingAction.RefuseToAccept)]
    public async Task<IActionResult> Decide(Guid id, [ModelBinder<FilingVerbBinder>] FilingAction? verb, DecisionForm form, [FromServices] DecideFiling decide, CancellationToken ct)
    {
        // The verb is the route's slug, turned into a FilingAction once by FilingVerbBinder; the step-up
        // check and this action both read that typed value, so no encoding reaches one and not the other.
        if (verb is not { } filingAction)
        {
            return NotFound();
        }

        if (form.Note is { Length: > 2000 })
        {
            form.Note = form.Note[..2000];
        }

        if (form.CompetentOffice is { Length: > Filing.MaxCompetentOfficeLength })
        {
            form.CompetentOffice = form.CompetentOffice[..Filing.MaxCompetentOfficeLength];
        }

        if (filingAction is FilingAction.Approve or FilingAction.Refuse or FilingAction.RefuseToAccept && !form.Confirmed)
        {
            TempData["Error"] = "Review.ConfirmRequired";
            return Redirect($"/registry/filings/{id}");
        }

        var result = await decide.HandleAsync(User, id, filingAction, form, ct);
        switch (result.Outcome)
        {
            case UseCaseOutcome.NotFound:
                return NotFound();
            case UseCaseOutcome.Refused:
                TempData["Error"] = "Error." + result.Code;
                break;
            case UseCaseOutcome.Conflict:
                TempData["Conflict"] = l["Error.ChangedBy", result.ChangedBy ?? "—", result.ChangedAtUtc?.AddHours(8).ToString("yyyy-MM-dd HH:mm:ss") ?? "—"].Value;
                break;
            default:
                TempData["Flash"] = "Review.Done." + filingAction;
                break;
        }

        return Redirect($"/registry/filings/{id}");
    }

    /// <summary>机关、群团注销: the certificate and seal were handed in; the cancellation can then be approved.</summary>
    [HttpPost("{id:guid}/collected")]
    public async Task<IActionResult> Collected(Guid id, Guid token, [FromServices] Portal.Web.Features.Agencies.RecordCollection record, CancellationToken ct)
    {
        var result = await record.HandleAsync(User, id, token, ct);
        switch (result.Outcome)
        {
            case UseCaseOutcome.NotFound:
                return NotFound();
            case UseCaseOutcome.Refused:
                TempData["Error"] = "Error." + result.Code;
                break;
            case UseCaseOutcome.Conflict:
                TempData["Error"] = "Error.ChangedMeanwhile";
                break;
            default:
                TempData["Flash"] = "Agency.CollectedRecorded";
                break;
        }

        return Redirect($"/registry/filings/{id}");
    }

    /// <summary>The one complete list of what can be returned: every material of the kind and every item.</summary>
    private static List<string> ChecklistOptions(FilingViewModel filing) =>
        filing.AllowedAttachments.Where(a => a != AttachmentKind.Other).Select(a => a.ToString())
            .Concat(filing.Kind is FilingKind.Setup or FilingKind.Change ? Enum.GetValues<RegisteredItem>().Select(i => "Item." + i) : [])
            .ToList();
}
