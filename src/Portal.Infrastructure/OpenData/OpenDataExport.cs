using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.OpenData;

/// <summary>
/// One day's open-data file of the public register (CSV or JSON), gzip-compressed and kept in the database
/// in chunks, so every web node serves the same file and no row holds a hundred megabytes. Only public
/// items are in it — never identity numbers. Visible once <see cref="Complete"/>.
/// </summary>
public class OpenDataFile
{
    public Guid Id { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>csv or json.</summary>
    public required string Format { get; set; }

    public DateTime CreatedUtc { get; set; }

    public int Rows { get; set; }

    /// <summary>SHA-256 of the uncompressed file, published beside the download.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Length of the uncompressed file.</summary>
    public long Length { get; set; }

    /// <summary>Set when the last chunk is written: until then the file is not offered.</summary>
    public bool Complete { get; set; }
}

/// <summary>A piece (at most <see cref="OpenDataExport.ChunkBytes"/>) of an open-data file's gzip stream.</summary>
public class OpenDataChunk
{
    public Guid FileId { get; set; }

    public int Index { get; set; }

    public required byte[] Bytes { get; set; }
}

/// <summary>
/// Makes the day's files by walking the register in batches (keyset on the code, one short query each),
/// streaming both formats through gzip into temporary files, and pausing between batches
/// (<paramref name="pause"/>) so requests keep the machine; then stores them chunk by chunk.
/// </summary>
public static class OpenDataExport
{
    public const int Keep = 7;
    public const int ChunkBytes = 4 * 1024 * 1024;
    private const int BatchSize = 500;

    public static readonly string[] Columns =
    [
        "code", "name", "second_name", "status", "registered_on", "ended_on", "domicile", "purpose_and_scope", "legal_representative",
        "funding_source", "startup_capital_10k_yuan", "sponsor", "office", "certificate_number", "certificate_valid_until", "category",
    ];

    private static readonly string[] HeaderZh =
    [
        "统一社会信用代码", "名称", "第二名称", "状态", "登记日期", "终止日期", "住所", "宗旨和业务范围", "法定代表人",
        "经费来源", "开办资金（万元）", "举办单位", "登记管理机关", "证书编号", "证书有效期至", "类别",
    ];

    /// <summary>
    /// The category column: institutions first, then the agencies the office gives codes to (机关、群团赋码). For an agency the
    /// domicile column holds its address, purpose_and_scope its functions, legal_representative its person in charge, and the
    /// institution-only columns are empty.
    /// </summary>
    public const string InstitutionCategory = "PublicInstitution";

    /// <summary>Makes the day's CSV and JSON unless they exist; returns the rows written (0 when already made).</summary>
    /// <param name="pause">Called often (every few dozen rows and after each query): the job's duty cycle decides whether to pause.</param>
    public static async Task<int> MakeAsync(Func<PortalDbContext> contexts, DateOnly day, DateTime nowUtc, Func<CancellationToken, Task>? pause = null, CancellationToken ct = default)
    {
        Dictionary<Guid, string> offices;
        Dictionary<string, string> funding;
        await using (var db = contexts())
        {
            if (await db.OpenDataFiles.AnyAsync(f => f.Day == day && f.Complete, ct))
            {
                return 0;
            }

            offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.NameZh, ct);
            funding = await db.FundingSources.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.NameZh, ct);
        }

