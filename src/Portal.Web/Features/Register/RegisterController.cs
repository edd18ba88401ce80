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
using Portal.Infrastructure.Search;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Register;

public sealed record PublicReportRow(Guid Id, int Year, int Version, DateOnly? PublishedOn, bool Late);

public sealed record PublicActionRow(EnforcementKind Kind, DateOnly TakenOn, string Reasons, DateOnly? CorrectBy);

public sealed record PublicProfileViewModel(
    string Code, string Name, InstitutionStatus Status, DateOnly RegisteredOn, DateOnly? EndedOn, string OfficeName,
    RegisteredItemsViewModel Items, string? CertificateNumber, CertificateStatus? CertificateStatus, DateOnly? CertificateValidUntil,
    DateOnly? HoldCorrectBy, IReadOnlyList<PublicReportRow> Reports, IReadOnlyList<PublicActionRow> Actions,
    IReadOnlyList<PublicChangeRow> Changes, IReadOnlyList<PublicAnnouncementRow> Announcements);

/// <summary>One changed item of an approved change; the legal representative by name only.</summary>
public sealed record PublicChangeRow(DateOnly EffectiveOn, Portal.Domain.Filings.RegisteredItem Item, string Old, string New);

public sealed record PublicAnnouncementRow(Guid Id, DateOnly PublishedOn, string Title);

public sealed record PublishedListRow(Guid Id, string Name, string Code, int Year, int Version, DateOnly? PublishedOn);

public sealed record PublishedListViewModel(int Year, IReadOnlyList<PublishedListRow> Rows, PagerViewModel Pager, bool MoreThan);

public sealed record AbnormalRow(string Name, string Code, int Year, DateOnly ListedOn, DateOnly? RemovedOn);

public sealed record SearchRow(string Code, string Name, InstitutionStatus Status, string Domicile, string Office, string? FormerName);

public sealed record SearchViewModel(string? Query, InstitutionStatus? Status, Guid? Office, string? Sponsor, string? Funding,
    IReadOnlyList<(Guid Id, string Name)> Offices, IReadOnlyList<(string Code, string Name)> FundingSources, IReadOnlyList<SearchRow> Rows, PagerViewModel Pager, bool MoreThan = false, OpenDataInfo? OpenData = null, int MoreThanLimit = RegisterSearch.ExactLimit,
    RegisterFamily? Family = null, IReadOnlyList<Portal.Web.Features.Agencies.AgencySearchRow>? Agencies = null);

/// <summary>The register's two families: institutions, and the agencies the office gives codes to (机关、群团赋码).</summary>
public enum RegisterFamily
{
    Institution,
    Organ,
    PeopleOrganisation,
    Other,
}

public sealed record OpenDataInfo(DateOnly Day, int Rows, DateTime CreatedUtc);

public sealed record SpotCheckPublicRow(int Year, DateOnly ClosedOn, string Seed, decimal Percentage, int Population, IReadOnlyList<(string Name, string Code, SpotCheckResult Result, string? Note)> Items);

/// <summary>What anyone may see (domain.md, public information): never identity numbers, attachments, drafts or registrar notes.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Portal.Web.Infrastructure.RateLimits.Public)]
[AllowAnonymous]
public class RegisterController(PortalDbContext db, RegisterSearch search, IConfiguration configuration, TimeProvider clock) : Controller
{
    private const int PageSize = 20;
    private const int MoreThanPages = PublicListing.MaxPages;

    private static string? WithoutControls(string? text) =>
        text is null || !text.Any(char.IsControl) ? text : new string([.. text.Where(c => !char.IsControl(c))]);

