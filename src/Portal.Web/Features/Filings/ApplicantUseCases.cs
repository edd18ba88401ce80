using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Filings;

/// <summary>Starts a draft of any kind the caller may file now (一事一办, renewal window, setup only without an institution).</summary>
public sealed class StartFiling(PortalDbContext db, FilingClocks clocks)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, FilingKind kind, Guid? setupOfficeId, CancellationToken ct)
    {
        var institutionId = user.InstitutionId();
        if (kind == FilingKind.Setup && institutionId is not null)
        {
            return UseCaseResult.Refused(FilingErrors.WrongKind);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var institution = institutionId is { } iid ? await db.Institutions.SingleOrDefaultAsync(i => i.Id == iid, ct) : null;
        var userId = user.UserId();
        var open = institution is not null
            ? await db.Filings.CountAsync(f => f.InstitutionId == institution.Id && FilingWorkflow.OpenStates.Contains(f.State), ct)
            : await db.Filings.CountAsync(f => f.ApplicantUserId == userId && f.InstitutionId == null && FilingWorkflow.OpenStates.Contains(f.State), ct);
        if (FilingPolicy.WhyNotStart(kind, institution, open, clocks.Today) is { } why)
        {
            return UseCaseResult.Refused(why);
        }

        Guid officeId;
        if (kind == FilingKind.Setup)
        {
            if (setupOfficeId is not { } chosen || !await db.Offices.AnyAsync(o => o.Id == chosen, ct))
            {
                return UseCaseResult.Refused("OfficeRequired");
            }

            officeId = chosen;
        }
        else
        {
            officeId = institution!.OfficeId;
        }

        var number = await clocks.NextNumberAsync(officeId, ct);
        var actor = FilingAccess.Actor(user, asStaff: false);
        var filing = kind == FilingKind.Setup
            ? Filing.StartSetup(officeId, number, actor, clocks.NowUtc)
            : Filing.StartFor(kind, officeId, institution!.Id, institution.Current, number, actor, clocks.NowUtc);
        db.Filings.Add(filing);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return UseCaseResult.Done(filing.Id);
    }
}

/// <summary>
/// Saves what the applicant typed; a draft can be left and resumed at any time. A <paramref name="complete"/> form (every check
/// passed) becomes the filing's description; anything else is kept exactly as typed, to be finished later.
/// </summary>
public sealed class SaveFilingDetails(PortalDbContext db, FilingAccess access)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, Guid id, FilingDetailsForm form, bool complete, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(user), id, ct);
        if (filing is null)
        {
            return UseCaseResult.NotFound();
        }

        try
        {
            switch (complete ? filing.Kind : (FilingKind?)null)
            {
                case null:
                    filing.KeepDraftInput(form.ToDraftInput());
                    break;
                case FilingKind.Setup:
                    filing.DescribeSetup(form.ToItems(), form.ApprovalDocumentNumber!.Trim(), form.ApprovalDocumentDate!.Value, form.StaffingQuotaValue);
                    break;
                case FilingKind.Change:
                    filing.DescribeChange(form.ToItems(), form.PlannedMoveDate, form.Explanation?.Trim());
                    break;
                case FilingKind.Deregistration:
                    filing.DescribeDeregistration(form.DeregistrationReason!.Value, form.Explanation!.Trim());
                    break;
                default:
                    filing.DescribeCertificateRequest(form.Explanation?.Trim() ?? string.Empty);
                    break;
            }

            await db.SaveChangesAsync(ct);
            return UseCaseResult.Done(filing.Id);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UseCaseResult.Conflict(null, null);
        }
    }
}

