using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.AnnualReports;
using Portal.Domain.Certificates;
using Portal.Domain.Codes;
using Portal.Domain;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;
using Portal.Web.Features.AnnualReports;
using Portal.Web.Features.Filings;
using Portal.Web.Features.Verify;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Api;

public sealed record ApiCertificate(string Number, string Status, DateOnly ValidFrom, DateOnly ValidUntil, DateOnly IssuedOn, DateOnly? EndedOn, string? SuccessorNumber);

public sealed record ApiInstitution(
    string Code, string Name, string? SecondName, string Status, DateOnly RegisteredOn, DateOnly? EndedOn, string Domicile, string PurposeAndScope,
    string LegalRepresentative, string FundingSource, decimal StartupCapital, string Sponsor, string Office, string? CertificateNumber,
    DateOnly? CertificateValidUntil, DateOnly? HeldUntil);

public sealed record LookupRequest([Required, MaxLength(ApiV1Controller.MaxLookup)] List<string> Codes);

/// <param name="Result">found, not_found or invalid_code.</param>
/// <param name="Agency">For a code of an organ, people's organisation or other body (机关、群团赋码), its items; Institution is then null.</param>
public sealed record LookupResult(string Input, string Result, ApiInstitution? Institution, ApiAgency? Agency = null);

public sealed record VerifyRequest([Required, MaxLength(4096)] string Token);

public sealed record VerifyResult(string Verdict, string? Number, string? Code, string? Name, DateOnly? ValidFrom, DateOnly? ValidUntil, DateOnly? IssuedOn, DateOnly? EndedOn,
    string? VoidReason, string? SuccessorNumber, DateOnly? HeldUntil);

public sealed record FeedItem(string Cursor, string Kind, string Code, DateTime OccurredUtc, JsonElement Data);

public sealed record FeedPage(IReadOnlyList<FeedItem> Events, string? Next, bool HasMore);

public sealed record ApiAttachment([Required] ReportAttachmentKind Kind, [Required, MaxLength(200)] string FileName, [Required] string ContentBase64);

public sealed class ApiReportRequest
{
    [Required]
    public string Code { get; set; } = string.Empty;

    public int Year { get; set; }

    /// <summary>False saves a draft; true submits (all required sections and documents present).</summary>
    public bool Submit { get; set; }

    [Required]
    public ReportForm Report { get; set; } = new();

    [MaxLength(FilingMaterials.MaxAttachmentsPerFiling)]
    public List<ApiAttachment> Attachments { get; set; } = [];
}

public sealed record ApiReportResult(Guid Id, string Code, int Year, int Version, string State, bool Late, IReadOnlyList<string> MissingBeforeSubmission);

/// <summary>
/// The register for other systems: OAuth 2 bearer tokens from this portal's server, one scope per
/// kind of use, RFC 9457 problem details for every error, a per-client rate limit.
/// </summary>
[ApiController]
[Route("api/v1")]
[IgnoreAntiforgeryToken] // bearer tokens, not cookies: nothing for a forged cross-site form to ride on
[EnableRateLimiting(RateLimits.Api)]
public class ApiV1Controller(PortalDbContext db, CertificateVerification verification, FilingClocks clocks, IStringLocalizer<SharedResource> l) : ControllerBase
{
    public const int MaxLookup = 1000;
    public const int MaxFeedPage = 1000;

