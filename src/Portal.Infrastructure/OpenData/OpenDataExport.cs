using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.OpenData;

/// <summary>
/// One day's open-data file of the public register. Kept in the database (gzip-compressed) so every web
/// node serves the same file; only public items are in it — never identity numbers.
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

    public long Length { get; set; }

    public required byte[] Gzip { get; set; }
}

public static class OpenDataExport
{
    public const int Keep = 7;

    public static readonly string[] Columns =
    [
        "code", "name", "second_name", "status", "registered_on", "ended_on", "domicile", "purpose_and_scope", "legal_representative",
        "funding_source", "startup_capital_10k_yuan", "sponsor", "office", "certificate_number", "certificate_valid_until",
    ];

    private static readonly string[] HeaderZh =
    [
        "统一社会信用代码", "名称", "第二名称", "状态", "登记日期", "终止日期", "住所", "宗旨和业务范围", "法定代表人",
        "经费来源", "开办资金（万元）", "举办单位", "登记管理机关", "证书编号", "证书有效期至",
    ];

    /// <summary>Makes today's CSV and JSON unless they exist; returns the rows written (0 when already made).</summary>
    public static async Task<int> MakeAsync(PortalDbContext db, DateOnly day, DateTime nowUtc, CancellationToken ct = default)
    {
        if (await db.OpenDataFiles.AnyAsync(f => f.Day == day, ct))
        {
            return 0;
        }

        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.NameZh, ct);
        var funding = await db.FundingSources.AsNoTracking().ToDictionaryAsync(f => f.Code, f => f.NameZh, ct);
        using var csv = new MemoryStream();
        using var json = new MemoryStream();
        csv.Write(Csv.Utf8Bom);
        csv.Write(Csv.Encoding.GetBytes(Csv.Line(Columns.Select((c, i) => HeaderZh[i] + " " + c))));
        await using var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = FeedJson.Options.Encoder });
        writer.WriteStartObject();
        writer.WriteString("day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("generatedUtc", nowUtc);
        writer.WriteStartArray("institutions");
        var rows = 0;
        await foreach (var i in db.Institutions.AsNoTracking().OrderBy(i => i.Code)
            .Select(i => new { i.Code, i.Current.Name, i.Current.SecondName, i.Status, i.RegisteredOn, i.EndedOn, i.Current.Domicile, i.Current.PurposeAndScope,
                i.Current.LegalRepresentative, i.Current.FundingSourceCode, i.Current.StartupCapital, i.Current.Sponsor, i.OfficeId, i.CertificateNumber, i.CertificateValidUntil })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            string?[] values =
            [
                i.Code, i.Name, i.SecondName, i.Status.ToString(), Date(i.RegisteredOn), Date(i.EndedOn), i.Domicile, i.PurposeAndScope, i.LegalRepresentative,
                funding.GetValueOrDefault(i.FundingSourceCode) ?? i.FundingSourceCode, i.StartupCapital.ToString("0.00", CultureInfo.InvariantCulture), i.Sponsor,
                offices.GetValueOrDefault(i.OfficeId), i.CertificateNumber, Date(i.CertificateValidUntil),
            ];
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
            rows++;
        }

        writer.WriteEndArray();
        writer.WriteNumber("count", rows);
        writer.WriteEndObject();
        await writer.FlushAsync(ct);

        db.OpenDataFiles.Add(File(day, "csv", csv.ToArray(), rows, nowUtc));
        db.OpenDataFiles.Add(File(day, "json", json.ToArray(), rows, nowUtc));
        await db.OpenDataFiles.Where(f => f.Day <= day.AddDays(-Keep)).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return rows;
    }

    public static async Task WriteUncompressedAsync(byte[] gzip, Stream output, CancellationToken ct)
    {
        await using var unzip = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        await unzip.CopyToAsync(output, ct);
    }

    private static OpenDataFile File(DateOnly day, string format, byte[] content, int rows, DateTime nowUtc)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return new OpenDataFile
        {
            Id = Guid.CreateVersion7(), Day = day, Format = format, CreatedUtc = nowUtc, Rows = rows,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Length = content.Length, Gzip = packed.ToArray(),
        };
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
