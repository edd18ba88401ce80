using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.AnnualReports;
using Portal.Domain.Announcements;
using Portal.Domain.Certificates;
using Portal.Domain.Institutions;
using Portal.Domain.Oversight;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Oversight;

public sealed record SpotCheckListRow(Guid Id, int Year, decimal Percentage, string Seed, int Drawn, int Population, string DrawnBy, DateTime DrawnUtc, DateOnly? ClosedOn);

public sealed record SpotCheckDetail(SpotCheck Check, IReadOnlyDictionary<Guid, string> Names);

/// <summary>Enforcement on an institution, and the office's spot checks (抽查).</summary>
[Authorize(Policy = Policies.Registry)]
[BackOffice]
public class OversightController(PortalDbContext db, FilingClocks clocks, CertificateIssuer certificates) : Controller
{
    private Guid OfficeId => User.OfficeId() ?? Guid.Empty;

    /// <summary>One step of the ladder, with reasons; a revocation needs the approving authority's consent document and a supervisor.</summary>
    [HttpPost("/registry/institutions/{id:guid}/enforcement")]
    [StepUp("kind", EnforcementKind.Revocation)]
    [RequestSizeLimit(Portal.Domain.Filings.FilingMaterials.MaxAttachmentBytes + 1_000_000)]
    [RequestFormLimits(MultipartBodyLengthLimit = Portal.Domain.Filings.FilingMaterials.MaxAttachmentBytes + 1_000_000)]
    public async Task<IActionResult> Enforce(Guid id, EnforcementKind? kind, string? reasons, DateOnly? correctBy, IFormFile? consent, bool confirmed, CancellationToken ct)
    {
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id && i.OfficeId == OfficeId, ct);
        if (institution is null || kind is not { } step || !Enum.IsDefined(step))
        {
            return NotFound();
        }

        var back = $"/registry/institutions/{id}";
        var text = (reasons ?? string.Empty).Trim();
        if (text.Length == 0 || text.Length > 2000 || !confirmed || (step == EnforcementKind.CertificateHold && (correctBy is null || correctBy <= clocks.Today)))
        {
            TempData["Error"] = "Enforcement.Incomplete";
            return Redirect(back);
        }

        Guid? consentId = null;
        if (consent is { Length: > 0 })
        {
            var (verdict, bytes) = await UploadInspector.ReadAsync(consent, Portal.Domain.Filings.FilingMaterials.MaxAttachmentBytes, ct);
            if (!verdict.Accepted)
            {
                TempData["Error"] = "Error." + verdict.ErrorCode;
                return Redirect(back);
            }

            var stored = StoredFile.Create(bytes, clocks.NowUtc);
            db.StoredFiles.Add(stored);
            consentId = stored.Id;
        }

        var history = await db.EnforcementActions.Where(a => a.InstitutionId == id).OrderBy(a => a.CreatedUtc).Select(a => a.Kind).ToListAsync(ct);
        if (EnforcementLadder.WhyNot(step, User.IsInRole(Roles.RegistrySupervisor), consentId is not null, history) is { } why)
        {
            TempData["Error"] = "Error." + why;
            return Redirect(back);
        }

        // One transaction: the 证书作废通知书 takes its number from a counter row that must not move unless everything is saved.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            switch (step)
            {
                case EnforcementKind.CertificateHold:
                    institution.Hold(correctBy!.Value);
                    break;
                case EnforcementKind.HoldLifted:
                    institution.LiftHold();
                    break;
                case EnforcementKind.Revocation:
                    institution.Revoke(clocks.Today);
                    await certificates.VoidCurrentAsync(institution, VoidReason.Revocation, clocks.Today, text, ct);
                    db.Announcements.Add(new Announcement(institution.OfficeId, institution.Id, AnnouncementKind.Revocation,
                        $"{institution.Current.Name}撤销登记公告", $"Registration revoked: {institution.Current.Name}",
                        $"经审批机关同意，撤销{institution.Current.Name}（统一社会信用代码：{institution.Code}）的事业单位法人登记。理由：{text}",
                        $"With the approving authority's consent, the registration of {institution.Current.Name} (unified social credit code {institution.Code}) is revoked. Reasons: {text}",
                        clocks.Today, clocks.NowUtc));
                    break;
            }

