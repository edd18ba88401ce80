using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Instruments;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Documents;

public sealed class DocumentCheckForm
{
    public string? Number { get; set; }

    public string? Code { get; set; }
}

/// <summary>What the public sees of an instrument: what it is and that it is authentic; no personal data, nothing of the filing.</summary>
public sealed record DocumentCheckResult(InstrumentKind Kind, string Number, string OfficeName, DateOnly IssuedOn, string Sha256, string? PublicAddressee, bool? SameFile);

public sealed record DocumentCheckViewModel(DocumentCheckForm Form, DocumentCheckResult? Result, string? Problem);

/// <summary>
/// The public check of an instrument (文书核验), no login: by number and check code, by the QR code's link, or by
/// uploading the PDF, whose SHA-256 is compared with the one stored at issuance. Rate-limited like the verify page;
/// any input, however malformed, gets an answer rather than an error.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Verify)]
public class DocumentCheckController(PortalDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>Instruments are a few pages: 10 MB is generous, and anything larger is not one of ours.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    private const string CheckView = "/Features/Documents/Check.cshtml";

    [HttpGet("/documents/check")]
    public async Task<IActionResult> Index([FromQuery] DocumentCheckForm form, CancellationToken ct)
    {
        if (!Request.Query.ContainsKey(nameof(DocumentCheckForm.Number)) && !Request.Query.ContainsKey(nameof(DocumentCheckForm.Code)))
        {
            return View(CheckView, new DocumentCheckViewModel(form, null, null));
        }

        var number = form.Number?.Trim();
        var code = InstrumentNumber.CanonicalCheckCode(form.Code);
        if (string.IsNullOrEmpty(number) || number.Length > 40)
        {
            ModelState.AddModelError(nameof(DocumentCheckForm.Number), l["Documents.EnterNumber"]);
        }

        if (code is null)
        {
            ModelState.AddModelError(nameof(DocumentCheckForm.Code), l["Documents.BadCheckCode"]);
        }

        if (!ModelState.IsValid)
        {
            return View(CheckView, new DocumentCheckViewModel(form, null, null));
        }

        var result = await FindAsync(db.Instruments.Where(i => i.CheckCode == code && i.Number == number), null, ct);
        return View(CheckView, new DocumentCheckViewModel(form, result, result is null ? "Documents.NoMatch" : null));
    }

    /// <summary>The QR code's target: the check code alone finds the instrument.</summary>
    [HttpGet("/documents/check/{code}")]
    public async Task<IActionResult> Scanned(string code, CancellationToken ct)
    {
        var canonical = InstrumentNumber.CanonicalCheckCode(code);
        var result = canonical is null ? null : await FindAsync(db.Instruments.Where(i => i.CheckCode == canonical), null, ct);
        if (result is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View(CheckView, new DocumentCheckViewModel(new DocumentCheckForm(), result, result is null ? "Documents.NotIssued" : null));
    }

    /// <summary>Upload the PDF: the same bytes as issued, or not an instrument of this portal.</summary>
    [HttpPost("/documents/check/file")]
    [RequestSizeLimit(2 * MaxUploadBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = 2 * MaxUploadBytes)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken ct)
    {
        var empty = new DocumentCheckForm();
        if (file is null || file.Length == 0)
        {
            return View(CheckView, new DocumentCheckViewModel(empty, null, "Documents.ChooseFile"));
        }

        if (file.Length > MaxUploadBytes)
        {
            return View(CheckView, new DocumentCheckViewModel(empty, null, "Documents.FileTooLarge"));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (!bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            return View(CheckView, new DocumentCheckViewModel(empty, null, "Documents.NotAPdf"));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var result = await FindAsync(db.Instruments.Where(i => i.Sha256 == hash), true, ct);
        return View(CheckView, new DocumentCheckViewModel(empty, result, result is null ? "Documents.FileNotIssued" : null));
    }

    private async Task<DocumentCheckResult?> FindAsync(IQueryable<Instrument> query, bool? sameFile, CancellationToken ct)
    {
        var row = await query.AsNoTracking()
            .Join(db.Offices, i => i.OfficeId, o => o.Id, (i, o) => new { i.Kind, i.Number, o.NameZh, o.NameEn, i.IssuedOn, i.Sha256, i.Addressee })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        // Approvals and voided certificates are announced with the institution's name (公告); nothing else is public.
        var addressee = row.Kind is InstrumentKind.Approval or InstrumentKind.CertificateVoid ? row.Addressee : null;
        return new DocumentCheckResult(row.Kind, row.Number, Cultures.Pick(row.NameZh, row.NameEn), row.IssuedOn, row.Sha256, addressee, sameFile);
    }
}
