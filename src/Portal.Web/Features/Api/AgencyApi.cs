using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Certificates;
using Portal.Domain.Codes;
using Portal.Infrastructure;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Api;

/// <summary>
/// An organ's, people's organisation's or other body's public items (机关、群团赋码): what its certificate shows, the person in
/// charge by name only, and its current 《统一社会信用代码证书》.
/// </summary>
public sealed record ApiAgency(
    string Code, string Name, string? SecondName, string Category, string Status, DateOnly RegisteredOn, DateOnly? CancelledOn,
    string Functions, string Address, string PersonInCharge, string EstablishingDocument, string Office,
    string? CertificateNumber, string? CertificateStatus, DateOnly? CertificateValidUntil);

/// <summary>The agencies' endpoints of API v1: the same scopes, problem details and rate limit as the institutions'.</summary>
[ApiController]
[Route("api/v1")]
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RateLimits.Api)]
public sealed class AgencyApiController(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : ControllerBase
{
    /// <summary>An agency by its code (second character 1, 3 or 9).</summary>
    [HttpGet("agencies/{code}")]
    [Authorize(Policy = "api:" + ApiScopes.RegisterRead)]
    [ProducesResponseType<ApiAgency>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Agency(string code, CancellationToken ct)
    {
        if (!UnifiedSocialCreditCode.TryParse(code, out var parsed))
        {
            return Problem(statusCode: 400, title: l["Api.InvalidCode"]);
        }

        var found = await AgenciesAsync(db, [parsed.Value], clock.TodayInChina(), ct);
        return found.TryGetValue(parsed.Value, out var agency) ? Ok(agency) : Problem(statusCode: 404, title: l["Api.NotFound"]);
    }

    public static async Task<Dictionary<string, ApiAgency>> AgenciesAsync(PortalDbContext db, IReadOnlyList<string> codes, DateOnly today, CancellationToken ct)
    {
        if (codes.Count == 0)
        {
            return [];
        }

        var rows = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code))
            .Select(a => new { a.Id, a.Code, a.Current, a.Status, a.RegisteredOn, a.CancelledOn, a.OfficeId })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var certificates = (await db.AgencyCertificates.AsNoTracking().Where(c => ids.Contains(c.AgencyId))
                .Select(c => new { c.AgencyId, c.Number, c.Status, c.ValidUntil, c.IssuedOn }).ToListAsync(ct))
            .GroupBy(c => c.AgencyId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Number).First());
        var offices = (await Shared.ReferenceNames.OfficesAsync(db, ct)).ToDictionary(o => o.Key, o => Cultures.Pick(o.Value.Zh, o.Value.En));
        return rows.ToDictionary(r => r.Code, r =>
        {
            var c = certificates.GetValueOrDefault(r.Id);
            var status = c is null ? (CertificateStatus?)null : CertificateStatuses.On(c.Status, c.ValidUntil, today);
            return new ApiAgency(r.Code, r.Current.Name, r.Current.SecondName, r.Current.Category.ToString(), r.Status.ToString(), r.RegisteredOn, r.CancelledOn,
                r.Current.Functions, r.Current.Address, r.Current.PersonInCharge, r.Current.EstablishingDocument, offices.GetValueOrDefault(r.OfficeId) ?? string.Empty,
                c?.Number, status?.ToString(), c?.ValidUntil);
        });
    }
}
