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

public sealed record QueueRow(Guid Id, string Number, FilingKind Kind, FilingState State, string? Name, DateOnly? SubmittedOn, FilingDeadlines Deadlines, string? AssigneeUserId = null, string? AssigneeName = null);

public sealed record QueueViewModel(FilingKind? Kind, FilingState? State, bool ShowClosed, IReadOnlyList<QueueRow> Rows, PagerViewModel Pager, QueueStage? Stage = null, QueueAssignee? Who = null);

/// <summary>The queue's assignee filter: 我的待办 or not yet assigned.</summary>
public enum QueueAssignee
{
    Mine,
    Unassigned,
}

public sealed record FilingNoteRow(string AuthorName, string Text, DateTime CreatedUtc);

/// <summary>The office-only side panel of a filing: who works it, whom it may go to, and the internal notes.</summary>
public sealed record FilingWorkPanel(string? AssigneeUserId, string? AssigneeName, DateTime? AssignedUtc, bool Open, IReadOnlyList<StaffMember> Staff, IReadOnlyList<FilingNoteRow> Notes);

public sealed record ReviewViewModel(FilingViewModel Filing, IReadOnlyList<string> ChecklistOptions, string? Conflict, FilingWorkPanel? Work = null);

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
    public async Task<IActionResult> Queue(FilingKind? kind, FilingState? state, QueueStage? stage, QueueAssignee? who, bool closed = false, int page = 1, CancellationToken ct = default)
    {
        page = PagerViewModel.Clamp(page);
        var query = access.ForStaff(User).AsNoTracking();
        var me = User.UserId();
        // A filter value that did not bind (a number naming no filter) matches nothing rather than everything.
        var whoUnbound = ModelState.TryGetValue(nameof(who), out var whoState) && whoState.Errors.Count > 0;
        query = who switch
        {
            null when whoUnbound => query.Where(f => false),
            null => query,
            QueueAssignee.Mine => query.Where(f => f.AssigneeUserId == me),
            QueueAssignee.Unassigned => query.Where(f => f.AssigneeUserId == null),
            _ => query.Where(f => false), // a number naming no filter matches nothing rather than everything
        };
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
            ["who"] = who?.ToString(),
            ["closed"] = closed ? "true" : null,
        });
        return View(new QueueViewModel(kind, state, closed, all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), pager, stage, who));
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
        var notes = await db.FilingNotes.AsNoTracking().Where(n => n.FilingId == id).OrderBy(n => n.CreatedUtc)
            .Select(n => new FilingNoteRow(n.AuthorName, n.Text, n.CreatedUtc)).ToListAsync(ct);
        var staff = User.IsInRole(Portal.Infrastructure.Identity.Roles.RegistrySupervisor) ? await OfficeStaff.ListAsync(db, filing.OfficeId, ct) : [];
        var work = new FilingWorkPanel(filing.AssigneeUserId, filing.AssigneeName, filing.AssignedUtc, filing.IsOpenForWork, staff, notes);
        return View(new ReviewViewModel(model, ChecklistOptions(model), TempData["Conflict"] as string, work));
    }

    /// <summary>我来办: the caller takes the filing.</summary>
    [HttpPost("{id:guid}/take")]
    public async Task<IActionResult> Take(Guid id, Guid token, [FromServices] AssignFiling assign, CancellationToken ct) =>
        AfterWork(id, await assign.HandleAsync(User, id, null, token, ct), "Review.Taken");

    /// <summary>A supervisor assigns or reassigns the filing to someone on the office's staff (audited).</summary>
    [HttpPost("{id:guid}/assign")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Assign(Guid id, string? assignee, Guid token, [FromServices] AssignFiling assign, CancellationToken ct) =>
        AfterWork(id, await assign.HandleAsync(User, id, assignee ?? string.Empty, token, ct), "Review.Assigned");

    /// <summary>An internal note: seen by the office's staff on this page, never by the applicant.</summary>
    [HttpPost("{id:guid}/notes")]
    public async Task<IActionResult> Note(Guid id, string? text, [FromServices] WriteFilingNote write, CancellationToken ct) =>
        AfterWork(id, await write.HandleAsync(User, id, text, ct), "Review.NoteSaved", "#notes-h");

    private IActionResult AfterWork(Guid id, UseCaseResult result, string done, string anchor = "#work-h") =>
        this.RedirectAfter(result, $"/registry/filings/{id}{anchor}", done);

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
        return this.RedirectAfter(await record.HandleAsync(User, id, token, ct), $"/registry/filings/{id}", "Agency.CollectedRecorded");
    }

    /// <summary>The one complete list of what can be returned: every material of the kind and every item.</summary>
    private static List<string> ChecklistOptions(FilingViewModel filing) =>
        filing.AllowedAttachments.Where(a => a != AttachmentKind.Other).Select(a => a.ToString())
            .Concat(filing.Kind is FilingKind.Setup or FilingKind.Change ? Enum.GetValues<RegisteredItem>().Select(i => "Item." + i) : [])
            .ToList();
}
