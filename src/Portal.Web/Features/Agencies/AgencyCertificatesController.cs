using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Certificates;
using Portal.Infrastructure;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Agencies;

/// <param name="RenewalDue">The current certificate when 到期换领 is open for it.</param>
public sealed record AgencyCertificatesViewModel(IReadOnlyList<AgencyCertificateRow> Rows, AgencyCertificateRow? RenewalDue);

public sealed record AgencyCertificateRow(Guid Id, string Number, AgencyCertificateReason Reason, CertificateStatus Status, DateOnly IssuedOn, DateOnly? ValidUntil, DateOnly? EndedOn, string QrUrl);

/// <summary>《统一社会信用代码证书》 PDFs: an agency's users download their own; registry staff any of their office's. Anything else is 404.</summary>
public sealed class AgencyCertificatesController(PortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/agency/certificates")]
    [Authorize(Policy = Policies.Institution)]
    public async Task<IActionResult> Mine(CancellationToken ct)
    {
        var agencyId = User.AgencyId();
        if (agencyId is null)
        {
            return NotFound();
        }

        var today = clock.TodayInChina();
        var rows = await db.AgencyCertificates.AsNoTracking().Where(c => c.AgencyId == agencyId)
            .OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Number)
            .Select(c => new AgencyCertificateRow(c.Id, c.Number, c.Reason, c.Status, c.IssuedOn, c.ValidUntil, c.EndedOn, c.QrUrl))
            .ToListAsync(ct);
        rows = rows.Select(r => r with { Status = CertificateStatuses.On(r.Status, r.ValidUntil, today) }).ToList();

        // The newest certificate in its last 30 days or past its end: the page offers 到期换领.
        var renewal = rows.FirstOrDefault() is { Status: CertificateStatus.Valid or CertificateStatus.Expired, ValidUntil: { } end } current
            && today >= end.AddDays(-AgencyCertificate.RenewalWindowDays) ? current : null;
        return View("/Features/Agencies/Certificates.cshtml", new AgencyCertificatesViewModel(rows, renewal));
    }

    [HttpGet("/agency/certificates/{id:guid}/{part}.pdf")]
    [Authorize(Policy = Policies.Institution)]
    public Task<IActionResult> DownloadMine(Guid id, string part, CancellationToken ct)
    {
        var agencyId = User.AgencyId() ?? Guid.Empty;
        return SendAsync(db.AgencyCertificates.Where(c => c.Id == id && c.AgencyId == agencyId), part, ct);
    }

    [HttpGet("/registry/agency-certificates/{id:guid}/{part}.pdf")]
    [Authorize(Policy = Policies.Registry)]
    [BackOffice]
    public Task<IActionResult> DownloadForStaff(Guid id, string part, CancellationToken ct)
    {
        var officeId = User.OfficeId() ?? Guid.Empty;
        return SendAsync(db.AgencyCertificates.Where(c => c.Id == id && c.OfficeId == officeId), part, ct);
    }

    private async Task<IActionResult> SendAsync(IQueryable<AgencyCertificate> scope, string part, CancellationToken ct)
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
        return File(bytes, "application/pdf", $"统一社会信用代码证书-{(part == "original" ? "正本" : "副本")}-{row.Number}.pdf");
    }
}
