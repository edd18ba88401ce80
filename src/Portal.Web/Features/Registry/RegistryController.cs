using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Registry;

public sealed record RegistryHomeViewModel(string OfficeName, string RegionCode, int Registered, int Ended, string? ParentOfficeName, int? PromisedDays, int OpensMonth, int OpensDay, int ClosesMonth, int ClosesDay, string? Telephone, string? DocumentPrefix, int? AgencyValidityYears = null, ServiceDeskForm? Desk = null, IReadOnlyList<WorkbenchCounter>? Counters = null);

/// <summary>One of the workbench's counters: what it counts, how many, and the list it opens.</summary>
public sealed record WorkbenchCounter(string Key, int Count, string Url, bool Alert);

/// <summary>The office's service desk as the guides print it, in both languages.</summary>
public sealed record ServiceDeskForm(string? AddressZh, string? AddressEn, string? HoursZh, string? HoursEn, string? NotesZh, string? NotesEn);

public sealed record InstitutionRow(Guid Id, string Code, string Name, InstitutionStatus Status, string Sponsor, DateOnly RegisteredOn);

public sealed record InstitutionListViewModel(string? Query, InstitutionStatus? Status, IReadOnlyList<InstitutionRow> Rows, PagerViewModel Pager);

public sealed record VersionRow(int Number, DateOnly EffectiveOn, RegisteredItemsViewModel Items);

public sealed record InstitutionDetailViewModel(Guid Id, string Code, InstitutionStatus Status, DateOnly RegisteredOn, DateOnly? EndedOn, string? LegacyCertificateNumber, RegisteredItemsViewModel Current, IReadOnlyList<VersionRow> Versions, IReadOnlyList<Portal.Web.Features.Certificates.CertificateRow> Certificates, IReadOnlyList<Portal.Domain.Oversight.EnforcementAction> Actions, DateOnly? HoldCorrectBy);

/// <summary>The office's register as its staff see it. Every query is filtered by the caller's office: another office's record is 404.</summary>
[Route("registry")]
[Authorize(Policy = Policies.Registry)]
[BackOffice]
public class RegistryController(PortalDbContext db, Portal.Web.Features.Filings.FilingAccess access, Portal.Web.Features.Review.OfficeQueue queue, Portal.Web.Features.Filings.FilingClocks clocks) : Controller
{
    private const int PageSize = 20;