    /// <summary>An institution's public registered items and status (identity numbers are never part of it).</summary>
    [HttpGet("institutions/{code}")]
    [Authorize(Policy = "api:" + ApiScopes.RegisterRead)]
    [ProducesResponseType<ApiInstitution>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Institution(string code, CancellationToken ct)
    {
        if (!UnifiedSocialCreditCode.TryParse(code, out var parsed))
        {
            return Problem(statusCode: 400, title: l["Api.InvalidCode"]);
        }

        var found = await InstitutionsAsync([parsed.Value], ct);
        return found.TryGetValue(parsed.Value, out var institution) ? Ok(institution) : Problem(statusCode: 404, title: l["Api.NotFound"]);
    }

    /// <summary>Up to 1,000 codes at once, of either family; one result per code, in the order given.</summary>
    [HttpPost("institutions/lookup")]
    [Authorize(Policy = "api:" + ApiScopes.RegisterRead)]
    [ProducesResponseType<List<LookupResult>>(200)]
    public async Task<IActionResult> Lookup(LookupRequest request, CancellationToken ct)
    {
        var parsed = request.Codes.Select(c => (Input: c, Ok: UnifiedSocialCreditCode.TryParse(c, out var code), Code: code.Value)).ToList();
        var found = await InstitutionsAsync(parsed.Where(p => p.Ok).Select(p => p.Code!).Distinct().ToList(), ct);
        var agencies = await AgencyApiController.AgenciesAsync(db, parsed.Where(p => p.Ok && !found.ContainsKey(p.Code!)).Select(p => p.Code!).Distinct().ToList(), clocks.Today, ct);
        return Ok(parsed.Select(p => !p.Ok ? new LookupResult(p.Input, "invalid_code", null)
            : found.TryGetValue(p.Code!, out var i) ? new LookupResult(p.Input, "found", i)
            : agencies.TryGetValue(p.Code!, out var a) ? new LookupResult(p.Input, "found", null, a)
            : new LookupResult(p.Input, "not_found", null)).ToList());
    }

    /// <summary>A certificate's status, validity and successor.</summary>
    [HttpGet("certificates/{number}")]
    [Authorize(Policy = "api:" + ApiScopes.CertificatesVerify)]
    [ProducesResponseType<ApiCertificate>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Certificate(string number, CancellationToken ct)
    {
        var c = await db.Certificates.AsNoTracking().Where(x => x.Number == number)
            .Select(x => new { x.Number, x.Status, x.ValidFrom, x.ValidUntil, x.IssuedOn, x.EndedOn, Successor = db.Certificates.Where(s => s.Id == x.SuccessorId).Select(s => s.Number).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (c is null)
        {
            return Problem(statusCode: 404, title: l["Api.NotFound"]);
        }

        var status = CertificateStatuses.On(c.Status, c.ValidUntil, clocks.Today);
        return Ok(new ApiCertificate(c.Number, status.ToString(), c.ValidFrom, c.ValidUntil, c.IssuedOn, status == CertificateStatus.Expired ? c.EndedOn ?? c.ValidUntil.AddDays(1) : c.EndedOn, c.Successor));
    }

    /// <summary>A scanned QR token (or the whole URL) in; the verify page's verdict out.</summary>
    [HttpPost("certificates/verify")]
    [Authorize(Policy = "api:" + ApiScopes.CertificatesVerify)]
    [ProducesResponseType<VerifyResult>(200)]
    public async Task<IActionResult> Verify(VerifyRequest request, CancellationToken ct)
    {
        var v = await verification.ForTokenAsync(request.Token, ct);
        return Ok(new VerifyResult(Snake(v.Verdict.ToString()), v.Number, v.Code, v.Name, v.ValidFrom, v.ValidUntil, v.IssuedOn, v.EndedOn, v.VoidReason?.ToString(), v.SuccessorNumber, v.HeldUntil));
    }

    /// <summary>
    /// The register's events in order. Pass the last cursor you processed as <c>after</c>; events are
    /// numbered inside the transaction that writes them, so no event becomes visible after a later one.
    /// </summary>
    [HttpGet("feed")]
    [Authorize(Policy = "api:" + ApiScopes.FeedRead)]
    [ProducesResponseType<FeedPage>(200)]
    public async Task<IActionResult> Feed(string? after, int limit = 100, CancellationToken ct = default)
    {
        long from = 0;
        if (!string.IsNullOrEmpty(after) && (!long.TryParse(after, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out from) || from < 0))
        {
            return Problem(statusCode: 400, title: l["Api.BadCursor"]);
        }

        if (limit is < 1 or > MaxFeedPage)
        {
            return Problem(statusCode: 400, title: l["Api.BadLimit", MaxFeedPage]);
        }

        var rows = await db.FeedEvents.AsNoTracking().Where(e => e.Sequence > from).OrderBy(e => e.Sequence).Take(limit + 1).ToListAsync(ct);
        var page = rows.Take(limit).Select(e => new FeedItem(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Kind, e.Code,
            DateTime.SpecifyKind(e.OccurredUtc, DateTimeKind.Utc), JsonDocument.Parse(e.Data).RootElement.Clone())).ToList();
        return Ok(new FeedPage(page, page.Count > 0 ? page[^1].Cursor : after, rows.Count > limit));
    }

    /// <summary>A sponsor's client saves or submits last year's annual report for an institution it acts for.</summary>
    [HttpPost("annual-reports")]
    [Authorize(Policy = "api:" + ApiScopes.ReportsSubmit)]
    [RequestSizeLimit(40_000_000)]
    [ProducesResponseType<ApiReportResult>(200)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public async Task<IActionResult> SubmitReport(ApiReportRequest request, CancellationToken ct)
    {
        var clientId = User.ClientId()!;
        var client = await db.ApiClients.AsNoTracking().SingleAsync(c => c.ClientId == clientId, ct);
        var institution = UnifiedSocialCreditCode.TryParse(request.Code, out var code)
            ? await db.Institutions.Include(i => i.Versions).SingleOrDefaultAsync(i => i.Code == code.Value
                && db.ApiClientInstitutions.Any(a => a.ClientId == clientId && a.InstitutionId == i.Id), ct)
            : null;
        if (institution is null)
        {
            // Not one of the client's institutions, or no such institution: the same answer, so codes cannot be probed.
            return Problem(statusCode: 403, title: l["Api.NotYourInstitution"]);
        }

        if (request.Year != clocks.Today.Year - 1)
        {
            ModelState.AddModelError(nameof(request.Year), l["Api.ReportYear", clocks.Today.Year - 1]);
        }

        request.Report.AddNumberErrors(ModelState, l, "Report.");

        if (request.Report.ConfirmedOn is { } confirmed && (confirmed > clocks.Today || confirmed.Year < request.Year))
        {
            ModelState.AddModelError("Report.ConfirmedOn", l["Validation.DateNotFuture", l["Report.ConfirmedOn"]]);
        }

        var files = new List<(ApiAttachment Attachment, byte[] Bytes, UploadVerdict Verdict)>();
        for (var i = 0; i < request.Attachments.Count; i++)
        {
            var a = request.Attachments[i];
            var bytes = new byte[a.ContentBase64.Length * 3 / 4 + 3];
            if (!Enum.IsDefined(a.Kind) || !Convert.TryFromBase64String(a.ContentBase64, bytes, out var length))
            {
                ModelState.AddModelError($"Attachments[{i}]", l["Error." + UploadInspector.ErrorType]);
                continue;
            }

            bytes = bytes[..length];
            var verdict = UploadInspector.Inspect(bytes, a.FileName, FilingMaterials.MaxAttachmentBytes);
            if (!verdict.Accepted)
            {
                ModelState.AddModelError($"Attachments[{i}]", l["Error." + verdict.ErrorCode]);
                continue;
            }

            files.Add((a, bytes, verdict));
        }

        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        var actor = new FilingActor(clientId, client.Name, FilingRole.Applicant);
        var report = await db.AnnualReports.Include(r => r.Attachments).Include(r => r.Events)
            .Where(r => r.InstitutionId == institution.Id && r.Year == request.Year).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        try
        {
            if (report is null)
            {
                report = AnnualReport.Start(institution.Id, institution.OfficeId, request.Year, new ReportContent(), actor, clocks.NowUtc);
                db.AnnualReports.Add(report);
            }

            report.SaveDraft(request.Report.ToContent(), request.Report.ToConfirmation());
            foreach (var (a, bytes, verdict) in files)
            {
                var stored = StoredFile.Create(bytes, clocks.NowUtc);
                db.StoredFiles.Add(stored);
                report.Attach(a.Kind, verdict.SafeFileName, verdict.ContentType!, bytes.Length, verdict.Sha256!, stored.Id, clocks.NowUtc);
            }

            if (request.Submit)
            {
                var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == institution.OfficeId, ct);
                report.Submit(actor, office.ReportWindow(report.Year), clocks.Today, clocks.NowUtc);
                await ReportSubmission.TakeOffAbnormalListAsync(db, report, clocks.Today, ct);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException ex)
        {
            return Problem(statusCode: 422, title: l["Error." + ex.Code], type: "urn:portal:error:" + ex.Code);
        }

        return Ok(new ApiReportResult(report.Id, institution.Code, report.Year, report.Version, report.State.ToString(), report.Late, report.ProblemsBeforeSubmission()));
    }

    private async Task<Dictionary<string, ApiInstitution>> InstitutionsAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        var rows = await db.Institutions.AsNoTracking().Where(i => codes.Contains(i.Code))
            .Select(i => new { i.Code, i.Current, i.Status, i.RegisteredOn, i.EndedOn, i.OfficeId, i.CertificateNumber, i.CertificateValidUntil, i.HoldCorrectBy })
            .ToListAsync(ct);
        var offices = (await Shared.ReferenceNames.OfficesAsync(db, ct)).ToDictionary(o => o.Key, o => Cultures.Pick(o.Value.Zh, o.Value.En));
        var funding = await Shared.ReferenceNames.FundingSourcesAsync(db, ct);
        return rows.ToDictionary(r => r.Code, r => new ApiInstitution(
            r.Code, r.Current.Name, r.Current.SecondName, r.Status.ToString(), r.RegisteredOn, r.EndedOn, r.Current.Domicile, r.Current.PurposeAndScope,
            r.Current.LegalRepresentative, funding.TryGetValue(r.Current.FundingSourceCode, out var f) ? Cultures.Pick(f.Zh, f.En) : r.Current.FundingSourceCode,
            r.Current.StartupCapital, r.Current.Sponsor, offices.GetValueOrDefault(r.OfficeId) ?? string.Empty, r.CertificateNumber, r.CertificateValidUntil, r.HoldCorrectBy));
    }

    private static string Snake(string pascal) => string.Concat(pascal.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
