using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Calendar;
using Portal.Domain.Common;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Seeding;

/// <summary>
/// Loads reference data from db/seed/: funding sources, regions and the holiday calendar. Only rows
/// that are missing are added, so an administrator's edits survive every restart.
/// </summary>
public sealed partial class ReferenceDataSeeder(PortalDbContext db, RepositoryPaths paths, ILogger<ReferenceDataSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (!Directory.Exists(paths.Seed))
        {
            LogNoSeedFolder(logger, paths.Seed);
            return;
        }

        var funding = Read<List<FundingSeed>>("funding-sources.json") ?? [];
        var knownFunding = await db.FundingSources.Select(f => f.Code).ToListAsync(ct);
        foreach (var f in funding.Where(f => !knownFunding.Contains(f.Code)))
        {
            db.FundingSources.Add(new FundingSource(f.Code, f.NameZh, f.NameEn, f.SortOrder));
        }

        var regions = Read<List<RegionSeed>>("regions.json") ?? [];
        var knownRegions = await db.Regions.Select(r => r.Code).ToListAsync(ct);
        foreach (var r in regions.Where(r => !knownRegions.Contains(r.Code)))
        {
            db.Regions.Add(new Region(r.Code, r.NameZh, r.NameEn));
        }

        var holidays = Read<HolidayFile>("holidays-cn.json")?.Days ?? [];
        var knownDays = (await db.CalendarDays.Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        foreach (var d in holidays)
        {
            var date = DateOnly.ParseExact(d.Date, "yyyy-MM-dd");
            if (knownDays.Add(date))
            {
                var kind = d.Kind == "workday" ? CalendarDayKind.Workday : CalendarDayKind.Holiday;
                db.CalendarDays.Add(new CalendarDay(date, kind, d.Name_zh, d.Name_en));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private T? Read<T>(string file)
    {
        var path = Path.Combine(paths.Seed, file);
        return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : default;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed folder {Path} not found; reference data not loaded")]
    private static partial void LogNoSeedFolder(ILogger logger, string path);

    private sealed record FundingSeed(string Code, string NameZh, string NameEn, int SortOrder);

    private sealed record RegionSeed(string Code, string NameZh, string NameEn);

    private sealed record HolidayFile(List<HolidaySeed> Days);

    private sealed record HolidaySeed(string Date, string Kind, string Name_zh, string Name_en);
}