    private Guid OfficeId => User.OfficeId() ?? throw new InvalidOperationException("Registry policy guarantees an office.");

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == OfficeId, ct);
        var parent = office.ParentOfficeId is { } pid
            ? await db.Offices.AsNoTracking().Where(o => o.Id == pid).Select(o => Cultures.IsEnglish ? o.NameEn : o.NameZh).SingleOrDefaultAsync(ct)
            : null;
        var counts = await db.Institutions.AsNoTracking().Where(i => i.OfficeId == OfficeId)
            .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return View(new RegistryHomeViewModel(
            Cultures.Pick(office.NameZh, office.NameEn),
            office.RegionCode,
            counts.Where(c => c.Key == InstitutionStatus.Registered).Sum(c => c.Count),
            counts.Where(c => c.Key != InstitutionStatus.Registered).Sum(c => c.Count),
            parent,
            office.PromisedDecisionWorkingDays,
            office.ReportWindowOpensMonth,
            office.ReportWindowOpensDay,
            office.ReportWindowClosesMonth,
            office.ReportWindowClosesDay,
            office.Telephone,
            office.DocumentPrefix,
            office.AgencyCertificateValidityYears,
            new ServiceDeskForm(office.DeskAddressZh, office.DeskAddressEn, office.DeskHoursZh, office.DeskHoursEn, office.DeskNotesZh, office.DeskNotesEn),
            await CountersAsync(ct)));
    }

    /// <summary>
    /// The day's work (工作台): each counter is the same slice the queue shows at its link (<see cref="Portal.Web.Features.Review.OfficeQueue.Matches"/>),
    /// plus last year's annual reports waiting for review.
    /// </summary>
    private async Task<List<WorkbenchCounter>> CountersAsync(CancellationToken ct)
    {
        var open = access.ForStaff(User).AsNoTracking().Where(f => Portal.Domain.Filings.FilingWorkflow.OpenStates.Contains(f.State));
        var rows = await queue.RowsAsync(open, OfficeId, ct);
        var counters = Enum.GetValues<Portal.Web.Features.Review.QueueStage>()
            .Select(stage => new WorkbenchCounter(
                "QueueStage." + stage,
                rows.Count(r => Portal.Web.Features.Review.OfficeQueue.Matches(r, stage)),
                "/registry/filings?stage=" + stage,
                stage is Portal.Web.Features.Review.QueueStage.Overdue or Portal.Web.Features.Review.QueueStage.DueSoon))
            .ToList();
        var me = User.UserId();
        counters.Insert(0, new WorkbenchCounter("Review.Who.Mine", rows.Count(r => r.AssigneeUserId == me), "/registry/filings?who=Mine", false));
        var year = clocks.Today.Year - 1;
        var reports = await db.AnnualReports.AsNoTracking().CountAsync(r => r.OfficeId == OfficeId && r.Year == year && r.State == Portal.Domain.AnnualReports.ReportState.Submitted, ct);
        counters.Add(new WorkbenchCounter("Registry.ReportsToReview", reports, $"/registry/reports?year={year}&state=Submitted", false));
        var followUps = await db.ServiceRatings.AsNoTracking().CountAsync(r => r.OfficeId == OfficeId && r.FollowUp == Portal.Domain.Ratings.FollowUpState.Open, ct);
        counters.Add(new WorkbenchCounter("Rating.FollowUpsOpen", followUps, "/registry/ratings?show=FollowUpOpen", true));
        return counters;
    }

    /// <summary>The desk's address, hours and notes printed on every service guide (办事指南). Supervisors only.</summary>
    [HttpPost("service-desk")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> ServiceDesk(ServiceDeskForm form, CancellationToken ct)
    {
        var office = await db.Offices.SingleAsync(o => o.Id == OfficeId, ct);
        try
        {
            office.SetServiceDesk(form.AddressZh, form.AddressEn, form.HoursZh, form.HoursEn, form.NotesZh, form.NotesEn);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Common.Saved";
        }
        catch (Portal.Domain.DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
        }

        return Redirect("/registry#desk-h");
    }

    /// <summary>The office's own time settings: the promised decision time and the annual-report window. Supervisors only.</summary>
    [HttpPost("settings")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Settings(int? promisedDays, int opensMonth, int opensDay, int closesMonth, int closesDay, string? telephone, string? documentPrefix, int? agencyValidityYears, CancellationToken ct)
    {
        var office = await db.Offices.SingleAsync(o => o.Id == OfficeId, ct);
        try
        {
            office.PromiseDecisionWithin(promisedDays);
            office.SetTelephone(telephone);
            office.SetDocumentPrefix(documentPrefix);
            office.SetAgencyCertificateValidity(agencyValidityYears);
            office.SetReportWindow(opensMonth, opensDay, closesMonth, closesDay);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Common.Saved";
        }
        catch (Portal.Domain.DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
        }

        return Redirect("/registry");
    }

    [HttpGet("institutions")]
    public async Task<IActionResult> Institutions(string? q, InstitutionStatus? status, int page = 1, CancellationToken ct = default)
    {
        page = PagerViewModel.Clamp(page);
        var query = db.Institutions.AsNoTracking().Where(i => i.OfficeId == OfficeId);
        var term = q?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var code = Portal.Domain.Codes.UnifiedSocialCreditCode.Canonicalise(term);
            query = query.Where(i => i.Current.Name.Contains(term) || i.Code == code);
        }

        if (status is { } s)
        {
            query = query.Where(i => i.Status == s);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(i => i.Current.Name)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new InstitutionRow(i.Id, i.Code, i.Current.Name, i.Status, i.Current.Sponsor, i.RegisteredOn))
            .ToListAsync(ct);
        var pager = new PagerViewModel(page, PageSize, total, "/registry/institutions", new Dictionary<string, string?> { ["q"] = term, ["status"] = status?.ToString() });
        return View(new InstitutionListViewModel(term, status, rows, pager));
    }

    [HttpGet("institutions/{id:guid}")]
    public async Task<IActionResult> Institution(Guid id, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking()
            .Include(i => i.Versions)
            .SingleOrDefaultAsync(i => i.Id == id && i.OfficeId == OfficeId, ct);
        if (institution is null)
        {
            return NotFound();
        }

        var funding = await ReferenceNames.FundingSourcesAsync(db, ct);
        return View(new InstitutionDetailViewModel(
            institution.Id,
            institution.Code,
            institution.Status,
            institution.RegisteredOn,
            institution.EndedOn,
            institution.LegacyCertificateNumber,
            RegisteredItemsViewModel.From(institution.Current, funding, IdentityNumberView.Full),
            institution.Versions.OrderByDescending(v => v.Number)
                .Select(v => new VersionRow(v.Number, v.EffectiveOn, RegisteredItemsViewModel.From(v.Items, funding, IdentityNumberView.Full)))
                .ToList(),
            await Portal.Web.Features.Certificates.CertificatesController.Rows(db.Certificates.Where(c => c.InstitutionId == id)).ToListAsync(ct),
            await db.EnforcementActions.AsNoTracking().Where(a => a.InstitutionId == id).OrderBy(a => a.CreatedUtc).ToListAsync(ct),
            institution.HoldCorrectBy));
    }
}
