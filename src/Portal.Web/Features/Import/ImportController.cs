using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Infrastructure;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Import;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Import;

public sealed record ImportRunRow(Guid Id, string FileName, DateTime CreatedUtc, string CreatedBy, ImportState State, int TotalRows, int ErrorCount, int ProcessedRows, int Inserted);

public sealed record ImportErrorRow(string Row, string Column, string Error, string? Value);

public sealed record ImportRunViewModel(ImportRun Run, IReadOnlyList<ImportErrorRow> FirstErrors, int ValidRows);

/// <summary>
/// Supervisors bring their office's existing register onto the portal: upload → dry run (errors by row
/// and column, downloadable) → real run in the background with a progress bar that survives a reload →
/// pause, resume, or roll back.
/// </summary>
[Route("registry/import")]
[Authorize(Policy = Policies.Supervisor)]
[BackOffice]
public class ImportController(PortalDbContext db, RegisterImport import, ImportWorker worker, IStringLocalizer<SharedResource> l) : Controller
{
    public const int ShownErrors = 200;

    private Guid OfficeId => User.OfficeId() ?? throw new InvalidOperationException("Supervisor policy guarantees an office.");

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await db.ImportRuns.AsNoTracking().Where(r => r.OfficeId == OfficeId)
        .OrderByDescending(r => r.CreatedUtc).Take(50)
        .Select(r => new ImportRunRow(r.Id, r.FileName, r.CreatedUtc, r.CreatedBy, r.State, r.TotalRows, r.ErrorCount, r.ProcessedRows, r.Inserted)).ToListAsync(ct));

    [HttpGet("template.csv")]
    public IActionResult Template() =>
        PhysicalFile(Path.Combine(HttpContext.RequestServices.GetRequiredService<RepositoryPaths>().Root, "db", "import", "register-template.csv"), "text/csv; charset=utf-8", "register-template.csv");

    /// <summary>The dry run: nothing is written to the register.</summary>
    [HttpPost("")]
    [RequestSizeLimit(RegisterImport.MaxBytes + 1_000_000)]
    [RequestFormLimits(MultipartBodyLengthLimit = RegisterImport.MaxBytes + 1_000_000)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            TempData["Error"] = "Import.NoFile";
            return Redirect("/registry/import");
        }

        if (file.Length > RegisterImport.MaxBytes || !Path.GetExtension(file.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            TempData["Error"] = "Import.NotCsv";
            return Redirect("/registry/import");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Take(8000).Contains((byte)0))
        {
            TempData["Error"] = "Import.NotCsv"; // binary (a spreadsheet saved as .xlsx and renamed, say)
            return Redirect("/registry/import");
        }

        var run = await import.CreateRunAsync(OfficeId, Portal.Infrastructure.Files.UploadInspector.SafeFileName(file.FileName), bytes, User.Identity?.Name ?? "?", ct);
        return Redirect($"/registry/import/{run.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.OfficeId == OfficeId, ct);
        if (run is null)
        {
            return NotFound();
        }

        var errors = new List<ImportErrorRow>();
        if (run.ErrorsFileId is { } errorsId)
        {
            var bytes = await db.StoredFiles.AsNoTracking().Where(f => f.Id == errorsId).Select(f => f.Content).SingleAsync(ct);
            errors = StoredErrors(bytes).Take(ShownErrors).ToList();
        }

        return View(new ImportRunViewModel(run, errors, run.TotalRows - run.ErrorCount));
    }

    /// <summary>Progress for the page's bar: read from the run's row, so it survives reloads and restarts.</summary>
    [HttpGet("{id:guid}/progress")]
    public async Task<IActionResult> Progress(Guid id, CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().Where(r => r.Id == id && r.OfficeId == OfficeId)
            .Select(r => new { state = r.State.ToString(), r.ProcessedRows, total = r.TotalRows - r.ErrorCount, r.Inserted, r.Skipped }).SingleOrDefaultAsync(ct);
        Response.Headers.CacheControl = "no-store";
        return run is null ? NotFound() : Json(run);
    }

    [HttpGet("{id:guid}/errors.csv")]
    public async Task<IActionResult> Errors(Guid id, CancellationToken ct)
    {
        var file = await db.ImportRuns.AsNoTracking().Where(r => r.Id == id && r.OfficeId == OfficeId && r.ErrorsFileId != null)
            .Join(db.StoredFiles, r => r.ErrorsFileId, f => f.Id, (r, f) => f.Content).SingleOrDefaultAsync(ct);
        if (file is null)
        {
            return NotFound();
        }

        // In the reader's language: the run keeps error codes, not sentences.
        var csv = new System.Text.StringBuilder(Csv.Line([l["Import.Row"], l["Import.Column"], l["Import.Problem"]]));
        foreach (var e in StoredErrors(file))
        {
            csv.Append(Csv.Line([e.Row, e.Column, e.Error]));
        }

        return File([.. Csv.Utf8Bom, .. Csv.Encoding.GetBytes(csv.ToString())], "text/csv; charset=utf-8", "import-errors.csv");
    }

    [HttpPost("{id:guid}/start")]
    public async Task<IActionResult> Start(Guid id, CancellationToken ct)
    {
        if (!await db.ImportRuns.AnyAsync(r => r.Id == id && r.OfficeId == OfficeId, ct))
        {
            return NotFound();
        }

        if (await import.StartAsync(id, OfficeId, ct))
        {
            worker.Nudge();
            TempData["Flash"] = "Import.Started";
        }
        else
        {
            TempData["Error"] = "Import.CannotStart";
        }

        return Redirect($"/registry/import/{id}");
    }

    [HttpPost("{id:guid}/pause")]
    public async Task<IActionResult> Pause(Guid id, CancellationToken ct)
    {
        if (!await db.ImportRuns.AnyAsync(r => r.Id == id && r.OfficeId == OfficeId, ct))
        {
            return NotFound();
        }

        TempData[await import.PauseAsync(id, OfficeId, ct) ? "Flash" : "Error"] = await db.ImportRuns.AnyAsync(r => r.Id == id && r.State == ImportState.Paused, ct) ? "Import.Paused" : "Import.CannotPause";
        return Redirect($"/registry/import/{id}");
    }

    [HttpPost("{id:guid}/rollback")]
    public async Task<IActionResult> Rollback(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!await db.ImportRuns.AnyAsync(r => r.Id == id && r.OfficeId == OfficeId, ct))
        {
            return NotFound();
        }

        if (!confirmed)
        {
            TempData["Error"] = "Import.ConfirmRollback";
        }
        else
        {
            TempData[await import.RollbackAsync(id, OfficeId, ct) ? "Flash" : "Error"] = await db.ImportRuns.AnyAsync(r => r.Id == id && r.State == ImportState.RolledBack, ct) ? "Import.RolledBack" : "Import.CannotRollBack";
        }

        return Redirect($"/registry/import/{id}");
    }

    private IEnumerable<ImportErrorRow> StoredErrors(byte[] bytes) =>
        Csv.Parse(new StringReader(Csv.Encoding.GetString(bytes, 3, bytes.Length - 3))).Skip(1)
            .Select(r => new ImportErrorRow(r[0], r[1], l["Import.Error." + r[2], r.Length > 3 ? r[3] : string.Empty], r.Length > 3 && r[3].Length > 0 ? r[3] : null));
}