    /// <summary>
    /// The public register: by name substring (any length, including two Chinese characters), by unified
    /// social credit code (exact, forgiving about case and spaces), by legacy certificate number, and by a
    /// former name (shown as "formerly …"); filters for status, office, sponsor and funding source.
    /// </summary>
    [HttpGet("/register")]
    public async Task<IActionResult> Search(string? q, InstitutionStatus? status, Guid? office, string? sponsor, string? funding, RegisterFamily? family, int page = 1, CancellationToken ct = default)
    {
        page = PagerViewModel.Clamp(page);
        if (family is { } fam && !Enum.IsDefined(fam))
        {
            family = null;
        }

        if (family is RegisterFamily.Organ or RegisterFamily.PeopleOrganisation or RegisterFamily.Other)
        {
            return await AgencySearchAsync(WithoutControls(q)?.Trim(), family.Value, office, page, ct);
        }

        // Nothing in the register holds a control character (forms refuse them), and a server database may
        // refuse one in a query (PostgreSQL text cannot hold NUL): such characters match nothing, so they go.
        (q, sponsor, funding) = (WithoutControls(q), WithoutControls(sponsor), WithoutControls(funding));
        var term = q?.Trim();
        if (term is { Length: > 100 })
        {
            term = term[..100];
        }

        var query = db.Institutions.AsNoTracking();
        if (status is { } st && Enum.IsDefined(st))
        {
            query = query.Where(i => i.Status == st);
        }

        if (office is { } o)
        {
            query = query.Where(i => i.OfficeId == o);
        }

        if (!string.IsNullOrWhiteSpace(sponsor))
        {
            // The sponsor's full name (suggested from the register's sponsors): an index lookup. "Contains"
            // would read every institution of the register for each such search.
            var sp = sponsor.Trim();
            query = query.Where(i => i.Current.Sponsor == sp);
        }

        if (!string.IsNullOrWhiteSpace(funding))
        {
            query = query.Where(i => i.Current.FundingSourceCode == funding);
        }

        var rows = new List<SearchRow>();
        var total = 0;
        var moreThan = false;
        int? browseLimit = null;
        var isName = !string.IsNullOrEmpty(term) && !UnifiedSocialCreditCode.TryParse(term, out _) && !term.StartsWith("事证", StringComparison.Ordinal);
        if (isName)
        {
            // Names go through the full-text index (ADR 0003); codes and legacy numbers are exact lookups below.
            var request = new RegisterQuery(term!, status is { } s1 && Enum.IsDefined(s1) ? s1 : null, office, sponsor, funding, page, PageSize);
            var result = await search.SearchNamesAsync(request, ct);
            if (result.TotalIsLowerBound && page > MoreThanPages)
            {
                page = MoreThanPages;
                result = await search.SearchNamesAsync(request with { Page = page }, ct);
            }

            var officeNames = await OfficeNamesAsync(ct);
            total = result.Total;
            moreThan = result.TotalIsLowerBound;
            rows = result.Hits.Select(h => new SearchRow(h.Code, h.Name, h.Status, h.Domicile, officeNames.GetValueOrDefault(h.OfficeId) ?? string.Empty, h.FormerName)).ToList();
        }
        else if (!string.IsNullOrEmpty(term) || status is not null || office is not null || !string.IsNullOrWhiteSpace(sponsor) || !string.IsNullOrWhiteSpace(funding))
        {
            if (UnifiedSocialCreditCode.TryParse(term, out var code))
            {
                query = query.Where(i => i.Code == code.Value);
            }
            else if (!string.IsNullOrEmpty(term))
            {
                query = query.Where(i => i.LegacyCertificateNumber == term);
            }

            // Bounded for anonymous callers: at most MoreThanPages pages, counted no further than that, so
            // no request walks the register (issue 12, finding 9); a person narrows the search instead.
            (total, moreThan, page) = await PublicListing.BoundAsync(query, page, PageSize, ct);
            browseLimit = PublicListing.MaxPages * PageSize;
            var found = await query.OrderBy(i => i.NameKey).ThenBy(i => i.Code)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(i => new { i.Code, i.Current.Name, i.Status, i.Current.Domicile, i.OfficeId })
                .ToListAsync(ct);
            var officeNames = await OfficeNamesAsync(ct);
            rows = found.Select(f => new SearchRow(f.Code, f.Name, f.Status, f.Domicile, officeNames.GetValueOrDefault(f.OfficeId) ?? string.Empty, null)).ToList();
        }

        var offices = (await OfficeNamesAsync(ct)).Select(kv => (kv.Key, kv.Value)).OrderBy(kv => kv.Value).ToList();
        var fundingNames = (await ReferenceNames.FundingSourcesAsync(db, ct)).Select(kv => (kv.Key, Cultures.Pick(kv.Value.Zh, kv.Value.En))).ToList();
        if (moreThan)
        {
            // Deep pages of a dense query would walk most of the name index; a person narrows instead.
            total = Math.Min(total, MoreThanPages * PageSize);
        }

        var pager = new PagerViewModel(page, PageSize, total, "/register", new Dictionary<string, string?>
        {
            ["q"] = term, ["status"] = status?.ToString(), ["office"] = office?.ToString(), ["sponsor"] = sponsor, ["funding"] = funding, ["family"] = family?.ToString(),
        });
        var openData = await db.OpenDataFiles.AsNoTracking().Where(f => f.Complete).OrderByDescending(f => f.Day).Select(f => new OpenDataInfo(f.Day, f.Rows, f.CreatedUtc)).FirstOrDefaultAsync(ct);

        // Both families by default: a name or code that matches an organ or people's organisation is listed too (first page;
        // the institution-only filters — status, sponsor, funding — leave them out).
        IReadOnlyList<Portal.Web.Features.Agencies.AgencySearchRow>? agencies = null;
        if (family is null && page == 1 && !string.IsNullOrEmpty(term) && status is null && string.IsNullOrWhiteSpace(sponsor) && string.IsNullOrWhiteSpace(funding))
        {
            var code = UnifiedSocialCreditCode.TryParse(term, out var parsed) ? parsed.Value : null;
            agencies = (await Portal.Web.Features.Agencies.AgencyRegister.SearchAsync(db, term, code, null, office, 1, PageSize, await OfficeNamesAsync(ct), ct)).Rows;
        }

        return View(new SearchViewModel(term, status, office, sponsor, funding, offices, fundingNames, rows, pager, moreThan, openData, browseLimit ?? RegisterSearch.ExactLimit, family, agencies));
    }