/// <summary>Checks an upload by content, size and count, stores it under a server-generated id with its SHA-256, and attaches it.</summary>
public sealed class AttachFile(PortalDbContext db, FilingAccess access, FilingClocks clocks)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, Guid id, AttachmentKind kind, IFormFile? file, Guid? replaces, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(user), id, ct);
        if (filing is null)
        {
            return UseCaseResult.NotFound();
        }

        var (verdict, bytes) = await UploadInspector.ReadAsync(file, FilingMaterials.MaxAttachmentBytes, ct);
        if (!verdict.Accepted)
        {
            return UseCaseResult.Refused(verdict.ErrorCode!);
        }

        try
        {
            if (replaces is { } old)
            {
                var removed = filing.RemoveAttachment(old);
                await RemoveContentAsync(removed.ContentId, ct);
            }

            var stored = StoredFile.Create(bytes, clocks.NowUtc);
            db.StoredFiles.Add(stored);
            filing.Attach(kind, verdict.SafeFileName, verdict.ContentType!, bytes.Length, verdict.Sha256!, stored.Id, user.UserId(), clocks.NowUtc);
            await db.SaveChangesAsync(ct);
            return UseCaseResult.Done(filing.Id);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }
    }

    private async Task RemoveContentAsync(Guid contentId, CancellationToken ct)
    {
        var content = await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == contentId, ct);
        if (content is not null)
        {
            db.StoredFiles.Remove(content);
        }
    }

    public async Task<UseCaseResult> RemoveAsync(ClaimsPrincipal user, Guid id, Guid attachmentId, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(user), id, ct);
        if (filing is null || filing.Attachments.All(a => a.Id != attachmentId))
        {
            return UseCaseResult.NotFound();
        }

        try
        {
            var removed = filing.RemoveAttachment(attachmentId);
            await RemoveContentAsync(removed.ContentId, ct);
            await db.SaveChangesAsync(ct);
            return UseCaseResult.Done(filing.Id);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }
    }
}

/// <summary>Submits a draft, or resubmits after a return (one action); refused with the full list of problems when not ready.</summary>
public sealed class SubmitFiling(PortalDbContext db, FilingAccess access, FilingClocks clocks, Portal.Infrastructure.Observability.PortalMetrics metrics)
{
    public async Task<IReadOnlyList<SubmissionProblem>> ProblemsAsync(Filing filing, CancellationToken ct) =>
        filing.ProblemsBeforeSubmission(await NameTakenAsync(filing, ct));

    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, Guid id, Guid token, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(user), id, ct);
        if (filing is null)
        {
            return UseCaseResult.NotFound();
        }

        if (filing.ConcurrencyToken != token)
        {
            return UseCaseResult.Conflict(null, null); // changed in another tab since the confirmation page was shown
        }

        var actor = FilingAccess.Actor(user, asStaff: false);
        try
        {
            var nameTaken = await NameTakenAsync(filing, ct);
            if (filing.State == FilingState.Draft)
            {
                filing.Submit(actor, clocks.Today, clocks.NowUtc, nameTaken);
            }
            else
            {
                filing.Resubmit(actor, clocks.Today, clocks.NowUtc, nameTaken);
                await db.SaveChangesAsync(ct);
                metrics.Submitted(filing.Kind.ToString());
                return UseCaseResult.Done(filing.Id) with { Code = FilingAction.Resubmit.ToString() };
            }

            await db.SaveChangesAsync(ct);
            metrics.Submitted(filing.Kind.ToString());
            return UseCaseResult.Done(filing.Id);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UseCaseResult.Conflict(null, null);
        }
    }

    private Task<bool> NameTakenAsync(Filing filing, CancellationToken ct) =>
        filing.AgencyProposed is { } agency ? clocks.AgencyNameTakenAsync(filing.OfficeId, agency.Name, filing.AgencyId, ct)
        : filing.Proposed is null ? Task.FromResult(false) : clocks.NameTakenAsync(filing.OfficeId, filing.Proposed.Name, filing.InstitutionId, ct);
}

public sealed class WithdrawFiling(PortalDbContext db, FilingAccess access, FilingClocks clocks)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, Guid id, string? note, CancellationToken ct)
    {
        var filing = await FilingAccess.LoadAsync(access.ForApplicant(user), id, ct);
        if (filing is null)
        {
            return UseCaseResult.NotFound();
        }

        try
        {
            filing.Withdraw(FilingAccess.Actor(user, asStaff: false), clocks.NowUtc, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
            await db.SaveChangesAsync(ct);
            return UseCaseResult.Done(filing.Id);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }
    }
}
