using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Instruments;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Documents;

public sealed record DocumentRow(Guid Id, InstrumentKind Kind, string Number, string Addressee, DateOnly IssuedOn, DateTime IssuedUtc, Guid? FilingId, DateTime? DeliveredUtc);

public sealed record DocumentListViewModel(bool ForStaff, InstrumentKind? Kind, DateOnly? From, DateOnly? To, IReadOnlyList<DocumentRow> Rows, PagerViewModel Pager, bool? Consented);

/// <summary>Section "Instruments".</summary>
public sealed class InstrumentOptions
{
    /// <summary>
    /// Electronic delivery (电子送达) to a recipient who consented counts as done this many days after the instrument reached
    /// its portal inbox, when nobody opened it sooner (README: the office's published rule; 0 = on arrival).
    /// </summary>
    public int DeemedDeliveredAfterDays { get; set; } = 3;
}

/// <summary>
/// The instruments (文书): an institution's users list and open their own (the first opening records delivery);
/// registry staff list and open their office's. Every query is scoped: someone else's instrument is 404.
/// </summary>
public class DocumentsController(PortalDbContext db, TimeProvider clock, IOptions<InstrumentOptions> options) : Controller
{
    private const int PageSize = 20;

    [HttpGet("/institution/documents")]
    [Authorize(Policy = Policies.Institution)]
    public async Task<IActionResult> Mine(InstrumentKind? kind, DateOnly? from, DateOnly? to, int page = 1, CancellationToken ct = default)
    {
        var consent = await ConsentAsync(ct);
        var rows = Filter(MineQuery(), kind, from, to, ModelState.IsValid);
        // Consent belongs to an institution: a setup's applicant has none yet (null: nothing to consent to).
        bool? consented = User.InstitutionId() is null ? null : consent is not null;
        return View("Index", await ListAsync(false, rows, kind, from, to, page, "/institution/documents", _ => consent, ct, consented));
    }

    [HttpGet("/institution/documents/{id:guid}.pdf")]
    [Authorize(Policy = Policies.Institution)]
    public async Task<IActionResult> OpenMine(Guid id, CancellationToken ct)
    {
        var instrument = await MineQuery().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (instrument is null)
        {
            return NotFound();
        }

        // 送达 by first opening: the recipient's own user opening it, never staff.
        if (instrument.MarkOpened(User.UserId(), clock.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(ct);
        }

        return await SendAsync(instrument.FileId, instrument.Kind, instrument.Number, ct);
    }

    /// <summary>A manager consents, once, to electronic delivery of the office's instruments (audited).</summary>
    [HttpPost("/institution/delivery-consent")]
    [Authorize(Policy = Policies.InstitutionManager)]
    public async Task<IActionResult> Consent(bool confirmed, CancellationToken ct)
    {
        var institutionId = User.InstitutionId();
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == institutionId, ct);
        if (institution is null)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            TempData["Error"] = "Documents.ConsentConfirmRequired";
        }
        else if (institution.ConsentToElectronicDelivery(User.UserId(), clock.GetUtcNow().UtcDateTime))
        {
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Documents.Consented";
        }

