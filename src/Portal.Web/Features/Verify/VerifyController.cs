using Portal.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Certificates;
using Portal.Domain.Codes;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Verify;

public enum Verdict
{
    Valid,
    Superseded,
    Voided,
    Expired,
    NotIssued,
}

public sealed record PrintedRow(string Label, string AsIssued, string? Now);

public sealed record VerifyViewModel(
    Verdict Verdict,
    string? Number,
    string? Code,
    string? Name,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    DateOnly? IssuedOn,
    DateOnly? EndedOn,
    VoidReason? VoidReason,
    string? OfficeName,
    string? SuccessorUrl,
    string? SuccessorNumber,
    IReadOnlyList<PrintedRow> Printed,
    string? RegisterUrl,
    DateOnly? HeldUntil = null);

public sealed class VerifyForm
{
    public string? Number { get; set; }

    public string? Code { get; set; }
}

/// <summary>
/// The busiest page: anyone scanning a certificate. The token is looked up by its SHA-256 among the
/// tokens this portal issued; a token that is not there (tampered, truncated, signed by another key)
/// is "not issued by this portal". No signature maths per request, one indexed query.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Verify)]
public class VerifyController(PortalDbContext db, SigningKeyStore keys, CertificateVerification verification) : Controller
{
    [HttpGet("/v/{**token}")]
    public async Task<IActionResult> Token(string? token, CancellationToken ct)
    {
        var model = await verification.ForTokenAsync(token, ct);
        Response.Headers.CacheControl = "no-store"; // the status can change after printing
        return View("Result", model);
    }

    [HttpGet("/verify")]
    public async Task<IActionResult> Index([FromQuery] VerifyForm form, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.Number) && string.IsNullOrWhiteSpace(form.Code))
        {
            return View(form);
        }

        var number = form.Number?.Trim();
        var codeOk = UnifiedSocialCreditCode.TryParse(form.Code, out var code);
        if (!codeOk || string.IsNullOrEmpty(number) || number.Length > 20)
        {
            return View("Result", CertificateVerification.NotIssued());
        }

        var hash = await db.Certificates.AsNoTracking().Where(c => c.Number == number && c.Code == code.Value).Select(c => c.TokenSha256).SingleOrDefaultAsync(ct);
        return View("Result", hash is null ? CertificateVerification.NotIssued() : await verification.ForHashAsync(hash, ct));
    }

    /// <summary>The public keys (JWKS) a third party needs to verify a scanned token offline.</summary>
    [HttpGet("/.well-known/certificate-keys.json")]
    [DisableRateLimiting]
    public IActionResult Keys()
    {
        Response.Headers.CacheControl = "public, max-age=3600";
        return Json(keys.Jwks());
    }
}

/// <summary>The verdict on a certificate token: one indexed lookup by the token's hash. Shared by the verify page and the API.</summary>
public sealed class CertificateVerification(PortalDbContext db, TimeProvider clock)
{
    /// <summary>A token, or a URL or text with the token in it (what a scanner hands over).</summary>
    public async Task<VerifyViewModel> ForTokenAsync(string? tokenOrUrl, CancellationToken ct)
    {
        var clean = CertificateTokens.Extract(tokenOrUrl);
        return clean is null ? NotIssued() : await ForHashAsync(CertificateTokens.Sha256(clean), ct);
    }

    public async Task<VerifyViewModel> ForHashAsync(string hash, CancellationToken ct)
    {
        var english = Cultures.IsEnglish;
        var row = await db.Certificates.AsNoTracking()
            .Where(c => c.TokenSha256 == hash)
            .Select(c => new
            {
                c.Number, c.Code, c.Printed, c.ValidFrom, c.ValidUntil, c.IssuedOn, c.EndedOn, c.Status, c.VoidReason,
                c.OfficeNameZh, c.SuccessorId, c.InstitutionId,
                OfficeEn = db.Offices.Where(o => o.Id == c.OfficeId).Select(o => o.NameEn).FirstOrDefault(),
                Current = db.Institutions.Where(i => i.Id == c.InstitutionId).Select(i => i.Current).FirstOrDefault(),
                Hold = db.Institutions.Where(i => i.Id == c.InstitutionId).Select(i => i.HoldCorrectBy).FirstOrDefault(),
                InstitutionCode = db.Institutions.Where(i => i.Id == c.InstitutionId).Select(i => i.Code).FirstOrDefault(),
                Successor = db.Certificates.Where(s => s.Id == c.SuccessorId).Select(s => new { s.Token, s.Number }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return NotIssued();
        }

        var today = clock.TodayInChina();
        var status = row.Status == CertificateStatus.Valid && today > row.ValidUntil ? CertificateStatus.Expired : row.Status;
        var verdict = status switch
        {
            CertificateStatus.Valid => Verdict.Valid,
            CertificateStatus.Superseded => Verdict.Superseded,
            CertificateStatus.Voided => Verdict.Voided,
            _ => Verdict.Expired,
        };
        var printed = new List<PrintedRow>
        {
            Row("Item.Name", row.Printed.Name + (string.IsNullOrEmpty(row.Printed.SecondName) ? string.Empty : $"（{row.Printed.SecondName}）"), row.Current?.Name + (string.IsNullOrEmpty(row.Current?.SecondName) ? string.Empty : $"（{row.Current.SecondName}）")),
            Row("Item.Domicile", row.Printed.Domicile, row.Current?.Domicile),
            Row("Item.PurposeAndScope", row.Printed.PurposeAndScope, row.Current?.PurposeAndScope),
            Row("Item.LegalRepresentative", row.Printed.LegalRepresentative, row.Current?.LegalRepresentative),
            Row("Item.StartupCapital", row.Printed.StartupCapital.ToString("0.00"), row.Current?.StartupCapital.ToString("0.00")),
            Row("Item.Sponsor", row.Printed.Sponsor, row.Current?.Sponsor),
        };
        return new VerifyViewModel(
            verdict, row.Number, row.Code, row.Printed.Name, row.ValidFrom, row.ValidUntil, row.IssuedOn,
            status == CertificateStatus.Expired ? row.EndedOn ?? row.ValidUntil.AddDays(1) : row.EndedOn,
            row.VoidReason,
            english && row.OfficeEn is not null ? row.OfficeEn : row.OfficeNameZh,
            row.Successor is null ? null : "/v/" + row.Successor.Token,
            row.Successor?.Number,
            printed,
            row.InstitutionCode is null ? null : "/register/" + row.InstitutionCode,
            row.Hold);
    }

    private static PrintedRow Row(string label, string asIssued, string? now) => new(label, asIssued, now is null || now == asIssued ? null : now);

    public static VerifyViewModel NotIssued() => new(Verdict.NotIssued, null, null, null, null, null, null, null, null, null, null, null, [], null);
}