            db.EnforcementActions.Add(new EnforcementAction(id, institution.OfficeId, step, text, clocks.Today, step == EnforcementKind.CertificateHold ? correctBy : null, consentId, User.DisplayName(), clocks.NowUtc));
            var users = await db.Users.Where(u => u.InstitutionId == id).Select(u => u.Id).ToListAsync(ct);
            foreach (var user in users)
            {
                db.Notifications.Add(new Portal.Domain.Notifications.Notification(user,
                    $"登记管理机关处理决定：{EnforcementZh(step)}", $"Registry action: {step}",
                    $"{institution.Current.Name}：{EnforcementZh(step)}。理由：{text}（抄送举办单位：{institution.Current.Sponsor}）",
                    $"{institution.Current.Name}: {step}. Reasons: {text} (copied to the sponsor: {institution.Current.Sponsor})", "/institution", clocks.NowUtc));
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            TempData["Flash"] = "Enforcement.Recorded";
        }
        catch (DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
        }

        return Redirect(back);
    }

    [HttpGet("/registry/spot-checks")]
    public async Task<IActionResult> SpotChecks(CancellationToken ct) =>
        View(await db.SpotChecks.AsNoTracking().Where(s => s.OfficeId == OfficeId).OrderByDescending(s => s.DrawnUtc)
            .Select(s => new SpotCheckListRow(s.Id, s.Year, s.Percentage, s.Seed, s.Items.Count, s.PopulationSize, s.DrawnBy, s.DrawnUtc, s.ClosedOn)).ToListAsync(ct));

    /// <summary>The draw: a supervisor sets the percentage and, if wanted, the seed; the population is the year's reporting institutions.</summary>
    [HttpPost("/registry/spot-checks")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Draw(int year, decimal percentage, string? seed, CancellationToken ct)
    {
        ulong value;
        if (string.IsNullOrWhiteSpace(seed))
        {
            value = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 11; // shown afterwards so anyone can redo the draw
        }
        else if (!ulong.TryParse(seed.Trim(), out value))
        {
            TempData["Error"] = "SpotCheck.BadSeed";
            return Redirect("/registry/spot-checks");
        }

        var population = await db.AnnualReports.Where(r => r.OfficeId == OfficeId && r.Year == year && r.State == ReportState.Published)
            .Select(r => r.InstitutionId).Distinct()
            .Join(db.Institutions, r => r, i => i.Id, (r, i) => new { i.Id, i.Code }).ToListAsync(ct);
        try
        {
            if (population.Count == 0)
            {
                TempData["Error"] = "SpotCheck.NoPopulation";
                return Redirect("/registry/spot-checks");
            }

            var check = Portal.Domain.Oversight.SpotCheck.Draw(OfficeId, year, percentage, value, population.Select(p => (p.Id, p.Code)).ToList(), User.DisplayName(), clocks.NowUtc);
            db.SpotChecks.Add(check);
            await db.SaveChangesAsync(ct);
            return Redirect($"/registry/spot-checks/{check.Id}");
        }
        catch (DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
            return Redirect("/registry/spot-checks");
        }
    }

    [HttpGet("/registry/spot-checks/{id:guid}")]
    public async Task<IActionResult> SpotCheck(Guid id, CancellationToken ct)
    {
        var check = await db.SpotChecks.AsNoTracking().Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id && s.OfficeId == OfficeId, ct);
        if (check is null)
        {
            return NotFound();
        }

        var ids = check.Items.Select(i => i.InstitutionId).ToList();
        return View(new SpotCheckDetail(check, await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Current.Name, ct)));
    }

    [HttpPost("/registry/spot-checks/{id:guid}/items/{itemId:guid}")]
    public async Task<IActionResult> Record(Guid id, Guid itemId, SpotCheckResult result, string? note, CancellationToken ct) =>
        await ChangeAsync(id, check => check.Record(itemId, Enum.IsDefined(result) ? result : SpotCheckResult.Pending, string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 1000)]), ct);

    [HttpPost("/registry/spot-checks/{id:guid}/close")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Close(Guid id, CancellationToken ct) => await ChangeAsync(id, check => check.Close(clocks.Today), ct);

    private async Task<IActionResult> ChangeAsync(Guid id, Action<SpotCheck> change, CancellationToken ct)
    {
        var check = await db.SpotChecks.Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id && s.OfficeId == OfficeId, ct);
        if (check is null)
        {
            return NotFound();
        }

        try
        {
            change(check);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Common.Saved";
        }
        catch (DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
        }

        return Redirect($"/registry/spot-checks/{id}");
    }

    private static string EnforcementZh(EnforcementKind kind) => kind switch
    {
        EnforcementKind.Warning => "书面警告",
        EnforcementKind.CertificateHold => "暂扣证书、印章并责令限期改正",
        EnforcementKind.HoldLifted => "解除暂扣",
        _ => "撤销登记",
    };
}