        return Redirect("/institution/documents");
    }

    [HttpGet("/registry/documents")]
    [Authorize(Policy = Policies.Registry)]
    [BackOffice]
    public async Task<IActionResult> Office(InstrumentKind? kind, DateOnly? from, DateOnly? to, int page = 1, CancellationToken ct = default)
    {
        var officeId = User.OfficeId();
        var rows = Filter(db.Instruments.AsNoTracking().Where(i => i.OfficeId == officeId), kind, from, to, ModelState.IsValid);
        var model = await ListAsync(true, rows, kind, from, to, page, "/registry/documents", null, ct, null);
        return View("Index", model);
    }

    [HttpGet("/registry/documents/{id:guid}.pdf")]
    [Authorize(Policy = Policies.Registry)]
    [BackOffice]
    public async Task<IActionResult> OpenForStaff(Guid id, CancellationToken ct)
    {
        var officeId = User.OfficeId();
        var row = await db.Instruments.AsNoTracking().Where(i => i.Id == id && i.OfficeId == officeId).Select(i => new { i.FileId, i.Kind, i.Number }).SingleOrDefaultAsync(ct);
        return row is null ? NotFound() : await SendAsync(row.FileId, row.Kind, row.Number, ct);
    }

    /// <summary>An institution's instruments, and a setup applicant's own before the institution exists.</summary>
    private IQueryable<Instrument> MineQuery()
    {
        var institutionId = User.InstitutionId();
        var userId = User.UserId();
        return db.Instruments.Where(i => (institutionId != null && i.InstitutionId == institutionId) || i.ApplicantUserId == userId);
    }

    private async Task<DateTime?> ConsentAsync(CancellationToken ct)
    {
        var institutionId = User.InstitutionId();
        return institutionId is null ? null : await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.ElectronicDeliveryConsentUtc).SingleOrDefaultAsync(ct);
    }

    private static IQueryable<Instrument> Filter(IQueryable<Instrument> query, InstrumentKind? kind, DateOnly? from, DateOnly? to, bool bound)
    {
        // A filter that did not bind (a number naming no kind, a date that is not one) matches nothing rather than everything.
        if (!bound || kind is { } bad && !Enum.IsDefined(bad))
        {
            return query.Where(i => false);
        }

        if (kind is { } k)
        {
            query = query.Where(i => i.Kind == k);
        }

        if (from is { } f)
        {
            query = query.Where(i => i.IssuedOn >= f);
        }

        if (to is { } t)
        {
            query = query.Where(i => i.IssuedOn <= t);
        }

        return query;
    }

    private async Task<DocumentListViewModel> ListAsync(bool forStaff, IQueryable<Instrument> query, InstrumentKind? kind, DateOnly? from, DateOnly? to, int page, string path,
        Func<Guid?, DateTime?>? consentOf, CancellationToken ct, bool? consented)
    {
        page = PagerViewModel.Clamp(page);
        var total = await query.CountAsync(ct);
        var rows = await query.AsNoTracking().OrderByDescending(i => i.IssuedUtc).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new { i.Id, i.Kind, i.Number, i.Addressee, i.IssuedOn, i.IssuedUtc, i.FilingId, i.InstitutionId, i.OpenedUtc, i.OpenedByUserId })
            .ToListAsync(ct);
        if (consentOf is null)
        {
            var ids = rows.Where(r => r.InstitutionId != null).Select(r => r.InstitutionId!.Value).Distinct().ToList();
            var consents = await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.ElectronicDeliveryConsentUtc }).ToDictionaryAsync(i => i.Id, i => i.ElectronicDeliveryConsentUtc, ct);
            consentOf = id => id is { } x ? consents.GetValueOrDefault(x) : null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var deemed = TimeSpan.FromDays(options.Value.DeemedDeliveredAfterDays);
        var list = rows.Select(r => new DocumentRow(r.Id, r.Kind, r.Number, r.Addressee, r.IssuedOn, r.IssuedUtc, r.FilingId,
            Instrument.Delivered(r.IssuedUtc, r.OpenedUtc, consentOf(r.InstitutionId), deemed, now))).ToList();
        var pager = new PagerViewModel(page, PageSize, total, path, new Dictionary<string, string?>
        {
            ["kind"] = kind?.ToString(),
            ["from"] = from?.ToString("yyyy-MM-dd"),
            ["to"] = to?.ToString("yyyy-MM-dd"),
        });
        return new DocumentListViewModel(forStaff, kind, from, to, list, pager, consented);
    }

    private async Task<IActionResult> SendAsync(Guid fileId, InstrumentKind kind, string number, CancellationToken ct)
    {
        var bytes = await db.StoredFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.Content).SingleAsync(ct);
        return File(bytes, "application/pdf", Portal.Infrastructure.Instruments.InstrumentTitles.FileName(kind, number));
    }
}