    /// <summary>The register filtered to organs, people's organisations or other bodies: by name or code, paged and bounded.</summary>
    private async Task<IActionResult> AgencySearchAsync(string? term, RegisterFamily family, Guid? office, int page, CancellationToken ct)
    {
        if (term is { Length: > 100 })
        {
            term = term[..100];
        }

        var category = family switch
        {
            RegisterFamily.Organ => Portal.Domain.Agencies.AgencyCategory.Organ,
            RegisterFamily.PeopleOrganisation => Portal.Domain.Agencies.AgencyCategory.PeopleOrganisation,
            _ => Portal.Domain.Agencies.AgencyCategory.Other,
        };
        var officeNames = await OfficeNamesAsync(ct);
        var code = UnifiedSocialCreditCode.TryParse(term, out var parsed) ? parsed.Value : null;
        var (rows, total, moreThan, p) = await Portal.Web.Features.Agencies.AgencyRegister.SearchAsync(db, term, code, category, office, page, PageSize, officeNames, ct);
        var pager = new PagerViewModel(p, PageSize, total, "/register", new Dictionary<string, string?> { ["q"] = term, ["office"] = office?.ToString(), ["family"] = family.ToString() });
        var fundingNames = (await ReferenceNames.FundingSourcesAsync(db, ct)).Select(kv => (kv.Key, Cultures.Pick(kv.Value.Zh, kv.Value.En))).ToList();
        var openData = await db.OpenDataFiles.AsNoTracking().Where(f => f.Complete).OrderByDescending(f => f.Day).Select(f => new OpenDataInfo(f.Day, f.Rows, f.CreatedUtc)).FirstOrDefaultAsync(ct);
        return View("Search", new SearchViewModel(term, null, office, null, null, officeNames.Select(kv => (kv.Key, kv.Value)).OrderBy(kv => kv.Value).ToList(), fundingNames,
            [], pager, moreThan, openData, PublicListing.MaxPages * PageSize, family, rows));
    }