/// <summary>
/// Runs imports in the background, a batch at a time, and picks up runs left running by a restart.
/// Each run takes a lease per batch loop so two nodes never write the same run.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ImportWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Nudge() => _signal.Release();

    /// <summary>How long a node's claim on a run lasts without renewal (renewed every five batches): after a node dies, another resumes the run this much later.</summary>
    private TimeSpan Lease => TimeSpan.FromSeconds(configuration.GetValue("Jobs:ImportLeaseSeconds", 600));

    public async Task<int> RunPendingAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var node = scope.ServiceProvider.GetRequiredService<Portal.Web.Infrastructure.NodeId>().Value;
        var running = await db.ImportRuns.AsNoTracking().Where(r => r.State == ImportState.Running).Select(r => r.Id).ToListAsync(ct);
        var done = 0;
        foreach (var id in running)
        {
            if (!await Certificates.JobLeases.TryTakeAsync(db, "import:" + id, node, DateTime.UtcNow, Lease, ct))
            {
                continue;
            }

            var import = scope.ServiceProvider.GetRequiredService<RegisterImport>();
            // Stop as soon as the claim is lost (this node stalled past the lease and another took the run over).
            while (await import.RunBatchesAsync(id, 5, ct) && await Certificates.JobLeases.TryTakeAsync(db, "import:" + id, node, DateTime.UtcNow, Lease, ct))
            {
            }

            done++;
        }

        return done;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Jobs:RunInBackground", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Import worker failed; it will retry");
            }

            try
            {
                await _signal.WaitAsync(TimeSpan.FromSeconds(configuration.GetValue("Jobs:ImportPollSeconds", 30)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
