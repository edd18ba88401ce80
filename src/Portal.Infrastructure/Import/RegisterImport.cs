using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Codes;
using Portal.Domain.Common;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Codes;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;

namespace Portal.Infrastructure.Import;

public enum ImportState
{
    /// <summary>Dry run done; nothing written.</summary>
    Validated,
    Running,
    Paused,
    Completed,
    RolledBack,
}

/// <summary>One upload of an office's existing register: the file, its dry-run result, and how far the real run has got.</summary>
public class ImportRun
{
    public Guid Id { get; set; }

    public Guid OfficeId { get; set; }

    public required string FileName { get; set; }

    public Guid FileId { get; set; }

    /// <summary>The dry run's errors as CSV (row, column, error, value); none when the file is clean.</summary>
    public Guid? ErrorsFileId { get; set; }

    public required string Encoding { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }

    public int TotalRows { get; set; }

    public int ErrorCount { get; set; }

    /// <summary>Rows whose code is already in this office's register: skipped (what makes a re-run change nothing).</summary>
    public int AlreadyPresent { get; set; }

    public ImportState State { get; set; }

    /// <summary>Rows handled so far; advanced in the same transaction as the rows it covers, so a restart resumes exactly here.</summary>
    public int ProcessedRows { get; set; }

    public int Inserted { get; set; }

    public int Skipped { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public TimeSpan Elapsed { get; set; }
}

/// <summary>Which institutions a run wrote: what a rollback removes.</summary>
public class ImportRunInstitution
{
    public Guid ImportRunId { get; set; }

    public Guid InstitutionId { get; set; }
}

public sealed record ImportError(int Row, string Column, string Code, string? Value);

/// <summary>One valid row: an institution's registered items, or (机关、群团赋码, by the category column) an agency's printed items.</summary>
public sealed record ImportRow(int Row, UnifiedSocialCreditCode Code, RegisteredItems? Items, DateOnly RegisteredOn, string? CertificateNumber, DateOnly? CertificateValidUntil, Portal.Domain.Agencies.AgencyItems? Agency = null);

public sealed record ImportValidation(string Encoding, int TotalRows, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors, IReadOnlySet<string> AlreadyPresent);

/// <summary>
/// Brings an office's existing register onto the portal from CSV (UTF-8 or GB18030). A dry run
/// validates every row and writes nothing; the real run writes in batches, each one transaction that
/// also advances the run's position, so it can be paused, resumed after a crash, or rolled back, and
/// never leaves half an institution. Rows whose code the office already holds are skipped: running
/// the same file twice changes nothing.
/// </summary>
public sealed class RegisterImport(PortalDbContext db, TimeProvider clock, Observability.PortalMetrics metrics)
{
    public const int BatchSize = 2000;
    public const int MaxRows = 200_000;
    public const long MaxBytes = 100L * 1024 * 1024;

    /// <summary>The template's columns: key (English) and the Chinese heading; either is accepted as the header.</summary>
    public static readonly (string Key, string Zh, bool Required)[] Columns =
    [
        ("code", "统一社会信用代码", true),
        ("name", "名称", true),
        ("second_name", "第二名称", false),
        ("domicile", "住所", true),
        ("purpose_and_scope", "宗旨和业务范围", true),
        ("legal_representative", "法定代表人", true),
        ("legal_representative_id", "法定代表人身份证号码", true),
        ("funding_source", "经费来源", true),
        ("startup_capital", "开办资金（万元）", true),
        ("sponsor", "举办单位", true),
        ("registered_on", "登记日期", true),
        ("certificate_number", "证书编号", false),
        ("certificate_valid_until", "证书有效期至", false),

        // 机关、群团赋码: blank or 事业单位 for an institution; 机关, 群团 or 其他 for an agency, whose code must carry the same mark.
        ("category", "类别", false),
        ("establishing_document", "设立文件", false),
    ];

