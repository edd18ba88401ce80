using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Domain;
using Portal.Domain.AnnualReports;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.AnnualReports;

public sealed record ReportListRow(Guid Id, int Year, int Version, ReportState State, DateOnly? SubmittedOn, bool Late, DateOnly? PublishedOn);

public sealed record ReportsIndexViewModel(IReadOnlyList<ReportListRow> Reports, int? YearToStart, AnnualReportWindow Window);

public sealed record ReportEditViewModel(AnnualReport Report, ReportForm Form, Portal.Web.Features.Shared.RegisteredItemsViewModel ItemsAtYearEnd, string InstitutionName, AnnualReportWindow Window, IReadOnlyList<string> Problems);

/// <summary>The institution's annual reports: start, fill in, attach, have the sponsor confirm, submit, correct.</summary>
[Route("annual-reports")]
[Authorize(Policy = Policies.InstitutionMember)]
public class AnnualReportsController(PortalDbContext db, FilingClocks clocks, IStringLocalizer<SharedResource> l, Portal.Web.Features.Ratings.RatingPanels ratings) : Controller
{
    private Guid InstitutionId => User.InstitutionId() ?? Guid.Empty;

    private IQueryable<AnnualReport> Mine => db.AnnualReports.Where(r => r.InstitutionId == InstitutionId);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await Mine.AsNoTracking().OrderByDescending(r => r.Year).ThenByDescending(r => r.Version)
            .Select(r => new ReportListRow(r.Id, r.Year, r.Version, r.State, r.SubmittedOn, r.Late, r.PublishedOn)).ToListAsync(ct);
        var lastYear = clocks.Today.Year - 1;
        var window = await WindowAsync(lastYear, ct);
        var registeredOn = await db.Institutions.Where(i => i.Id == InstitutionId && i.Status == Portal.Domain.Institutions.InstitutionStatus.Registered)
            .Select(i => (DateOnly?)i.RegisteredOn).SingleOrDefaultAsync(ct);
        var offer = registeredOn is { } on && AnnualReport.IsDue(on, lastYear) && rows.All(r => r.Year != lastYear);
        return View(new ReportsIndexViewModel(rows, offer ? lastYear : null, window));
    }

    [HttpPost("start")]
    public async Task<IActionResult> Start(int year, CancellationToken ct)
    {
        var institution = await db.Institutions.Include(i => i.Versions).SingleOrDefaultAsync(i => i.Id == InstitutionId, ct);
        if (institution is null || year != clocks.Today.Year - 1 || !AnnualReport.IsDue(institution.RegisteredOn, year))
        {
            return NotFound();
        }

        if (await Mine.AnyAsync(r => r.Year == year, ct))
        {
            TempData["Error"] = "Error." + ReportErrors.AlreadyExists;
            return Redirect("/annual-reports");
        }

        // Pre-filled with what the register recorded that year (editable).
        var changes = institution.Versions.Where(v => v.Number > 1 && v.EffectiveOn.Year == year).OrderBy(v => v.EffectiveOn)
            .Select(v => $"{v.EffectiveOn:yyyy年MM月dd日}办理变更登记（第{v.Number}版登记事项）。").ToList();
        var prefilled = new ReportContent { ChangeCompliance = changes.Count == 0 ? "无" : string.Join("\n", changes) };
        var report = AnnualReport.Start(institution.Id, institution.OfficeId, year, prefilled, FilingAccess.Actor(User, false), clocks.NowUtc);
        db.AnnualReports.Add(report);
        await db.SaveChangesAsync(ct);
        return Redirect($"/annual-reports/{report.Id}/edit");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var report = await Mine.AsNoTracking().Include(r => r.Events).Include(r => r.Attachments).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        ViewData["Rating"] = await ratings.ForAsync(Portal.Domain.Ratings.RatedService.AnnualReport, report.Id, report.State == ReportState.Published, User, ct);
        return View(report);
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var report = await Mine.AsNoTracking().Include(r => r.Attachments).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        if (!report.IsEditable)
        {
            return Redirect($"/annual-reports/{id}");
        }

        // Text kept from an earlier save that could not be read is shown again with its message beside it.
        var form = ReportForm.From(report);
        form.AddNumberErrors(ModelState, l);

        return View(await EditModelAsync(report, form, ct));
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, ReportForm form, string? next, CancellationToken ct)
    {
        var report = await Mine.Include(r => r.Attachments).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        form.AddNumberErrors(ModelState, l);

        if (form.ConfirmedOn is { } confirmed && (confirmed > clocks.Today || confirmed.Year < report.Year))
        {
            ModelState.AddModelError(nameof(form.ConfirmedOn), l["Validation.DateNotFuture", l["Report.ConfirmedOn"]]);
        }

        // A draft saves whatever can be read: a mistyped number or date keeps its saved value, its text stays in the field with
        // the message beside it. Only text too long for its column stops the save.
        var saveable = ModelState.Where(e => e.Value?.Errors.Count > 0).All(e => ReportForm.NumberAndDateFields.Contains(e.Key));
        if (!saveable)
        {
            return View(await EditModelAsync(report, form, ct));
        }

        try
        {
            var confirmationOk = !ModelState.TryGetValue(nameof(form.ConfirmedOn), out var c) || c.Errors.Count == 0;
            report.SaveDraft(form.ToContent(report.Content), confirmationOk ? form.ToConfirmation() : report.Confirmation, form.UnreadInput());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
            return Redirect($"/annual-reports/{id}");
        }

        if (!ModelState.IsValid)
        {
            ViewData["Saved"] = true;
            return View(await EditModelAsync(report, form, ct));
        }

        TempData["Flash"] = "Filing.DraftSaved";
        return Redirect(next == "submit" ? $"/annual-reports/{id}/edit#submit" : $"/annual-reports/{id}/edit");
    }

    [HttpPost("{id:guid}/attachments")]
    [RequestSizeLimit(Portal.Domain.Filings.FilingMaterials.MaxAttachmentBytes + 1_000_000)]
    [RequestFormLimits(MultipartBodyLengthLimit = Portal.Domain.Filings.FilingMaterials.MaxAttachmentBytes + 1_000_000)]
    public async Task<IActionResult> Upload(Guid id, ReportAttachmentKind kind, IFormFile? file, CancellationToken ct)
    {
        var report = await Mine.Include(r => r.Attachments).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !Enum.IsDefined(kind))
        {
            return NotFound();
        }

        var (verdict, bytes) = await UploadInspector.ReadAsync(file, Portal.Domain.Filings.FilingMaterials.MaxAttachmentBytes, ct);
        if (!verdict.Accepted)
        {
            TempData["Error"] = "Error." + verdict.ErrorCode;
            return Redirect($"/annual-reports/{id}/edit#attachments");
        }

        try
        {
            var stored = StoredFile.Create(bytes, clocks.NowUtc);
            db.StoredFiles.Add(stored);
            report.Attach(kind, verdict.SafeFileName, verdict.ContentType!, bytes.Length, verdict.Sha256!, stored.Id, clocks.NowUtc);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Filing.AttachmentAdded";
        }
        catch (DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
        }

        return Redirect($"/annual-reports/{id}/edit#attachments");
    }

    [HttpPost("{id:guid}/attachments/{attachmentId:guid}/remove")]
    public async Task<IActionResult> RemoveAttachment(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var report = await Mine.Include(r => r.Attachments).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || report.Attachments.All(a => a.Id != attachmentId))
        {
            return NotFound();
        }

        try
        {
            var removed = report.RemoveAttachment(attachmentId);
            db.StoredFiles.Remove(await db.StoredFiles.SingleAsync(f => f.Id == removed.ContentId, ct));
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Filing.AttachmentRemoved";
        }
        catch (DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
        }

        return Redirect($"/annual-reports/{id}/edit#attachments");
    }

    [HttpGet("{id:guid}/attachments/{attachmentId:guid}")]
    public async Task<IActionResult> Download(Guid id, Guid attachmentId, CancellationToken ct) =>
        await ReportFiles.SendAsync(this, db, Mine, id, attachmentId, ct);

    [HttpPost("{id:guid}/submit")]
    public async Task<IActionResult> Submit(Guid id, CancellationToken ct)
    {
        var report = await Mine.Include(r => r.Attachments).Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        try
        {
            report.Submit(FilingAccess.Actor(User, false), await WindowAsync(report.Year, ct), clocks.Today, clocks.NowUtc);
            await ReportSubmission.TakeOffAbnormalListAsync(db, report, clocks.Today, ct);

            await db.SaveChangesAsync(ct);
            TempData["Flash"] = report.Late ? "Report.SubmittedLate" : "Report.Submitted";
            return Redirect($"/annual-reports/{id}");
        }
        catch (DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
            return Redirect($"/annual-reports/{id}/edit#submit");
        }
    }

    [HttpPost("{id:guid}/correct")]
    public async Task<IActionResult> Correct(Guid id, CancellationToken ct)
    {
        var report = await Mine.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        if (await Mine.AnyAsync(r => r.Year == report.Year && r.Version > report.Version, ct))
        {
            TempData["Error"] = "Error." + ReportErrors.AlreadyExists;
            return Redirect($"/annual-reports/{id}");
        }

        try
        {
            var correction = AnnualReport.CorrectionOf(report, FilingAccess.Actor(User, false), clocks.NowUtc);
            db.AnnualReports.Add(correction);
            await db.SaveChangesAsync(ct);
            return Redirect($"/annual-reports/{correction.Id}/edit");
        }
        catch (DomainRuleException ex)
        {
            TempData["Error"] = "Error." + ex.Code;
            return Redirect($"/annual-reports/{id}");
        }
    }

    private async Task<AnnualReportWindow> WindowAsync(int year, CancellationToken ct)
    {
        var officeId = await db.Institutions.Where(i => i.Id == InstitutionId).Select(i => i.OfficeId).SingleOrDefaultAsync(ct);
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officeId, ct);
        return office?.ReportWindow(year) ?? AnnualReportWindow.For(year);
    }

    private async Task<ReportEditViewModel> EditModelAsync(AnnualReport report, ReportForm form, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().Include(i => i.Versions).SingleAsync(i => i.Id == report.InstitutionId, ct);
        var yearEnd = new DateOnly(report.Year, 12, 31);
        var items = institution.Versions.Where(v => v.EffectiveOn <= yearEnd).OrderByDescending(v => v.Number).Select(v => v.Items).FirstOrDefault() ?? institution.Current;
        var funding = await Shared.ReferenceNames.FundingSourcesAsync(db, ct);
        return new ReportEditViewModel(report, form, Shared.RegisteredItemsViewModel.From(items, funding, Shared.IdentityNumberView.Masked), institution.Current.Name,
            await WindowAsync(report.Year, ct), report.ProblemsBeforeSubmission());
    }
}

