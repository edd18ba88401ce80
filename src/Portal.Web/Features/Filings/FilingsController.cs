using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Filings;

public sealed record FilingListRow(Guid Id, string Number, FilingKind Kind, FilingState State, DateTime CreatedUtc, DateOnly? SubmittedOn, string? Name);

public sealed record KindOption(FilingKind Kind, string? WhyNot);

public sealed record NewFilingViewModel(IReadOnlyList<KindOption> Kinds, IReadOnlyList<(Guid Id, string Name)> Offices, bool HasInstitution, bool Narrowed = false);

public sealed record EditFilingViewModel(FilingViewModel Filing, FilingDetailsForm Form, IReadOnlyList<(string Code, string Name)> FundingSources);

/// <summary><paramref name="FieldProblems"/>: for a draft that did not pass the checks, each field to fix and why, in page order.</summary>
public sealed record ConfirmFilingViewModel(FilingViewModel Filing, IReadOnlyList<SubmissionProblem> Problems, IReadOnlyList<(string Field, string Message)> FieldProblems);

/// <summary>The applicant's side: start, fill in, attach, submit, follow and withdraw filings.</summary>
[Route("filings")]
[Authorize(Policy = Policies.Institution)]
public class FilingsController(
    PortalDbContext db,
    FilingAccess access,
    FilingViewBuilder views,
    FilingClocks clocks,
    IStringLocalizer<SharedResource> l,
    Portal.Web.Features.Ratings.RatingPanels ratings) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await access.ForApplicant(User).AsNoTracking()
            .OrderByDescending(f => f.CreatedUtc)
            .Select(f => new FilingListRow(f.Id, f.Number, f.Kind, f.State, f.CreatedUtc, f.SubmittedOn,
                f.Proposed != null ? f.Proposed.Name : f.Base != null ? f.Base.Name : f.AgencyProposed != null ? f.AgencyProposed.Name : f.AgencyBase != null ? f.AgencyBase.Name : null))
            .ToListAsync(ct));

    /// <summary>The kinds this account may start; <paramref name="kind"/> (from a service guide's "开始填写") narrows the page to one.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> New(FilingKind? kind, CancellationToken ct)
    {
        var model = await NewModelAsync(ct);
        if (kind is { } k && model.Kinds.Any(o => o.Kind == k))
        {
            model = model with { Kinds = model.Kinds.Where(o => o.Kind == k).ToList(), Narrowed = true };
        }

        return View(model);
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(FilingKind kind, Guid? officeId, [FromServices] StartFiling start, [FromServices] Agencies.StartAgencyFiling startAgency, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind))
        {
            return BadRequest();
        }

        var result = FilingKinds.IsAgency(kind) ? await startAgency.HandleAsync(User, kind, officeId, ct) : await start.HandleAsync(User, kind, officeId, ct);
        if (result.Outcome == UseCaseOutcome.Done)
        {
            return Redirect(FilingKinds.IsAgency(kind) ? $"/filings/{result.Id}/agency" : $"/filings/{result.Id}/edit");
        }

        ModelState.AddModelError(string.Empty, l["Error." + result.Code]);
        return View(await NewModelAsync(ct));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(User).AsNoTracking(), id, ct);
        if (filing is null)
        {
            return NotFound();
        }

        var model = await views.BuildAsync(filing, FilingRole.Applicant, ct);
        var rating = await ratings.ForAsync(Portal.Domain.Ratings.RatedService.Filing, filing.Id, Portal.Domain.Ratings.ServiceRating.IsClosed(filing), User, ct);
        return View(model with { Rating = rating });
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(User).AsNoTracking(), id, ct);
        if (filing is null)
        {
            return NotFound();
        }

        if (FilingKinds.IsAgency(filing.Kind))
        {
            return Redirect($"/filings/{id}/agency");
        }

        return filing.IsEditable ? View(await EditModelAsync(filing, FilingDetailsForm.From(filing).MaskIdentityNumber(), ct)) : Redirect($"/filings/{id}");
    }

    /// <summary>
    /// One post saves everything on the page: the typed fields (as a draft when incomplete), the files chosen in the material
    /// slots, and a removal. Nothing typed is lost by uploading or removing a file; "confirm" goes on to the check page only when
    /// the description is complete and every file was accepted.
    /// </summary>
    [HttpPost("{id:guid}/edit")]
    [RequestSizeLimit(MaxFilesPerPost * FilingMaterials.MaxAttachmentBytes + 1_000_000)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxFilesPerPost * FilingMaterials.MaxAttachmentBytes + 1_000_000)]
    public async Task<IActionResult> Edit(Guid id, FilingDetailsForm form, string? next, Guid? remove,
        [FromServices] SaveFilingDetails save, [FromServices] AttachFile attach, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(User).AsNoTracking(), id, ct);
        if (filing is null)
        {
            return NotFound();
        }

        if (!filing.IsEditable || FilingKinds.IsAgency(filing.Kind))
        {
            return Redirect($"/filings/{id}");
        }

        var stored = FilingDetailsForm.From(filing);
        form.KeepStoredIdentityNumber(stored.LegalRepresentativeIdNumber);
        var fundingCodes = await ActiveFundingCodesAsync(ct);

        // Complete? Checked on a scratch copy; the page then shows what was typed wrongly (a draft) or everything (confirm).
        var scratch = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        scratch.Merge(ModelState);
        form.Validate(filing.Kind, scratch, fundingCodes, clocks.Today, l, complete: true);
        var complete = scratch.IsValid;
        form.Validate(filing.Kind, ModelState, fundingCodes, clocks.Today, l, complete: next == "confirm");

        var result = await save.HandleAsync(User, id, form, complete, ct);
        if (result.Outcome != UseCaseOutcome.Done)
        {
            return Outcome(result, $"/filings/{id}/edit");
        }

        var filesChanged = false;
        if (remove is { } attachmentId)
        {
            var removed = await attach.RemoveAsync(User, id, attachmentId, ct);
            if (removed.Outcome != UseCaseOutcome.Done)
            {
                return Outcome(removed, $"/filings/{id}/edit#materials");
            }

            filesChanged = true;
        }

        if (Request.HasFormContentType && Request.Form.Files.Count > MaxFilesPerPost)
        {
            return BadRequest();
        }

        filesChanged |= await MaterialUploads.SaveAsync(this, attach, l, id, filing.Kind, ct);

        if (!ModelState.IsValid)
        {
            var reloaded = await FilingAccess.LoadAsync(access.ForApplicant(User).AsNoTracking(), id, ct);
            ViewData["Saved"] = true;
            // What was typed stays in its field; only the stored identity number is shown masked.
            return View(await EditModelAsync(reloaded!, form.LegalRepresentativeIdNumber == stored.LegalRepresentativeIdNumber ? form.MaskIdentityNumber() : form, ct));
        }

        if (next == "confirm")
        {
            return Redirect($"/filings/{id}/submit");
        }

        TempData["Flash"] = remove is not null ? "Filing.AttachmentRemoved" : filesChanged ? "Filing.AttachmentAdded" : "Filing.DraftSaved";
        return Redirect(filesChanged || next == "upload" ? $"/filings/{id}/edit#materials" : $"/filings/{id}/edit");
    }

    /// <summary>At most this many files in one post of the edit page (one per material slot in practice).</summary>
    public const int MaxFilesPerPost = 8;

    [HttpPost("{id:guid}/attachments")]
    [RequestSizeLimit(FilingMaterials.MaxAttachmentBytes + 1_000_000)]
    [RequestFormLimits(MultipartBodyLengthLimit = FilingMaterials.MaxAttachmentBytes + 1_000_000)]
    public async Task<IActionResult> Upload(Guid id, AttachmentKind kind, IFormFile? file, Guid? replaces, [FromServices] AttachFile attach, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind))
        {
            return BadRequest();
        }

        var result = await attach.HandleAsync(User, id, kind, file, replaces, ct);
        if (result.Outcome == UseCaseOutcome.Done)
        {
            TempData["Flash"] = "Filing.AttachmentAdded";
        }

        return Outcome(result, $"/filings/{id}/edit#attachments");
    }

    [HttpPost("{id:guid}/attachments/{attachmentId:guid}/remove")]
    public async Task<IActionResult> RemoveAttachment(Guid id, Guid attachmentId, [FromServices] AttachFile attach, CancellationToken ct)
    {
        var result = await attach.RemoveAsync(User, id, attachmentId, ct);
        if (result.Outcome == UseCaseOutcome.Done)
        {
            TempData["Flash"] = "Filing.AttachmentRemoved";
        }

        return Outcome(result, $"/filings/{id}/edit#attachments");
    }

    [HttpGet("{id:guid}/attachments/{attachmentId:guid}")]
    public Task<IActionResult> Download(Guid id, Guid attachmentId, CancellationToken ct) =>
        AttachmentDownload.SendAsync(this, db, access.ForApplicant(User), id, attachmentId, ct);

    [HttpGet("{id:guid}/submit")]
    public async Task<IActionResult> Confirm(Guid id, [FromServices] SubmitFiling submit, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(User).AsNoTracking(), id, ct);
        if (filing is null)
        {
            return NotFound();
        }

        if (!FilingWorkflow.ActionsFor(filing.State, FilingRole.Applicant).Any(a => a is FilingAction.Submit or FilingAction.Resubmit))
        {
            return Redirect($"/filings/{id}");
        }

        var fieldProblems = new List<(string, string)>();
        if (filing.DraftInput is not null)
        {
            var draft = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
            var fundingCodes = await ActiveFundingCodesAsync(ct);
            FilingDetailsForm.From(filing).Validate(filing.Kind, draft, fundingCodes, clocks.Today, l, complete: true);
            fieldProblems.AddRange(FilingDetailsForm.FieldOrder
                .Where(k => draft.TryGetValue(k, out var e) && e.Errors.Count > 0)
                .SelectMany(k => draft[k]!.Errors.Select(e => (k, e.ErrorMessage))));
        }

        return View(new ConfirmFilingViewModel(await views.BuildAsync(filing, FilingRole.Applicant, ct), await submit.ProblemsAsync(filing, ct), fieldProblems));
    }

    [HttpPost("{id:guid}/submit")]
    public async Task<IActionResult> Submit(Guid id, Guid token, [FromServices] SubmitFiling submit, CancellationToken ct)
    {
        var result = await submit.HandleAsync(User, id, token, ct);
        if (result.Outcome == UseCaseOutcome.Done)
        {
            // A resubmission after a return does not start the acceptance wait again: no "within 3 working days" promise.
            TempData["Flash"] = result.Code == nameof(FilingAction.Resubmit) ? "Filing.Resubmitted" : "Filing.Submitted";
            return Redirect($"/filings/{id}");
        }

        return Outcome(result, $"/filings/{id}/submit");
    }

    [HttpGet("{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(User).AsNoTracking(), id, ct);
        if (filing is null)
        {
            return NotFound();
        }

        return FilingWorkflow.IsAllowed(filing.State, FilingAction.Withdraw, FilingRole.Applicant)
            ? View(await views.BuildAsync(filing, FilingRole.Applicant, ct))
            : Redirect($"/filings/{id}");
    }

    [HttpPost("{id:guid}/withdraw")]
    [ActionName(nameof(Withdraw))]
    public async Task<IActionResult> WithdrawConfirmed(Guid id, string? note, [FromServices] WithdrawFiling withdraw, CancellationToken ct)
    {
        var result = await withdraw.HandleAsync(User, id, note?.Length > 2000 ? note[..2000] : note, ct);
        if (result.Outcome == UseCaseOutcome.Done)
        {
            TempData["Flash"] = "Filing.Withdrawn";
            return Redirect($"/filings/{id}");
        }

        return Outcome(result, $"/filings/{id}");
    }

    /// <summary>Done → back to the page; refused → the reason as a message on the page; unknown → 404.</summary>
    private IActionResult Outcome(UseCaseResult result, string back) => this.RedirectAfter(result, back);

    private async Task<NewFilingViewModel> NewModelAsync(CancellationToken ct)
    {
        var institutionId = User.InstitutionId();
        var institution = institutionId is { } iid ? await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == iid, ct) : null;
        var agencyId = User.AgencyId();
        var agency = agencyId is { } aid ? await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == aid, ct) : null;
        var userId = User.UserId();
        var open = institution is not null
            ? await db.Filings.CountAsync(f => f.InstitutionId == institution.Id && FilingWorkflow.OpenStates.Contains(f.State), ct)
            : await db.Filings.CountAsync(f => f.ApplicantUserId == userId && f.InstitutionId == null && f.AgencyId == null && FilingWorkflow.OpenStates.Contains(f.State), ct);
        var agencyOpen = agency is null ? 0 : await db.Filings.CountAsync(f => f.AgencyId == agency.Id && FilingWorkflow.OpenStates.Contains(f.State), ct);
        var firstApplicationsOpen = await db.Filings.CountAsync(f => f.ApplicantUserId == userId && f.Kind == FilingKind.AgencyFirstApplication && f.AgencyId == null && FilingWorkflow.OpenStates.Contains(f.State), ct);

        // An institution's users file for it; an agency's users file for it, or a first application for a body below it; a
        // new account sets up an institution or applies for a body's first code.
        IEnumerable<FilingKind> offered = institution is not null ? FilingKinds.Institution.Where(k => k != FilingKind.Setup)
            : agency is not null ? [FilingKind.AgencyChange, FilingKind.AgencyReissue, FilingKind.AgencyCancellation, FilingKind.AgencyFirstApplication]
            : [FilingKind.Setup, FilingKind.AgencyFirstApplication];
        var kinds = offered
            .Select(k => new KindOption(k, !FilingKinds.IsAgency(k) ? FilingPolicy.WhyNotStart(k, institution, open, clocks.Today)
                : k == FilingKind.AgencyFirstApplication ? FilingPolicy.WhyNotStartForAgency(k, null, firstApplicationsOpen)
                : FilingPolicy.WhyNotStartForAgency(k, agency, agencyOpen)))
            .ToList();
        var offices = (await db.Offices.AsNoTracking().OrderBy(o => o.RegionCode).Select(o => new { o.Id, o.NameZh, o.NameEn }).ToListAsync(ct))
            .Select(o => (o.Id, Cultures.Pick(o.NameZh, o.NameEn))).ToList();
        return new NewFilingViewModel(kinds, offices, institution is not null);
    }

    private Task<List<string>> ActiveFundingCodesAsync(CancellationToken ct) => db.FundingSources.Where(f => f.IsActive).Select(f => f.Code).ToListAsync(ct);

    private async Task<EditFilingViewModel> EditModelAsync(Filing filing, FilingDetailsForm form, CancellationToken ct)
    {
        var funding = (await db.FundingSources.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.SortOrder).Select(f => new { f.Code, f.NameZh, f.NameEn }).ToListAsync(ct))
            .Select(f => (f.Code, Cultures.Pick(f.NameZh, f.NameEn))).ToList();
        return new EditFilingViewModel(await views.BuildAsync(filing, FilingRole.Applicant, ct), form, funding);
    }
}

/// <summary>Attachments are only ever downloads: never rendered inline by the browser.</summary>
public static class AttachmentDownload
{
    public static async Task<IActionResult> SendAsync(Controller controller, PortalDbContext db, IQueryable<Filing> scope, Guid filingId, Guid attachmentId, CancellationToken ct)
    {
        var attachment = await scope.Where(f => f.Id == filingId)
            .SelectMany(f => f.Attachments)
            .Where(a => a.Id == attachmentId)
            .Select(a => new { a.ContentId, a.ContentType, a.FileName })
            .SingleOrDefaultAsync(ct);
        if (attachment is null)
        {
            return controller.NotFound();
        }

        var content = await db.StoredFiles.Where(f => f.Id == attachment.ContentId).Select(f => f.Content).SingleAsync(ct);

        // File(..., fileDownloadName) sets Content-Disposition: attachment; nosniff is on every response.
        return controller.File(content, attachment.ContentType, attachment.FileName);
    }
}
