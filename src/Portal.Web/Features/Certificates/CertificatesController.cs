using Portal.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Certificates;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Certificates;

public sealed record CertificateRow(Guid Id, string Number, CertificateIssueReason Reason, CertificateStatus Status, DateOnly IssuedOn, DateOnly ValidUntil, DateOnly? EndedOn, VoidReason? VoidReason, string QrUrl);

/// <summary>
/// Certificate PDFs: an institution's users download their own; registry staff any of their office's.
/// The public never downloads PDFs, it verifies. Staff can void a certificate with a reason.
/// </summary>
public class CertificatesController(PortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/institution/certificates")]
    [Authorize(Policy = Policies.Institution)]
    public async Task<IActionResult> Mine(CancellationToken ct)
    {
        var institutionId = User.InstitutionId();
        return View(await Rows(db.Certificates.Where(c => c.InstitutionId == institutionId)).ToListAsync(ct));
    }

    [HttpGet("/institution/certificates/{id:guid}/{part}.pdf")]
    [Authorize(Policy = Policies.Institution)]
    public Task<IActionResult> DownloadMine(Guid id, string part, CancellationToken ct)
    {
        var institutionId = User.InstitutionId();
        return SendAsync(db.Certificates.Where(c => c.Id == id && c.InstitutionId == institutionId), part, ct);
    }

    [HttpGet("/registry/certificates/{id:guid}/{part}.pdf")]
    [Authorize(Policy = Policies.Registry)]
    [BackOffice]
    public Task<IActionResult> DownloadForStaff(Guid id, string part, CancellationToken ct)
    {
        var officeId = User.OfficeId();
        return SendAsync(db.Certificates.Where(c => c.Id == id && c.OfficeId == officeId), part, ct);
    }

    [HttpPost("/registry/certificates/{id:guid}/void")]
    [StepUp]
    [Authorize(Policy = Policies.Registry)]
    [BackOffice]
    public async Task<IActionResult> Void(Guid id, VoidReason reason, string? note, bool confirmed, [FromServices] CertificateIssuer issuer, CancellationToken ct)
    {
        var officeId = User.OfficeId();
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Id == id && c.OfficeId == officeId, ct);
        if (certificate is null || !Enum.IsDefined(reason))
        {
            return NotFound();
        }

        var back = $"/registry/institutions/{certificate.InstitutionId}";
        if (!confirmed || string.IsNullOrWhiteSpace(note))
        {
            TempData["Error"] = "Certificates.VoidNeedsReason";
            return Redirect(back);
        }

        var institution = await db.Institutions.SingleAsync(i => i.Id == certificate.InstitutionId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await issuer.VoidAsync(certificate, institution, reason, clock.TodayInChina(), note.Trim()[..Math.Min(note.Trim().Length, 500)], ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            TempData["Flash"] = "Certificates.Voided";
        }
        catch (DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = "Error.ChangedMeanwhile";
        }

        return Redirect(back);
    }

    public static IQueryable<CertificateRow> Rows(IQueryable<Certificate> query) =>
        query.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Number)
            .Select(c => new CertificateRow(c.Id, c.Number, c.Reason, c.Status, c.IssuedOn, c.ValidUntil, c.EndedOn, c.VoidReason, c.QrUrl));

    private async Task<IActionResult> SendAsync(IQueryable<Certificate> scope, string part, CancellationToken ct)
    {
        if (part is not ("original" or "duplicate"))
        {
            return NotFound();
        }

        var row = await scope.Select(c => new { c.Number, c.OriginalPdfId, c.DuplicatePdfId }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        var fileId = part == "original" ? row.OriginalPdfId : row.DuplicatePdfId;
        var bytes = await db.StoredFiles.Where(f => f.Id == fileId).Select(f => f.Content).SingleAsync(ct);
        return File(bytes, "application/pdf", $"事业单位法人证书-{(part == "original" ? "正本" : "副本")}-{row.Number}.pdf");
    }
}

public sealed record CertificateTableModel(IReadOnlyList<CertificateRow> Rows, string DownloadBase, string? VoidAction);