    /// <summary>The latest open-data file of the register: CSV (UTF-8 with BOM, formulas neutralised) or JSON.</summary>
    [HttpGet("/register/open-data.{format:regex(^(csv|json)$)}")]
    public async Task<IActionResult> OpenData(string format, CancellationToken ct)
    {
        var file = await db.OpenDataFiles.AsNoTracking().Where(f => f.Format == format && f.Complete).OrderByDescending(f => f.Day).FirstOrDefaultAsync(ct);
        if (file is null)
        {
            return NotFound();
        }

        // The stored gzip stream as it is when the client takes gzip (every browser does); otherwise unpacked.
        var gzip = Request.Headers.AcceptEncoding.Any(v => v?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true);
        Response.Headers.ContentDisposition = $"attachment; filename=\"register-{file.Day:yyyy-MM-dd}.{format}\"";
        Response.Headers["X-Content-SHA256"] = file.Sha256;
        Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        if (gzip)
        {
            Response.Headers.ContentEncoding = "gzip";
        }
        else
        {
            Response.ContentLength = file.Length;
        }

        await Portal.Infrastructure.OpenData.OpenDataExport.WriteAsync(db, file.Id, Response.Body, gzip, ct);
        return new EmptyResult();
    }

    private async Task<Dictionary<Guid, string>> OfficeNamesAsync(CancellationToken ct) =>
        (await ReferenceNames.OfficesAsync(db, ct)).ToDictionary(o => o.Key, o => Cultures.Pick(o.Value.Zh, o.Value.En));