    /// <summary>Columns an agency's row leaves empty: they belong to institutions only.</summary>
    private static readonly HashSet<string> InstitutionOnly = ["funding_source", "startup_capital", "sponsor"];

    /// <summary>The category column's values, in either language; null is an institution.</summary>
    public static bool TryCategory(string? value, out Portal.Domain.Agencies.AgencyCategory? category)
    {
        category = value?.Trim() switch
        {
            null or "" or "事业单位" or "PublicInstitution" => null,
            "机关" or "Organ" => Portal.Domain.Agencies.AgencyCategory.Organ,
            "群团" or "PeopleOrganisation" => Portal.Domain.Agencies.AgencyCategory.PeopleOrganisation,
            "其他" or "Other" => Portal.Domain.Agencies.AgencyCategory.Other,
            _ => (Portal.Domain.Agencies.AgencyCategory?)(-1),
        };
        return category is null || Enum.IsDefined(category.Value);
    }

    private static readonly Dictionary<string, int> MaxLengths = new()
    {
        ["name"] = 100, ["second_name"] = 100, ["domicile"] = 200, ["purpose_and_scope"] = 2000, ["legal_representative"] = 50,
        ["sponsor"] = 100, ["certificate_number"] = 20, ["establishing_document"] = 100,
    };

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GB18030 (what Excel saves on a Chinese Windows).</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Csv.Utf8Bom))
        {
            return (new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3), "UTF-8");
        }

        try
        {
            return (new UTF8Encoding(false, true).GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return (System.Text.Encoding.GetEncoding("GB18030").GetString(bytes), "GB18030");
        }
    }

    public async Task<ImportValidation> ValidateAsync(byte[] bytes, Guid officeId, CancellationToken ct = default)
    {
        var (text, encoding) = Decode(bytes);
        var errors = new List<ImportError>();
        var records = Csv.Parse(new StringReader(text)).Where(r => r.Any(f => !string.IsNullOrWhiteSpace(f))).ToList();
        if (records.Count == 0)
        {
            errors.Add(new ImportError(1, "-", "Empty", null));
            return new ImportValidation(encoding, 0, [], errors, new HashSet<string>());
        }

        var header = records[0].Select(h => h.Trim()).ToArray();
        var index = new Dictionary<string, int>();
        foreach (var (key, zh, required) in Columns)
        {
            var at = Array.FindIndex(header, h => h.Equals(key, StringComparison.OrdinalIgnoreCase) || h == zh || h.EndsWith(" " + key, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                index[key] = at;
            }
            else if (required)
            {
                errors.Add(new ImportError(1, key, "ColumnMissing", null));
            }
        }

        if (errors.Count > 0)
        {
            return new ImportValidation(encoding, records.Count - 1, [], errors, new HashSet<string>());
        }

        if (records.Count - 1 > MaxRows)
        {
            errors.Add(new ImportError(1, "-", "TooManyRows", MaxRows.ToString(CultureInfo.InvariantCulture)));
            return new ImportValidation(encoding, records.Count - 1, [], errors, new HashSet<string>());
        }

        var funding = await db.FundingSources.AsNoTracking().Select(f => new { f.Code, f.NameZh }).ToListAsync(ct);
        var today = LocalDay.TodayInChina(clock);
        var rows = new List<ImportRow>();
        var firstRowOfCode = new Dictionary<string, int>();
        for (var r = 1; r < records.Count; r++)
        {
            var rowNumber = r + 1; // as a spreadsheet numbers it, the header being row 1
            var record = records[r];
            string? Get(string key) => index.TryGetValue(key, out var i) && i < record.Length ? record[i].Trim() is { Length: > 0 } v ? v : null : null;
            var before = errors.Count;
            void Error(string column, string code, string? value = null) => errors.Add(new ImportError(rowNumber, column, code, value));
            if (!TryCategory(Get("category"), out var category))
            {
                Error("category", "CategoryUnknown", Get("category"));
            }

            var isAgency = category is not null;
            foreach (var (key, _, required) in Columns)
            {
                var value = Get(key);
                if (required && value is null && !(isAgency && InstitutionOnly.Contains(key)))
                {
                    Error(key, "Required");
                }
                else if (value is not null && MaxLengths.TryGetValue(key, out var max) && value.Length > max)
                {
                    Error(key, "TooLong", max.ToString(CultureInfo.InvariantCulture));
                }
                else if (value is not null && value.Any(char.IsControl))
                {
                    Error(key, "ControlCharacters");
                }
            }

            UnifiedSocialCreditCode code = default;
            if (Get("code") is { } rawCode)
            {
                if (!UnifiedSocialCreditCode.TryParse(rawCode, out code))
                {
                    Error("code", "CodeInvalid", rawCode);
                }
                else if (firstRowOfCode.TryGetValue(code.Value, out var first))
                {
                    Error("code", "DuplicateInFile", first.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    firstRowOfCode[code.Value] = rowNumber;
                }

                // The code's second character is the body's category: 2 an institution, 1/3/9 an organ, people's organisation, other.
                var expected = category is { } ac ? Portal.Domain.Agencies.Agency.CodeCategoryOf(ac) : CodeCategory.PublicInstitution;
                if (code.Value is { Length: > 0 } && code.Category != expected)
                {
                    Error("category", "CategoryMismatch", rawCode);
                }
            }

            if (Get("legal_representative_id") is { } id && !ResidentIdNumber.IsValid(id.ToUpperInvariant()))
            {
                Error("legal_representative_id", "IdNumberInvalid");
            }

            string? fundingCode = null;
            if (!isAgency && Get("funding_source") is { } f)
            {
                fundingCode = funding.FirstOrDefault(x => x.Code.Equals(f, StringComparison.OrdinalIgnoreCase) || x.NameZh == f)?.Code;
                if (fundingCode is null)
                {
                    Error("funding_source", "FundingUnknown", f);
                }
            }

            decimal capital = 0;
            if (!isAgency && Get("startup_capital") is { } c && (!decimal.TryParse(c.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out capital)
                || capital < 0 || capital > 100_000_000 || decimal.Round(capital, 2) != capital))
            {
                Error("startup_capital", "CapitalInvalid", c);
            }

            DateOnly registeredOn = default;
            if (Get("registered_on") is { } ro)
            {
                if (!TryDate(ro, out registeredOn) || registeredOn.Year < 1949)
                {
                    Error("registered_on", "DateInvalid", ro);
                }
                else if (registeredOn > today)
                {
                    Error("registered_on", "DateInFuture", ro);
                }
            }

            DateOnly? validUntil = null;
            if (Get("certificate_valid_until") is { } vu)
            {
                if (!TryDate(vu, out var v))
                {
                    Error("certificate_valid_until", "DateInvalid", vu);
                }
                else if (registeredOn != default && v < registeredOn)
                {
                    Error("certificate_valid_until", "ValidUntilBeforeRegistered", vu);
                }
                else
                {
                    validUntil = v;
                }
            }

            if (!isAgency && Get("certificate_number") is not null && Get("certificate_valid_until") is null)
            {
                Error("certificate_valid_until", "Required"); // an agency's paper certificate may print no validity
            }

            if (errors.Count == before && category is { } agencyCategory)
            {
                rows.Add(new ImportRow(rowNumber, code, null, registeredOn, Get("certificate_number"), validUntil, new Portal.Domain.Agencies.AgencyItems
                {
                    Name = Get("name")!, SecondName = Get("second_name"), Category = agencyCategory, EstablishingDocument = Get("establishing_document") ?? string.Empty,
                    Functions = Get("purpose_and_scope")!, Address = Get("domicile")!, PersonInCharge = Get("legal_representative")!,
                    PersonInChargeIdNumber = Get("legal_representative_id")!.ToUpperInvariant(),
                }));
            }
            else if (errors.Count == before)
            {
                rows.Add(new ImportRow(rowNumber, code, new RegisteredItems
                {
                    Name = Get("name")!, SecondName = Get("second_name"), Domicile = Get("domicile")!, PurposeAndScope = Get("purpose_and_scope")!,
                    LegalRepresentative = Get("legal_representative")!, LegalRepresentativeIdNumber = Get("legal_representative_id")!.ToUpperInvariant(),
                    FundingSourceCode = fundingCode!, StartupCapital = capital, Sponsor = Get("sponsor")!,
                }, registeredOn, Get("certificate_number"), validUntil));
            }
        }

        // Against the register: a code this office holds is skipped (re-runs change nothing); one held by
        // another office, or a body issued to another code, is an error.
        var present = new HashSet<string>();
        foreach (var chunk in rows.Chunk(500))
        {
            var codes = chunk.Select(r => r.Code.Value).ToList();
            var existing = await db.Institutions.AsNoTracking().Where(i => codes.Contains(i.Code)).Select(i => new { i.Code, i.OfficeId }).ToListAsync(ct);
            existing.AddRange(await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).Select(a => new { a.Code, a.OfficeId }).ToListAsync(ct));
            foreach (var e in existing)
            {
                if (e.OfficeId == officeId)
                {
                    present.Add(e.Code);
                }
                else
                {
                    var row = chunk.First(r => r.Code.Value == e.Code);
                    errors.Add(new ImportError(row.Row, "code", "CodeInOtherOffice", e.Code));
                }
            }

            var bodies = chunk.Select(r => r.Code.Body).ToList();
            foreach (var taken in await db.IssuedCodes.AsNoTracking().Where(c => bodies.Contains(c.Body)).Select(c => new { c.Body, c.Code }).ToListAsync(ct))
            {
                var row = chunk.First(r => r.Code.Body == taken.Body);
                if (taken.Code != row.Code.Value)
                {
                    errors.Add(new ImportError(row.Row, "code", "BodyTaken", taken.Code));
                }
            }
        }

        var bad = errors.Select(e => e.Row).ToHashSet();
        return new ImportValidation(encoding, records.Count - 1, rows.Where(r => !bad.Contains(r.Row)).ToList(),
            errors.OrderBy(e => e.Row).ThenBy(e => Array.FindIndex(Columns, c => c.Key == e.Column)).ToList(), present);
    }

    /// <summary>
    /// The dry run: validates and records the run (with the file and its errors, kept as codes so each reader
    /// sees them in their own language). Writes no institution.
    /// </summary>
    public async Task<ImportRun> CreateRunAsync(Guid officeId, string fileName, byte[] bytes, string createdBy, CancellationToken ct = default)
    {
        var validation = await ValidateAsync(bytes, officeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var file = StoredFile.Create(bytes, now);
        db.StoredFiles.Add(file);
        StoredFile? errorsFile = null;
        if (validation.Errors.Count > 0)
        {
            var csv = new StringBuilder(Csv.Line(["row", "column", "error", "value"]));
            foreach (var e in validation.Errors)
            {
                csv.Append(Csv.Line([e.Row.ToString(CultureInfo.InvariantCulture), e.Column, e.Code, e.Value]));
            }

            errorsFile = StoredFile.Create([.. Csv.Utf8Bom, .. Csv.Encoding.GetBytes(csv.ToString())], now);
            db.StoredFiles.Add(errorsFile);
        }

        var run = new ImportRun
        {
            Id = Guid.CreateVersion7(), OfficeId = officeId, FileName = fileName, FileId = file.Id, ErrorsFileId = errorsFile?.Id, Encoding = validation.Encoding,
            CreatedUtc = now, UpdatedUtc = now, CreatedBy = createdBy, TotalRows = validation.TotalRows, ErrorCount = validation.Errors.Count,
            AlreadyPresent = validation.AlreadyPresent.Count, State = ImportState.Validated,
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>Starts (or resumes) a clean run; a run with errors never starts.</summary>
    public async Task<bool> StartAsync(Guid runId, Guid officeId, CancellationToken ct = default)
    {
        var updated = await db.ImportRuns.Where(r => r.Id == runId && r.OfficeId == officeId && r.ErrorCount == 0 && (r.State == ImportState.Validated || r.State == ImportState.Paused))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ImportState.Running).SetProperty(r => r.UpdatedUtc, clock.GetUtcNow().UtcDateTime), ct);
        return updated == 1;
    }

    public async Task<bool> PauseAsync(Guid runId, Guid officeId, CancellationToken ct = default) =>
        await db.ImportRuns.Where(r => r.Id == runId && r.OfficeId == officeId && r.State == ImportState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ImportState.Paused).SetProperty(r => r.UpdatedUtc, clock.GetUtcNow().UtcDateTime), ct) == 1;

    /// <summary>
    /// Writes up to <paramref name="maxBatches"/> batches of a running import; returns false when the run
    /// is not (or no longer) running. Each batch is one transaction: institutions, their first version,
    /// their issued code, the link to this run, and the run's new position.
    /// </summary>
    public async Task<bool> RunBatchesAsync(Guid runId, int maxBatches = int.MaxValue, CancellationToken ct = default)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is not { State: ImportState.Running })
        {
            return false;
        }

        var bytes = await db.StoredFiles.AsNoTracking().Where(f => f.Id == run.FileId).Select(f => f.Content).SingleAsync(ct);
        var validation = await ValidateAsync(bytes, run.OfficeId, ct);
        if (validation.Errors.Count > 0)
        {
            // The register changed since the dry run (another office took a code): stop rather than write around it.
            await db.ImportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ImportState.Paused).SetProperty(r => r.ErrorCount, validation.Errors.Count), ct);
            return false;
        }

        var rows = validation.Rows;
        var started = DateTime.UtcNow;
        for (var batch = 0; batch < maxBatches; batch++)
        {
            ct.ThrowIfCancellationRequested();
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var current = await db.ImportRuns.SingleAsync(r => r.Id == runId, ct);
            if (current.State != ImportState.Running)
            {
                return false; // paused between batches
            }

            var slice = rows.Skip(current.ProcessedRows).Take(BatchSize).ToList();
            var (insertedBefore, skippedBefore) = (current.Inserted, current.Skipped);
            var codes = slice.Select(r => r.Code.Value).ToList();
            var existing = (await db.Institutions.AsNoTracking().Where(i => codes.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct)).ToHashSet();
            existing.UnionWith(await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).Select(a => a.Code).ToListAsync(ct));
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var row in slice)
            {
                if (existing.Contains(row.Code.Value))
                {
                    current.Skipped++;
                    continue;
                }

                if (row.Agency is { } agencyItems)
                {
                    // An organ or people's organisation: its code and printed items; the paper certificate stays on record until its first change.
                    var agency = Portal.Domain.Agencies.Agency.Register(current.OfficeId, row.Code, agencyItems, row.RegisteredOn, now);
                    if (row.CertificateNumber is { } paper)
                    {
                        agency.RecordPaperCertificate(paper, row.CertificateValidUntil);
                    }

                    db.Agencies.Add(agency);
                    db.IssuedCodes.Add(new IssuedCode { Code = row.Code.Value, Body = row.Code.Body, OfficeId = current.OfficeId, IssuedUtc = now });
                    db.ImportRunInstitutions.Add(new ImportRunInstitution { ImportRunId = runId, InstitutionId = agency.Id });
                    current.Inserted++;
                    continue;
                }

                var institution = Institution.Register(current.OfficeId, row.Code, row.Items!, row.RegisteredOn, now, row.CertificateNumber);
                if (row.CertificateNumber is { } number && row.CertificateValidUntil is { } until)
                {
                    institution.RecordCertificate(number, until); // the paper certificate, on record until the first change or renewal
                }

                db.Institutions.Add(institution);
                db.IssuedCodes.Add(new IssuedCode { Code = row.Code.Value, Body = row.Code.Body, OfficeId = current.OfficeId, IssuedUtc = now });
                db.ImportRunInstitutions.Add(new ImportRunInstitution { ImportRunId = runId, InstitutionId = institution.Id });
                current.Inserted++;
            }

            current.ProcessedRows += slice.Count;
            current.UpdatedUtc = now;
            current.Elapsed += DateTime.UtcNow - started;
            started = DateTime.UtcNow;
            if (current.ProcessedRows >= rows.Count)
            {
                current.State = ImportState.Completed;
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            metrics.ImportRows("inserted", current.Inserted - insertedBefore);
            metrics.ImportRows("skipped", current.Skipped - skippedBefore);
            if (current.State == ImportState.Completed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Removes everything a run wrote, batch by batch. Refused when any of its institutions has since been
    /// used on the portal (a filing, a certificate, a report): those are real records now.
    /// </summary>
    public async Task<bool> RollbackAsync(Guid runId, Guid officeId, CancellationToken ct = default)
    {
        var run = await db.ImportRuns.SingleOrDefaultAsync(r => r.Id == runId && r.OfficeId == officeId, ct);
        if (run is null || run.State is ImportState.RolledBack or ImportState.Validated)
        {
            return false;
        }

        var ids = db.ImportRunInstitutions.Where(l => l.ImportRunId == runId).Select(l => l.InstitutionId);
        if (await db.Filings.AnyAsync(f => (f.InstitutionId != null && ids.Contains(f.InstitutionId.Value)) || (f.AgencyId != null && ids.Contains(f.AgencyId.Value)), ct)
            || await db.Certificates.AnyAsync(c => ids.Contains(c.InstitutionId), ct)
            || await db.AgencyCertificates.AnyAsync(c => ids.Contains(c.AgencyId), ct)
            || await db.AnnualReports.AnyAsync(r => ids.Contains(r.InstitutionId), ct))
        {
            return false;
        }

        run.State = ImportState.Paused; // stop the writer first
        await db.SaveChangesAsync(ct);
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.ImportRunInstitutions.Where(l => l.ImportRunId == runId).Select(l => l.InstitutionId).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                await tx.RollbackAsync(ct);
                break;
            }

            var codes = await db.Institutions.Where(i => batch.Contains(i.Id)).Select(i => i.Code).ToListAsync(ct);
            codes.AddRange(await db.Agencies.Where(a => batch.Contains(a.Id)).Select(a => a.Code).ToListAsync(ct));
            await db.Set<Portal.Domain.Agencies.AgencyVersion>().Where(v => batch.Contains(v.AgencyId)).ExecuteDeleteAsync(ct);
            await db.Agencies.Where(a => batch.Contains(a.Id)).ExecuteDeleteAsync(ct);
            var institutions = await db.Institutions.Where(i => batch.Contains(i.Id)).ToListAsync(ct);
            db.Institutions.RemoveRange(institutions); // the feed records each as withdrawn
            await db.InstitutionVersions.Where(v => batch.Contains(v.InstitutionId)).ExecuteDeleteAsync(ct);
            await db.IssuedCodes.Where(c => codes.Contains(c.Code)).ExecuteDeleteAsync(ct);
            await db.ImportRunInstitutions.Where(l => l.ImportRunId == runId && batch.Contains(l.InstitutionId)).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await db.ImportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ImportState.RolledBack)
            .SetProperty(r => r.UpdatedUtc, clock.GetUtcNow().UtcDateTime).SetProperty(r => r.Inserted, 0), ct);
        return true;
    }

    private static bool TryDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
