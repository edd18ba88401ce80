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
    DateOnly? HeldUntil = null,
    string? OfficeTelephone = null,
    DateTime? CheckedAt = null,
    string? FamilyKey = null);

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
public class VerifyController(SigningKeyStore keys, CertificateVerification verification) : Controller
{
    [HttpGet("/verify")]
    public async Task<IActionResult> Index([FromQuery] VerifyForm form, [FromServices] PortalDbContext db, [FromServices] Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        // First visit: no fields in the query. A submit sends both, possibly empty: each gets a message, what was typed stays.
        if (!Request.Query.ContainsKey(nameof(VerifyForm.Number)) && !Request.Query.ContainsKey(nameof(VerifyForm.Code)))
        {
            return View(form);
        }

        var number = form.Number?.Trim();
        if (string.IsNullOrEmpty(number) && string.IsNullOrWhiteSpace(form.Code))
        {
            ModelState.AddModelError(nameof(VerifyForm.Number), l["Verify.EnterBoth"]);
            return View(form);
        }

        if (string.IsNullOrEmpty(number) || number.Length > 20)
        {
            ModelState.AddModelError(nameof(VerifyForm.Number), l["Verify.EnterNumber"]);
        }

        if (!UnifiedSocialCreditCode.TryParse(form.Code, out var code))
        {
            ModelState.AddModelError(nameof(VerifyForm.Code), l["Verify.BadCode"]);
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var hash = await db.Certificates.AsNoTracking().Where(c => c.Number == number && c.Code == code.Value).Select(c => c.TokenSha256).SingleOrDefaultAsync(ct);
        if (hash is null)
        {
            // Not the QR-tampering verdict: the person typed a pair that matches nothing.
            ViewData["NoMatch"] = true;
            return View(form);
        }

        return View("Result", await verification.ForHashAsync(hash, ct));
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
public sealed class CertificateVerification(IServiceProvider services, PreparedReads reads, TimeProvider clock, Portal.Infrastructure.Observability.PortalMetrics metrics)
{
    /// <summary>A token, or a URL or text with the token in it (what a scanner hands over).</summary>
    public async Task<VerifyViewModel> ForTokenAsync(string? tokenOrUrl, CancellationToken ct)
    {
        var clean = CertificateTokens.Extract(tokenOrUrl);
        return Counted(clean is null ? NotIssued() : await LookupAsync(CertificateTokens.Sha256(clean), ct));
    }

    /// <summary>The verdict on a token's hash (the page a verify link opens).</summary>
    public async Task<VerifyViewModel> ForHashAsync(string hash, CancellationToken ct) => Counted(await LookupAsync(hash, ct));

    private VerifyViewModel Counted(VerifyViewModel model)
    {
        metrics.Verdict(model.Verdict.ToString());
        return model;
    }

    /// <summary>
    /// One statement, every table reached by its key: the certificate by its token hash (unique index),
    /// its institution, office and successor by primary key. (Correlated "FirstOrDefault" sub-selects here
    /// were translated into a window function over the whole register: 4–13 s per scan at a million.)
    /// On the embedded database it runs as a prepared statement (<see cref="PreparedReads"/>); elsewhere as
    /// a compiled EF Core query. A test runs both and compares them.
    /// </summary>
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<VerifyRow?>> ByHashCompiled = EF.CompileAsyncQuery(
        (PortalDbContext db, string hash, CancellationToken ct) =>
            (from c in db.Certificates.AsNoTracking()
             where c.TokenSha256 == hash
             join i in db.Institutions on c.InstitutionId equals i.Id
             join o in db.Offices on c.OfficeId equals o.Id
             join pf in db.FundingSources on c.Printed.FundingSourceCode equals pf.Code
             join cf in db.FundingSources on i.Current.FundingSourceCode equals cf.Code
             from s in db.Certificates.Where(s => s.Id == c.SuccessorId).DefaultIfEmpty()
             select new VerifyRow(
                 c.Number, c.Code, c.ValidFrom, c.ValidUntil, c.IssuedOn, c.EndedOn, c.Status, c.VoidReason, c.OfficeNameZh, o.NameEn,
                 new ItemsShown(c.Printed.Name, c.Printed.SecondName, c.Printed.Domicile, c.Printed.PurposeAndScope, c.Printed.LegalRepresentative, c.Printed.StartupCapital, c.Printed.Sponsor, pf.NameZh, pf.NameEn),
                 new ItemsShown(i.Current.Name, i.Current.SecondName, i.Current.Domicile, i.Current.PurposeAndScope, i.Current.LegalRepresentative, i.Current.StartupCapital, i.Current.Sponsor, cf.NameZh, cf.NameEn),
                 i.HoldCorrectBy, i.Code, s == null ? null : s.Token, s == null ? null : s.Number, o.Telephone))
            .FirstOrDefault());

    public const string ByHashSql = """
        SELECT c.Number, c.Code, c.ValidFrom, c.ValidUntil, c.IssuedOn, c.EndedOn, c.Status, c.VoidReason, c.OfficeNameZh, o.NameEn,
               c.PrintedName, c.PrintedSecondName, c.PrintedDomicile, c.PrintedPurposeAndScope, c.PrintedLegalRepresentative, c.PrintedStartupCapital, c.PrintedSponsor, pf.NameZh, pf.NameEn,
               i.Name, i.SecondName, i.Domicile, i.PurposeAndScope, i.LegalRepresentative, i.StartupCapital, i.Sponsor, cf.NameZh, cf.NameEn,
               i.HoldCorrectBy, i.Code, s.Token, s.Number, o.Telephone
        FROM Certificates c
        JOIN Institutions i ON i.Id = c.InstitutionId
        JOIN Offices o ON o.Id = c.OfficeId
        JOIN FundingSources pf ON pf.Code = c.PrintedFundingSourceCode
        JOIN FundingSources cf ON cf.Code = i.FundingSourceCode
        LEFT JOIN Certificates s ON s.Id = c.SuccessorId
        WHERE c.TokenSha256 = $hash
        LIMIT 1
        """;

    private static VerifyRow Map(Microsoft.Data.Sqlite.SqliteDataReader r)
    {
        static DateOnly Day(Microsoft.Data.Sqlite.SqliteDataReader r, int i) => DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        static DateOnly? MaybeDay(Microsoft.Data.Sqlite.SqliteDataReader r, int i) => r.IsDBNull(i) ? null : Day(r, i);
        static string? Text(Microsoft.Data.Sqlite.SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
        static ItemsShown Items(Microsoft.Data.Sqlite.SqliteDataReader r, int i) =>
            new(r.GetString(i), Text(r, i + 1), r.GetString(i + 2), r.GetString(i + 3), r.GetString(i + 4), r.GetInt64(i + 5) / 100m, r.GetString(i + 6), r.GetString(i + 7), r.GetString(i + 8));
        return new VerifyRow(
            r.GetString(0), r.GetString(1), Day(r, 2), Day(r, 3), Day(r, 4), MaybeDay(r, 5), Enum.Parse<CertificateStatus>(r.GetString(6)),
            r.IsDBNull(7) ? null : Enum.Parse<VoidReason>(r.GetString(7)), r.GetString(8), Text(r, 9), Items(r, 10), Items(r, 19), MaybeDay(r, 28), r.GetString(29), Text(r, 30), Text(r, 31), Text(r, 32));
    }

    /// <summary>What the verify page shows of the registered items: never the identity number.</summary>
    public sealed record ItemsShown(string Name, string? SecondName, string Domicile, string PurposeAndScope, string LegalRepresentative, decimal StartupCapital, string Sponsor, string FundingZh, string FundingEn);

    public sealed record VerifyRow(
        string Number, string Code, DateOnly ValidFrom, DateOnly ValidUntil, DateOnly IssuedOn, DateOnly? EndedOn,
        CertificateStatus Status, VoidReason? VoidReason, string OfficeNameZh, string? OfficeEn, ItemsShown Printed, ItemsShown? Current,
        DateOnly? Hold, string? InstitutionCode, string? SuccessorToken, string? SuccessorNumber, string? OfficeTelephone);

    public Task<VerifyRow?> RowAsync(string hash, CancellationToken ct) =>
        reads.IsAvailable ? reads.FirstAsync(ByHashSql, Map, ct, ("$hash", hash)) : RowViaEfAsync(hash, ct);

    /// <summary>The server databases' path (and, in a test, the check that the prepared path reads the same).</summary>
    public Task<VerifyRow?> RowViaEfAsync(string hash, CancellationToken ct) => ByHashCompiled(services.GetRequiredService<PortalDbContext>(), hash, ct);

    private async Task<VerifyViewModel> LookupAsync(string hash, CancellationToken ct)
    {
        var english = Cultures.IsEnglish;
        var row = await RowAsync(hash, ct);
        if (row is null)
        {
            // Not an institution's certificate: an agency's 《统一社会信用代码证书》, or none (one more indexed lookup, misses only).
            return await AgencyLookupAsync(hash, ct) ?? NotIssued();
        }

        var today = clock.TodayInChina();
        var status = CertificateStatuses.On(row.Status, row.ValidUntil, today);
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
            Row("Item.FundingSource", english ? row.Printed.FundingEn : row.Printed.FundingZh, english ? row.Current?.FundingEn : row.Current?.FundingZh),
            Row("Item.StartupCapital", row.Printed.StartupCapital.ToString("0.00"), row.Current?.StartupCapital.ToString("0.00")),
            Row("Item.Sponsor", row.Printed.Sponsor, row.Current?.Sponsor),
        };
        return new VerifyViewModel(
            verdict, row.Number, row.Code, row.Printed.Name, row.ValidFrom, row.ValidUntil, row.IssuedOn,
            status == CertificateStatus.Expired ? row.EndedOn ?? row.ValidUntil.AddDays(1) : row.EndedOn,
            row.VoidReason,
            english && row.OfficeEn is not null ? row.OfficeEn : row.OfficeNameZh,
            row.SuccessorToken is null ? null : "/v/" + row.SuccessorToken,
            row.SuccessorNumber,
            printed,
            row.InstitutionCode is null ? null : "/register/" + row.InstitutionCode,
            row.Hold,
            row.OfficeTelephone,
            clock.GetUtcNow().ToOffset(LocalDay.ChinaOffset).DateTime);
    }

    /// <summary>An agency's certificate by its token hash: the same verdicts, its own wording and printed items (the person in charge by name only).</summary>
    private async Task<VerifyViewModel?> AgencyLookupAsync(string hash, CancellationToken ct)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var row = await (
            from c in db.AgencyCertificates.AsNoTracking()
            where c.TokenSha256 == hash
            join a in db.Agencies on c.AgencyId equals a.Id
            join o in db.Offices on c.OfficeId equals o.Id
            from s in db.AgencyCertificates.Where(s => s.Id == c.SuccessorId).DefaultIfEmpty()
            select new
            {
                c.Number, c.Code, c.IssuedOn, c.ValidUntil, c.EndedOn, c.Status, c.VoidReason, c.OfficeNameZh, OfficeEn = o.NameEn, o.Telephone,
                PrintedName = c.Printed.Name, PrintedSecond = c.Printed.SecondName, c.Printed.Category, PrintedFunctions = c.Printed.Functions,
                PrintedAddress = c.Printed.Address, PrintedHead = c.Printed.PersonInCharge,
                NowName = a.Current.Name, NowSecond = a.Current.SecondName, NowFunctions = a.Current.Functions, NowAddress = a.Current.Address, NowHead = a.Current.PersonInCharge,
                SuccessorToken = s == null ? null : s.Token, SuccessorNumber = s == null ? null : s.Number,
            }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var today = clock.TodayInChina();
        var status = CertificateStatuses.On(row.Status, row.ValidUntil, today);
        static string Named(string name, string? second) => name + (string.IsNullOrEmpty(second) ? string.Empty : $"（{second}）");
        var printed = new List<PrintedRow>
        {
            Row("Agency.Name", Named(row.PrintedName, row.PrintedSecond), Named(row.NowName, row.NowSecond)),
            Row("Agency.Category", services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["AgencyCategory." + row.Category].Value, null),
            Row("Agency.Functions", row.PrintedFunctions, row.NowFunctions),
            Row("Agency.Address", row.PrintedAddress, row.NowAddress),
            Row("Agency.PersonInCharge", row.PrintedHead, row.NowHead),
        };
        return new VerifyViewModel(
            status switch
            {
                CertificateStatus.Valid => Verdict.Valid,
                CertificateStatus.Superseded => Verdict.Superseded,
                CertificateStatus.Voided => Verdict.Voided,
                _ => Verdict.Expired,
            },
            row.Number, row.Code, row.PrintedName, row.IssuedOn, row.ValidUntil, row.IssuedOn,
            status == CertificateStatus.Expired ? row.EndedOn ?? row.ValidUntil?.AddDays(1) : row.EndedOn,
            row.VoidReason,
            Cultures.IsEnglish && row.OfficeEn is not null ? row.OfficeEn : row.OfficeNameZh,
            row.SuccessorToken is null ? null : "/v/" + row.SuccessorToken,
            row.SuccessorNumber,
            printed,
            "/register/" + row.Code,
            null,
            row.Telephone,
            clock.GetUtcNow().ToOffset(LocalDay.ChinaOffset).DateTime,
            "Verify.Family." + row.Category);
    }

    private static PrintedRow Row(string label, string asIssued, string? now) => new(label, asIssued, now is null || now == asIssued ? null : now);

    public static VerifyViewModel NotIssued() => new(Verdict.NotIssued, null, null, null, null, null, null, null, null, null, null, null, [], null);
}
