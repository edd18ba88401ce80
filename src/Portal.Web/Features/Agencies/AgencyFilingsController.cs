using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Filings;
using Portal.Infrastructure;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Agencies;

/// <param name="Causes">The re-issue causes offered: 到期换领 only while the body's certificate is in its renewal window.</param>
public sealed record EditAgencyFilingViewModel(FilingViewModel Filing, AgencyDetailsForm Form, IReadOnlyList<ReissueCause> Causes);

/// <summary>
/// The applicant's page of the four agency filings (机关、群团赋码): the printed items (or the re-issue cause, or the
/// cancellation's statement) and the materials, saved by one post. Everything else (submit, follow, withdraw) is the
/// filings' own pages.
/// </summary>
[Route("filings")]
[Authorize(Policy = Policies.Institution)]
public sealed class AgencyFilingsController(FilingAccess access, FilingViewBuilder views, IStringLocalizer<SharedResource> l,
    Portal.Infrastructure.Data.PortalDbContext db, TimeProvider clock) : Controller
{
    private const string ViewPath = "/Features/Agencies/Edit.cshtml";

    private async Task<IReadOnlyList<ReissueCause>> CausesAsync(Filing filing, ReissueCause? chosen, CancellationToken ct)
    {
        if (filing.Kind != FilingKind.AgencyReissue || filing.AgencyId is not { } agencyId)
        {
            return [];
        }

        var current = await Portal.Infrastructure.Certificates.AgencyCertificateIssuer.CurrentAsync(db, agencyId, ct);
        return current?.RenewalIsOpen(clock.TodayInChina()) == true || chosen == ReissueCause.Expiry
            ? [ReissueCause.Loss, ReissueCause.Damage, ReissueCause.Expiry]
            : [ReissueCause.Loss, ReissueCause.Damage];
    }

    [HttpGet("{id:guid}/agency")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(User).AsNoTracking(), id, ct);
        if (filing is null || !FilingKinds.IsAgency(filing.Kind))
        {
            return NotFound();
        }

        return filing.IsEditable
            ? View(ViewPath, new EditAgencyFilingViewModel(await views.BuildAsync(filing, FilingRole.Applicant, ct), AgencyDetailsForm.From(filing).MaskIdentityNumber(),
                await CausesAsync(filing, filing.ReissueCause, ct)))
            : Redirect($"/filings/{id}");
    }

    [HttpPost("{id:guid}/agency")]
    [RequestSizeLimit(FilingsController.MaxFilesPerPost * FilingMaterials.MaxAttachmentBytes + 1_000_000)]
    [RequestFormLimits(MultipartBodyLengthLimit = FilingsController.MaxFilesPerPost * FilingMaterials.MaxAttachmentBytes + 1_000_000)]
    public async Task<IActionResult> Edit(Guid id, AgencyDetailsForm form, string? next, Guid? remove,
        [FromServices] SaveAgencyDetails save, [FromServices] AttachFile attach, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(User).AsNoTracking(), id, ct);
        if (filing is null || !FilingKinds.IsAgency(filing.Kind))
        {
            return NotFound();
        }

        if (!filing.IsEditable)
        {
            return Redirect($"/filings/{id}");
        }

        var stored = AgencyDetailsForm.From(filing);
        form.KeepStoredIdentityNumber(stored.PersonInChargeIdNumber);
        ModelState.Clear(); // the form's own checks below say what is wrong, in the page's words
        form.Validate(filing.Kind, ModelState, l);
        if (ModelState.IsValid)
        {
            var saved = await save.HandleAsync(User, id, form, ct);
            if (saved.Outcome == UseCaseOutcome.NotFound)
            {
                return NotFound();
            }

            if (saved.Outcome != UseCaseOutcome.Done)
            {
                ModelState.AddModelError(saved.Code == FilingErrors.OldCodeInvalid ? nameof(AgencyDetailsForm.OldOrganisationCode) : string.Empty,
                    l[saved.Outcome == UseCaseOutcome.Conflict ? "Error.ChangedMeanwhile" : "Error." + saved.Code]);
            }
        }

        if (remove is { } attachmentId && (await attach.RemoveAsync(User, id, attachmentId, ct)).Outcome != UseCaseOutcome.Done)
        {
            return NotFound();
        }

        if (Request.HasFormContentType && Request.Form.Files.Count > FilingsController.MaxFilesPerPost)
        {
            return BadRequest();
        }

        var filesChanged = await MaterialUploads.SaveAsync(this, attach, l, id, filing.Kind, ct) || remove is not null;
        if (!ModelState.IsValid)
        {
            // Nothing typed is lost: the page comes back with the values as sent and a message at each field.
            var reloaded = await FilingAccess.LoadAsync(access.ForApplicant(User).AsNoTracking(), id, ct);
            return View(ViewPath, new EditAgencyFilingViewModel(await views.BuildAsync(reloaded!, FilingRole.Applicant, ct),
                form.PersonInChargeIdNumber == stored.PersonInChargeIdNumber ? form.MaskIdentityNumber() : form, await CausesAsync(reloaded!, form.ReissueCause, ct)));
        }

        if (next == "confirm")
        {
            return Redirect($"/filings/{id}/submit");
        }

        TempData["Flash"] = remove is not null ? "Filing.AttachmentRemoved" : filesChanged ? "Filing.AttachmentAdded" : "Filing.DraftSaved";
        return Redirect(filesChanged || next == "upload" ? $"/filings/{id}/agency#materials" : $"/filings/{id}/agency");
    }
}