        var folder = Directory.CreateTempSubdirectory("portal-open-data-").FullName;
        try
        {
            using var csv = new Output(Path.Combine(folder, "register.csv.gz"));
            using var json = new Output(Path.Combine(folder, "register.json.gz"));
            csv.Write(Csv.Utf8Bom);
            csv.Write(Csv.Encoding.GetBytes(Csv.Line(Columns.Select((c, i) => HeaderZh[i] + " " + c))));
            var writer = new Utf8JsonWriter(json.Stream, new JsonWriterOptions { Encoder = FeedJson.Options.Encoder });
            writer.WriteStartObject();
            writer.WriteString("day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("generatedUtc", nowUtc);
            writer.WriteStartArray("institutions");
            var rows = 0;
            var after = string.Empty;
            while (true)
            {
                await using var db = contexts();
                var batch = await db.Institutions.AsNoTracking().Where(i => string.Compare(i.Code, after) > 0).OrderBy(i => i.Code).Take(BatchSize)
                    .Select(i => new
                    {
                        i.Code, i.Current.Name, i.Current.SecondName, i.Status, i.RegisteredOn, i.EndedOn, i.Current.Domicile, i.Current.PurposeAndScope,
                        i.Current.LegalRepresentative, i.Current.FundingSourceCode, i.Current.StartupCapital, i.Current.Sponsor, i.OfficeId, i.CertificateNumber, i.CertificateValidUntil,
                    })
                    .ToListAsync(ct);
                if (batch.Count == 0)
                {
                    break;
                }

                if (pause is not null)
                {
                    await pause(ct);
                }

                var n = 0;
                foreach (var i in batch)
                {
                    if (pause is not null && ++n % 50 == 0)
                    {
                        await pause(ct);
                    }

                    string?[] values =
                    [
                        i.Code, i.Name, i.SecondName, i.Status.ToString(), Date(i.RegisteredOn), Date(i.EndedOn), i.Domicile, i.PurposeAndScope, i.LegalRepresentative,
                        funding.GetValueOrDefault(i.FundingSourceCode) ?? i.FundingSourceCode, i.StartupCapital.ToString("0.00", CultureInfo.InvariantCulture), i.Sponsor,
                        offices.GetValueOrDefault(i.OfficeId), i.CertificateNumber, Date(i.CertificateValidUntil), InstitutionCategory,
                    ];
                    WriteRow(csv, writer, values);
                }

                rows += batch.Count;
                after = batch[^1].Code;
                await writer.FlushAsync(ct);
                if (pause is not null)
                {
                    await pause(ct);
                }
            }

            writer.WriteEndArray();
            var institutionRows = rows;
            writer.WriteStartArray("agencies");
            rows += await WriteAgenciesAsync(contexts, csv, writer, offices, ct);
            writer.WriteEndArray();
            writer.WriteNumber("count", institutionRows);
            writer.WriteNumber("agencyCount", rows - institutionRows);
            writer.WriteEndObject();
            await writer.FlushAsync(ct);
            await writer.DisposeAsync();
            csv.Finish();
            json.Finish();

            await StoreAsync(contexts, day, "csv", csv, rows, nowUtc, pause, ct);
            await StoreAsync(contexts, day, "json", json, rows, nowUtc, pause, ct);
            await using (var db = contexts())
            {
                var old = await db.OpenDataFiles.Where(f => f.Day <= day.AddDays(-Keep)).Select(f => f.Id).ToListAsync(ct);
                await db.OpenDataChunks.Where(c => old.Contains(c.FileId)).ExecuteDeleteAsync(ct);
                await db.OpenDataFiles.Where(f => old.Contains(f.Id)).ExecuteDeleteAsync(ct);
            }

            return rows;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The file row first (not yet complete), then the chunks a few per transaction, then complete.</summary>
    private static async Task StoreAsync(Func<PortalDbContext> contexts, DateOnly day, string format, Output output, int rows, DateTime nowUtc, Func<CancellationToken, Task>? pause, CancellationToken ct)
    {
        var file = new OpenDataFile { Id = Guid.CreateVersion7(), Day = day, Format = format, CreatedUtc = nowUtc, Rows = rows, Sha256 = output.Sha256, Length = output.Length };
        await using (var db = contexts())
        {
            // A file of the same day left half-stored by a crash is replaced.
            var stale = await db.OpenDataFiles.Where(f => f.Day == day && f.Format == format).Select(f => f.Id).ToListAsync(ct);
            await db.OpenDataChunks.Where(c => stale.Contains(c.FileId)).ExecuteDeleteAsync(ct);
            await db.OpenDataFiles.Where(f => stale.Contains(f.Id)).ExecuteDeleteAsync(ct);
            db.OpenDataFiles.Add(file);
            await db.SaveChangesAsync(ct);
        }

        await using var stream = File.OpenRead(output.Path);
        var buffer = new byte[ChunkBytes];
        var index = 0;
        while (true)
        {
            var read = await stream.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
            if (read == 0)
            {
                break;
            }

            await using (var db = contexts())
            {
                db.OpenDataChunks.Add(new OpenDataChunk { FileId = file.Id, Index = index++, Bytes = buffer[..read] });
                await db.SaveChangesAsync(ct);
            }

            if (pause is not null)
            {
                await pause(ct);
            }
        }

        await using (var db = contexts())
        {
            await db.OpenDataFiles.Where(f => f.Id == file.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Complete, true), ct);
        }
    }

    /// <summary>Writes the stored file to <paramref name="output"/>: the gzip stream as stored, or uncompressed.</summary>
    private static void WriteRow(Output csv, Utf8JsonWriter writer, string?[] values)
    {
        csv.Write(Csv.Encoding.GetBytes(Csv.Line(values)));
        writer.WriteStartObject();
        for (var c = 0; c < Columns.Length; c++)
        {
            if (values[c] is null)
            {
                writer.WriteNull(Columns[c]);
            }
            else
            {
                writer.WriteString(Columns[c], values[c]);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>The agencies (hundreds per office, not millions): one query, the same columns, the person in charge by name only.</summary>
    private static async Task<int> WriteAgenciesAsync(Func<PortalDbContext> contexts, Output csv, Utf8JsonWriter writer, Dictionary<Guid, string> offices, CancellationToken ct)
    {
        await using var db = contexts();
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code)
            .Select(a => new
            {
                a.Id, a.Code, a.Current.Name, a.Current.SecondName, a.Status, a.RegisteredOn, a.CancelledOn, a.Current.Address, a.Current.Functions,
                a.Current.PersonInCharge, a.Current.Category, a.OfficeId,
            })
            .ToListAsync(ct);
        var certificates = (await db.AgencyCertificates.AsNoTracking().Where(c => c.Status == Portal.Domain.Certificates.CertificateStatus.Valid)
                .Select(c => new { c.AgencyId, c.Number, c.ValidUntil }).ToListAsync(ct))
            .GroupBy(c => c.AgencyId).ToDictionary(g => g.Key, g => g.First());
        foreach (var a in agencies)
        {
            var certificate = certificates.GetValueOrDefault(a.Id);
            WriteRow(csv, writer,
            [
                a.Code, a.Name, a.SecondName, a.Status.ToString(), Date(a.RegisteredOn), Date(a.CancelledOn), a.Address, a.Functions, a.PersonInCharge,
                null, null, null, offices.GetValueOrDefault(a.OfficeId), certificate?.Number, Date(certificate?.ValidUntil), a.Category.ToString(),
            ]);
        }

        await writer.FlushAsync(ct);
        return agencies.Count;
    }

    public static async Task WriteAsync(PortalDbContext db, Guid fileId, Stream output, bool gzip, CancellationToken ct)
    {
        var count = await db.OpenDataChunks.CountAsync(c => c.FileId == fileId, ct);
        if (gzip)
        {
            await CopyChunksAsync(db, fileId, count, output, ct);
            return;
        }

        var pipe = new System.IO.Pipelines.Pipe();
        var producer = Task.Run(async () =>
        {
            await using var raw = pipe.Writer.AsStream();
            await CopyChunksAsync(db, fileId, count, raw, ct);
        }, ct);
        await using (var unzip = new GZipStream(pipe.Reader.AsStream(), CompressionMode.Decompress))
        {
            await unzip.CopyToAsync(output, ct);
        }

        await producer;
    }

    private static async Task CopyChunksAsync(PortalDbContext db, Guid fileId, int count, Stream output, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            var bytes = await db.OpenDataChunks.AsNoTracking().Where(c => c.FileId == fileId && c.Index == i).Select(c => c.Bytes).SingleAsync(ct);
            await output.WriteAsync(bytes, ct);
        }
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A gzip file being written, with the SHA-256 and length of what went in.</summary>
    private sealed class Output : IDisposable
    {
        private readonly FileStream _file;
        private readonly GZipStream _gzip;
        private readonly HashingStream _hashing;

        public Output(string path)
        {
            Path = path;
            _file = File.Create(path);
            _gzip = new GZipStream(_file, CompressionLevel.Fastest, leaveOpen: true); // fast: the job must stay light
            _hashing = new HashingStream(_gzip);
        }

        public string Path { get; }

        public Stream Stream => _hashing;

        public string Sha256 { get; private set; } = string.Empty;

        public long Length => _hashing.Length;

        public void Write(byte[] bytes) => _hashing.Write(bytes);

        public void Finish()
        {
            _hashing.Flush();
            _gzip.Dispose();
            _file.Dispose(); // closed before it is read back to be stored
            Sha256 = Convert.ToHexStringLower(_hashing.Hash());
        }

        public void Dispose()
        {
            _gzip.Dispose();
            _file.Dispose();
        }
    }

    /// <summary>Passes writes through and hashes them.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public byte[] Hash() => _hash.GetHashAndReset();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _length += buffer.Length;
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