/// <summary>Report attachments: downloads only, scoped by the caller's query.</summary>
public static class ReportFiles
{
    public static async Task<IActionResult> SendAsync(Controller controller, PortalDbContext db, IQueryable<AnnualReport> scope, Guid id, Guid attachmentId, CancellationToken ct)
    {
        var a = await scope.Where(r => r.Id == id).SelectMany(r => r.Attachments).Where(x => x.Id == attachmentId)
            .Select(x => new { x.ContentId, x.ContentType, x.FileName }).SingleOrDefaultAsync(ct);
        if (a is null)
        {
            return controller.NotFound();
        }

        var bytes = await db.StoredFiles.Where(f => f.Id == a.ContentId).Select(f => f.Content).SingleAsync(ct);
        return controller.File(bytes, a.ContentType, a.FileName);
    }
}

public static class ReportSubmission
{
    /// <summary>A report filed (even late) takes its institution off that year's abnormal list.</summary>
    public static async Task TakeOffAbnormalListAsync(PortalDbContext db, AnnualReport report, DateOnly today, CancellationToken ct)
    {
        foreach (var entry in await db.AbnormalList.Where(a => a.InstitutionId == report.InstitutionId && a.Year == report.Year && a.RemovedOn == null).ToListAsync(ct))
        {
            entry.Remove(today);
        }
    }
}
