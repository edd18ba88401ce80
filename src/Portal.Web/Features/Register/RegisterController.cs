using Portal.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.AnnualReports;
using Portal.Domain.Certificates;
using Portal.Domain.Codes;
using Portal.Domain.Institutions;
using Portal.Domain.Oversight;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Register;

public sealed record PublicReportRow(Guid Id, int Year, int Version, DateOnly? PublishedOn, bool Late);

public sealed record PublicActionRow(EnforcementKind Kind, DateOnly TakenOn, string Reasons, DateOnly? CorrectBy);

public sealed record PublicProfileViewModel(
    string Code, string Name, InstitutionStatus Status, DateOnly RegisteredOn, DateOnly? EndedOn, string OfficeName,
    RegisteredItemsViewModel Items, string? CertificateNumber, CertificateStatus? CertificateStatus, DateOnly? CertificateValidUntil,
    DateOnly? HoldCorrectBy, IReadOnlyList<PublicReportRow> Reports, IReadOnlyList<PublicActionRow> Actions);

public sealed record PublishedListRow(Guid Id, string Name, string Code, int Year, int Version, DateOnly? PublishedOn);

public sealed record AbnormalRow(string Name, string Code, int Year, DateOnly ListedOn, DateOnly? RemovedOn);

public sealed record SpotCheckPublicRow(int Year, DateOnly ClosedOn, string Seed, decimal Percentage, int Population, IReadOnlyList<(string Name, string Code, SpotCheckResult Result, string? Note)> Items);

/// <summary>What anyone may see (domain.md, public information): never identity numbers, attachments, drafts or registrar notes.</summary>
[AllowAnonymous]
public class RegisterController(PortalDbContext db, IConfiguration configuration, TimeProvider clock) : Controller
{
    [HttpGet("/register/{code}")]
    public async Task<IActionResult> Profile(string code, CancellationToken ct)
    {
        if (!UnifiedSocialCreditCode.TryParse(code, out var parsed))
        {
            return NotFound();
        }

        var institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Code == parsed.Value, ct);
        if (institution is null)
        {
            return NotFound();
        }

        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == institution.OfficeId, ct);
        var funding = await ReferenceNames.FundingSourcesAsync(db, ct);
        var certificate = await db.Certificates.AsNoTracking().Where(c => c.InstitutionId == institution.Id).OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Number)
            .Select(c => new { c.Number, c.Status, c.ValidUntil }).FirstOrDefaultAsync(ct);
        var today = clock.TodayInChina();
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.InstitutionId == institution.Id && r.State == ReportState.Published)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Version)
            .Select(r => new PublicReportRow(r.Id, r.Year, r.Version, r.PublishedOn, r.Late)).ToListAsync(ct);
        var actions = (await db.EnforcementActions.AsNoTracking().Where(a => a.InstitutionId == institution.Id && a.Kind != EnforcementKind.Warning)
            .OrderByDescending(a => a.CreatedUtc).ToListAsync(ct))
            .Select(a => new PublicActionRow(a.Kind, a.TakenOn, a.Reasons, a.CorrectBy)).ToList();
        return View(new PublicProfileViewModel(
            institution.Code, institution.Current.Name, institution.Status, institution.RegisteredOn, institution.EndedOn,
            Cultures.Pick(office.NameZh, office.NameEn), RegisteredItemsViewModel.From(institution.Current, funding, false),
            certificate?.Number ?? institution.CertificateNumber,
            certificate is null ? null : certificate.Status == Portal.Domain.Certificates.CertificateStatus.Valid && today > certificate.ValidUntil ? Portal.Domain.Certificates.CertificateStatus.Expired : certificate.Status,
            certificate?.ValidUntil ?? institution.CertificateValidUntil,
            institution.HoldCorrectBy, reports, actions));
    }

    [HttpGet("/reports")]
    public async Task<IActionResult> Published(int? year, CancellationToken ct)
    {
        var y = year ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).Year - 1;
        ViewData["Year"] = y;
        var rows = await db.AnnualReports.AsNoTracking().Where(r => r.Year == y && r.State == ReportState.Published)
            .Join(db.Institutions, r => r.InstitutionId, i => i.Id, (r, i) => new { r.Id, i.Current.Name, i.Code, r.Year, r.Version, r.PublishedOn })
            .OrderBy(r => r.Name).ThenBy(r => r.Version).Take(2000).ToListAsync(ct);
        return View(rows.Select(r => new PublishedListRow(r.Id, r.Name, r.Code, r.Year, r.Version, r.PublishedOn)).ToList());
    }

    [HttpGet("/reports/{id:guid}")]
    public async Task<IActionResult> Report(Guid id, CancellationToken ct)
    {
        // Only published reports exist for the public: drafts, submitted and returned ones are "not found".
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.State == ReportState.Published, ct);
        if (report is null)
        {
            return NotFound();
        }

        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == report.InstitutionId).Select(i => new { i.Current.Name, i.Code }).SingleAsync(ct);
        ViewData["Name"] = institution.Name;
        ViewData["Code"] = institution.Code;
        return View(report);
    }

    [HttpGet("/abnormal-list")]
    public async Task<IActionResult> Abnormal(CancellationToken ct)
    {
        if (!configuration.GetValue("Registry:PublishAbnormalList", false))
        {
            return NotFound();
        }

        var rows = await db.AbnormalList.AsNoTracking()
            .Join(db.Institutions, a => a.InstitutionId, i => i.Id, (a, i) => new { i.Current.Name, i.Code, a.Year, a.ListedOn, a.RemovedOn })
            .OrderByDescending(a => a.ListedOn).ThenBy(a => a.Name).Take(2000).ToListAsync(ct);
        return View(rows.Select(a => new AbnormalRow(a.Name, a.Code, a.Year, a.ListedOn, a.RemovedOn)).ToList());
    }

    [HttpGet("/spot-checks")]
    public async Task<IActionResult> SpotChecks(CancellationToken ct)
    {
        var checks = await db.SpotChecks.AsNoTracking().Include(s => s.Items).Where(s => s.ClosedOn != null).OrderByDescending(s => s.ClosedOn).Take(50).ToListAsync(ct);
        var ids = checks.SelectMany(c => c.Items).Select(i => i.InstitutionId).Distinct().ToList();
        var names = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Current.Name, ct);
        return View(checks.Select(c => new SpotCheckPublicRow(c.Year, c.ClosedOn!.Value, c.Seed, c.Percentage, c.PopulationSize,
            c.Items.OrderBy(i => i.DrawOrder).Select(i => (names[i.InstitutionId], i.Code, i.Result, i.Note)).ToList())).ToList());
    }
}
