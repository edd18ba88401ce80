using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain.Calendar;
using Portal.Domain.Common;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Admin;

/// <summary>Reference data an administrator keeps current: funding sources, the holiday calendar, regions.</summary>
[Route("admin")]
[Authorize(Policy = Policies.Administrator)]
[BackOffice]
public class AdminController(PortalDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new AdminHomeViewModel(
        await db.Offices.CountAsync(ct),
        await db.Users.CountAsync(ct),
        await db.FundingSources.CountAsync(ct),
        await db.CalendarDays.CountAsync(ct),
        await db.Regions.CountAsync(ct)));

    [HttpGet("funding-sources")]
    public async Task<IActionResult> FundingSources(CancellationToken ct) =>
        View(await db.FundingSources.AsNoTracking().OrderBy(f => f.SortOrder)
            .Select(f => new FundingSourceRow(f.Code, f.NameZh, f.NameEn, f.SortOrder, f.IsActive)).ToListAsync(ct));

    [HttpGet("funding-sources/new")]
    public IActionResult NewFundingSource() => View("FundingSource", new FundingSourceForm { IsNew = true });

    [HttpGet("funding-sources/{code}")]
    public async Task<IActionResult> FundingSource(string code, CancellationToken ct)
    {
        var f = await db.FundingSources.AsNoTracking().SingleOrDefaultAsync(x => x.Code == code, ct);
        return f is null ? NotFound() : View(new FundingSourceForm { Code = f.Code, NameZh = f.NameZh, NameEn = f.NameEn, SortOrder = f.SortOrder, IsActive = f.IsActive });
    }

    [HttpPost("funding-sources")]
    public async Task<IActionResult> SaveFundingSource(FundingSourceForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View("FundingSource", form);
        }

        var existing = await db.FundingSources.SingleOrDefaultAsync(x => x.Code == form.Code, ct);
        if (form.IsNew)
        {
            if (existing is not null)
            {
                ModelState.AddModelError(nameof(form.Code), l["Admin.CodeTaken"]);
                return View("FundingSource", form);
            }

            var created = new FundingSource(form.Code, form.NameZh.Trim(), form.NameEn.Trim(), form.SortOrder);
            created.Update(created.NameZh, created.NameEn, form.SortOrder, form.IsActive);
            db.FundingSources.Add(created);
        }
        else
        {
            if (existing is null)
            {
                return NotFound();
            }

            existing.Update(form.NameZh.Trim(), form.NameEn.Trim(), form.SortOrder, form.IsActive);
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Common.Saved";
        return RedirectToAction(nameof(FundingSources));
    }

    [HttpGet("calendar")]
    public async Task<IActionResult> Calendar(int? year, CancellationToken ct)
    {
        var y = year is >= 2000 and <= 2100 ? year.Value : clock.GetUtcNow().Year;
        return View(await CalendarModelAsync(y, new CalendarDayForm(), ct));
    }

    [HttpPost("calendar")]
    public async Task<IActionResult> SaveCalendarDay(CalendarDayForm form, CancellationToken ct)
    {
        if (form.Date is { } d && (d.Year < 2000 || d.Year > 2100))
        {
            ModelState.AddModelError(nameof(form.Date), l["Validation.DateRange"]);
        }

        if (!ModelState.IsValid)
        {
            var year = form.Date?.Year is >= 2000 and <= 2100 ? form.Date.Value.Year : clock.GetUtcNow().Year;
            return View("Calendar", await CalendarModelAsync(year, form, ct));
        }

        var date = form.Date!.Value;
        var existing = await db.CalendarDays.SingleOrDefaultAsync(x => x.Date == date, ct);
        if (existing is null)
        {
            db.CalendarDays.Add(new CalendarDay(date, form.Kind!.Value, form.NameZh.Trim(), form.NameEn.Trim()));
        }
        else
        {
            existing.Rename(form.NameZh.Trim(), form.NameEn.Trim(), form.Kind!.Value);
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Common.Saved";
        return Redirect($"/admin/calendar?year={date.Year}");
    }

    [HttpPost("calendar/{date}/delete")]
    public async Task<IActionResult> DeleteCalendarDay(DateOnly date, CancellationToken ct)
    {
        var existing = await db.CalendarDays.SingleOrDefaultAsync(x => x.Date == date, ct);
        if (existing is null)
        {
            return NotFound();
        }

        db.CalendarDays.Remove(existing);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Common.Deleted";
        return Redirect($"/admin/calendar?year={date.Year}");
    }

    /// <summary>The certificate signing keys: which one signs, which only verify; rotate after a suspected leak or on schedule.</summary>
    [HttpGet("keys")]
    public async Task<IActionResult> Keys([FromServices] Portal.Infrastructure.Certificates.SigningKeyStore keys, [FromServices] Portal.Infrastructure.Instruments.DocumentSigners documents, CancellationToken ct)
    {
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.RegionCode).Select(o => new { o.RegionCode, o.NameZh, o.NameEn }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var certificates = offices.SelectMany(o => documents.History(o.RegionCode).Select((c, i) => new DocumentKeyRow(
            o.RegionCode, Cultures.Pick(o.NameZh, o.NameEn), c.Subject, c.Thumbprint, c.NotBefore.ToUniversalTime(), c.NotAfter.ToUniversalTime(),
            i == 0 && c.NotBefore.ToUniversalTime() <= now && now < c.NotAfter.ToUniversalTime()))).ToList();
        return View(new KeysViewModel(
            keys.All.OrderByDescending(k => k.CreatedUtc).Select(k => (k.KeyId, k.CreatedUtc, k.CanSign, Active: k.KeyId == keys.Active.KeyId)).ToList(),
            certificates));
    }

    /// <summary>A new self-signed document-signing certificate for one office (embedded setup); what it signed before stays valid.</summary>
    [HttpPost("keys/documents/{region}/rotate")]
    [StepUp]
    public async Task<IActionResult> RotateDocumentKey(string region, bool confirmed, [FromServices] Portal.Infrastructure.Instruments.DocumentSigners documents, CancellationToken ct)
    {
        var office = await db.Offices.AsNoTracking().Where(o => o.RegionCode == region).Select(o => new { o.Id, o.NameZh }).SingleOrDefaultAsync(ct);
        if (office is null)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            TempData["Error"] = "Admin.ConfirmRotate";
            return RedirectToAction(nameof(Keys));
        }

        try
        {
            var certificate = documents.Rotate(region, office.NameZh);
            db.RecordAct("keys.rotate-document", "Office", region, office.Id, certificate.Thumbprint);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Admin.Rotated";
        }
        catch (InvalidOperationException)
        {
            TempData["Error"] = "Admin.KeysFromConfiguration";
        }

        return RedirectToAction(nameof(Keys));
    }

    [HttpPost("keys/rotate")]
    [StepUp]
    public async Task<IActionResult> RotateKeys(bool confirmed, [FromServices] Portal.Infrastructure.Certificates.SigningKeyStore keys, CancellationToken ct)
    {
        if (!confirmed)
        {
            TempData["Error"] = "Admin.ConfirmRotate";
            return RedirectToAction(nameof(Keys));
        }

        try
        {
            var key = keys.Rotate();
            db.RecordAct("keys.rotate", "SigningKey", key.KeyId);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Admin.Rotated";
        }
        catch (InvalidOperationException)
        {
            TempData["Error"] = "Admin.KeysFromConfiguration";
        }

        return RedirectToAction(nameof(Keys));
    }

    [HttpGet("regions")]
    public async Task<IActionResult> Regions(CancellationToken ct) => View(await RegionsModelAsync(new RegionForm(), ct));

    [HttpPost("regions")]
    public async Task<IActionResult> SaveRegion(RegionForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View("Regions", await RegionsModelAsync(form, ct));
        }

        var existing = await db.Regions.SingleOrDefaultAsync(x => x.Code == form.Code, ct);
        if (existing is null)
        {
            db.Regions.Add(new Region(form.Code, form.NameZh.Trim(), form.NameEn.Trim()));
        }
        else
        {
            existing.Rename(form.NameZh.Trim(), form.NameEn.Trim());
        }

        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Common.Saved";
        return RedirectToAction(nameof(Regions));
    }

    private async Task<CalendarViewModel> CalendarModelAsync(int year, CalendarDayForm form, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= start && d.Date <= end).OrderBy(d => d.Date).ToListAsync(ct);
        var years = (await db.CalendarDays.AsNoTracking().Select(d => d.Date).ToListAsync(ct)).Select(d => d.Year).Append(year).Distinct().Order().ToList();
        return new CalendarViewModel(year, years, days, form);
    }

    private async Task<RegionsViewModel> RegionsModelAsync(RegionForm form, CancellationToken ct) =>
        new(await db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => new RegionForm { Code = r.Code, NameZh = r.NameZh, NameEn = r.NameEn }).ToListAsync(ct), form);
}

public sealed record DocumentKeyRow(string RegionCode, string Office, string Subject, string Thumbprint, DateTime NotBeforeUtc, DateTime NotAfterUtc, bool Signs);

public sealed record KeysViewModel(IReadOnlyList<(string KeyId, DateTime CreatedUtc, bool CanSign, bool Active)> TokenKeys, IReadOnlyList<DocumentKeyRow> DocumentKeys);