    [HttpGet("/register/{code}")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicOutputCache.Policy)]
    public async Task<IActionResult> Profile(string code, CancellationToken ct)
    {
        if (!UnifiedSocialCreditCode.TryParse(code, out var parsed))
        {
            return NotFound();
        }

        if (parsed.Category is not CodeCategory.PublicInstitution)
        {
            // An organ's, people's organisation's or other body's code (1 1…, 1 3…, 1 9…).
            var agency = await Portal.Web.Features.Agencies.AgencyRegister.ProfileAsync(db, parsed.Value, clock.TodayInChina(), ct);
            return agency is null ? NotFound() : View("/Features/Agencies/Profile.cshtml", agency);
        }

        // Only what the page shows (not the search columns, which are as long as the names twice over).
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Code == parsed.Value)
            .Select(i => new { i.Id, i.Code, i.Current, i.Status, i.RegisteredOn, i.EndedOn, i.OfficeId, i.CertificateNumber, i.CertificateValidUntil, i.HoldCorrectBy })
            .SingleOrDefaultAsync(ct);
        if (institution is null)
        {
            return NotFound();
        }

        var office = (await ReferenceNames.OfficesAsync(db, ct))[institution.OfficeId];
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
        var versions = await db.InstitutionVersions.AsNoTracking().Where(v => v.InstitutionId == institution.Id).OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.EffectiveOn, v.Items }).ToListAsync(ct);
        var changes = new List<PublicChangeRow>();
        for (var n = 1; n < versions.Count; n++)
        {
            // Identity numbers never leave the back office: compare with them blanked.
            var before = versions[n - 1].Items with { LegalRepresentativeIdNumber = string.Empty };
            var after = versions[n].Items with { LegalRepresentativeIdNumber = string.Empty };
            changes.AddRange(Portal.Domain.Filings.ItemComparison.Compare(before, after).Where(c => c.Old != c.New)
                .Select(c => new PublicChangeRow(versions[n].EffectiveOn, c.Item, FundingText(c.Item, c.Old.Trim(), funding), FundingText(c.Item, c.New.Trim(), funding))));
        }

        changes.Reverse();
        var announcements = (await db.Announcements.AsNoTracking().Where(a => a.InstitutionId == institution.Id).OrderByDescending(a => a.PublishedUtc).Take(50)
            .Select(a => new { a.Id, a.PublishedOn, a.TitleZh, a.TitleEn }).ToListAsync(ct))
            .Select(a => new PublicAnnouncementRow(a.Id, a.PublishedOn, Cultures.Pick(a.TitleZh, a.TitleEn))).ToList();
        return View(new PublicProfileViewModel(
            institution.Code, institution.Current.Name, institution.Status, institution.RegisteredOn, institution.EndedOn,
            Cultures.Pick(office.Zh, office.En), RegisteredItemsViewModel.From(institution.Current, funding, IdentityNumberView.Hidden),
            certificate?.Number ?? institution.CertificateNumber,
            certificate is null ? null : Portal.Domain.Certificates.CertificateStatuses.On(certificate.Status, certificate.ValidUntil, today),
            certificate?.ValidUntil ?? institution.CertificateValidUntil,
            institution.HoldCorrectBy, reports, actions, changes, announcements));
    }

    private static string FundingText(Portal.Domain.Filings.RegisteredItem item, string value, IReadOnlyDictionary<string, (string Zh, string En)> funding) =>
        item == Portal.Domain.Filings.RegisteredItem.FundingSource && funding.TryGetValue(value, out var f) ? Cultures.Pick(f.Zh, f.En) : value;

    /// <summary>
    /// A year's published annual reports, the most recently published first, 20 to a page and at most 50
    /// pages (<see cref="PublicListing"/>): read in the order of an index on (year, state, published date),
    /// each page joined to its 20 institutions by key. A name or code is found through the register search.
    /// </summary>
    [HttpGet("/reports")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicOutputCache.Policy)]
    public async Task<IActionResult> Published(int? year, int page = 1, CancellationToken ct = default)
    {
        var last = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).Year - 1;
        var y = year is { } asked && asked >= 1998 && asked <= last ? asked : last;
        var query = db.AnnualReports.AsNoTracking().Where(r => r.Year == y && r.State == ReportState.Published);
        var (total, moreThan, bounded) = await PublicListing.BoundAsync(query, PagerViewModel.Clamp(page), PageSize, ct);
        var rows = await query.OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id)
            .Skip((bounded - 1) * PageSize).Take(PageSize)
            .Join(db.Institutions, r => r.InstitutionId, i => i.Id, (r, i) => new PublishedListRow(r.Id, i.Current.Name, i.Code, r.Year, r.Version, r.PublishedOn))
            .ToListAsync(ct);
        var pager = new PagerViewModel(bounded, PageSize, total, "/reports", new Dictionary<string, string?> { ["year"] = y.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return View(new PublishedListViewModel(y, rows, pager, moreThan));
    }

    [HttpGet("/reports/{id:guid}")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicOutputCache.Policy)]
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
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicOutputCache.Policy)]
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
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicOutputCache.Policy)]
    public async Task<IActionResult> SpotChecks(CancellationToken ct)
    {
        var checks = await db.SpotChecks.AsNoTracking().Include(s => s.Items).Where(s => s.ClosedOn != null).OrderByDescending(s => s.ClosedOn).Take(50).ToListAsync(ct);
        var ids = checks.SelectMany(c => c.Items).Select(i => i.InstitutionId).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Current.Name }).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        return View(checks.Select(c => new SpotCheckPublicRow(c.Year, c.ClosedOn!.Value, c.Seed, c.Percentage, c.PopulationSize,
            c.Items.OrderBy(i => i.DrawOrder).Select(i => (names[i.InstitutionId], i.Code, i.Result, i.Note)).ToList())).ToList());
    }
}
