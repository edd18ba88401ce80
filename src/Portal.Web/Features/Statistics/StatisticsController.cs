using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Infrastructure;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Statistics;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Statistics;

public sealed record OfficeColumn(Guid Id, string Name, OfficeFigures Figures);

/// <summary>A piece of the work-summary sentence: text, or a figure that links to its records.</summary>
public sealed record SentencePart(string Text, Metric? Metric = null);

public sealed record StatisticsViewModel(
    string Preset, Period Period, IReadOnlyList<OfficeColumn> Offices, OfficeFigures Total, Guid OwnOfficeId,
    IReadOnlyList<SentencePart> SentenceZh, IReadOnlyList<SentencePart> SentenceEn, IReadOnlyDictionary<string, string> FundingNames, string? Error)
{
    public string Query(Guid? office = null) =>
        $"from={Period.From:yyyy-MM-dd}&to={Period.To:yyyy-MM-dd}" + (office is { } o ? "&office=" + o : string.Empty);
}

public sealed record RecordsViewModel(Metric Metric, Period Period, string OfficeName, bool Linkable, IReadOnlyList<MetricRecord> Records, string Query);

/// <summary>
/// The office's year in figures for registry staff. A supervisor of a parent office also sees each
/// child office and the sum; a registrar sees their own office only. Every figure lists its records.
/// </summary>
[Route("registry/statistics")]
[Authorize(Policy = Policies.Registry)]
[BackOffice]
public class StatisticsController(PortalDbContext db, OfficeStatistics statistics, IOptions<RegistryOptions> registry, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    public const int MaxYears = 5;

    private Guid OwnOffice => User.OfficeId() ?? throw new InvalidOperationException("Registry policy guarantees an office.");

    [HttpGet("")]
    public async Task<IActionResult> Index(string? preset, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (period, presetName, error) = Resolve(preset, from, to);
        var offices = await VisibleOfficesAsync(ct);
        var columns = new List<OfficeColumn>();
        foreach (var (id, name) in offices)
        {
            columns.Add(new OfficeColumn(id, name, await statistics.ComputeAsync(id, period, registry.Value.DecisionDays, ct)));
        }

        var own = await db.Offices.AsNoTracking().Where(o => o.Id == OwnOffice).Select(o => o.PromisedDecisionWorkingDays).SingleAsync(ct);
        var total = columns.Count == 1 ? columns[0].Figures : OfficeFigures.Sum(columns.Select(c => c.Figures).ToList(), registry.Value.DecisionDays, own);
        var funding = (await Shared.ReferenceNames.FundingSourcesAsync(db, ct)).ToDictionary(kv => kv.Key, kv => Cultures.Pick(kv.Value.Zh, kv.Value.En));
        return View(new StatisticsViewModel(presetName, period, columns, total, OwnOffice, WorkSummary.Chinese(period, total), WorkSummary.English(period, total), funding, error));
    }

    /// <summary>The records behind one figure, as a page or as CSV.</summary>
    [HttpGet("records")]
    public async Task<IActionResult> Records(Metric metric, Guid? office, DateOnly? from, DateOnly? to, string? format, CancellationToken ct)
    {
        var (period, _, _) = Resolve(null, from, to);
        var offices = await VisibleOfficesAsync(ct);
        if (!Enum.IsDefined(metric) || (office is { } o && offices.All(x => x.Id != o)))
        {
            return NotFound(); // another office's records do not exist for this user
        }

        var chosen = office is { } one ? offices.Where(x => x.Id == one).ToList() : offices;
        var records = new List<MetricRecord>();
        foreach (var (id, _) in chosen)
        {
            records.AddRange(await statistics.RecordsAsync(metric, id, period, registry.Value.DecisionDays, ct));
        }

        var officeName = string.Join("、", chosen.Select(c => c.Name));
        if (format == "csv")
        {
            return CsvFile($"{metric}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv",
                [l["Stats.Col.Date"], l["Stats.Col.Reference"], l["Stats.Col.Name"], l["Stats.Col.Detail"]],
                records.Select(r => new[] { r.On?.ToString("yyyy-MM-dd"), CodeNames.Localize(l, r.Reference), r.Name, CodeNames.Localize(l, r.Detail) }));
        }

        var query = $"metric={metric}&from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}" + (office is { } q ? "&office=" + q : string.Empty);
        return View(new RecordsViewModel(metric, period, officeName, chosen.Count == 1 && chosen[0].Id == OwnOffice, records, query));
    }

    /// <summary>Every figure for every visible office (and the sum) as CSV.</summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(string? preset, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (period, _, _) = Resolve(preset, from, to);
        var offices = await VisibleOfficesAsync(ct);
        var columns = new List<OfficeColumn>();
        foreach (var (id, name) in offices)
        {
            columns.Add(new OfficeColumn(id, name, await statistics.ComputeAsync(id, period, registry.Value.DecisionDays, ct)));
        }

        var header = new List<string?> { l["Stats.Col.Table"], l["Stats.Col.Figure"] };
        header.AddRange(columns.Select(c => c.Name));
        if (columns.Count > 1)
        {
            header.Add(l["Stats.Total"]);
        }

        var funding = (await Shared.ReferenceNames.FundingSourcesAsync(db, ct)).ToDictionary(kv => kv.Key, kv => Cultures.Pick(kv.Value.Zh, kv.Value.En));
        var rows = new List<string?[]>();
        void Table<TKey>(string table, IEnumerable<TKey> keys, Func<TKey, string> label, Func<OfficeFigures, TKey, double> value)
        {
            foreach (var key in keys)
            {
                var row = new List<string?> { table, label(key) };
                row.AddRange(columns.Select(c => value(c.Figures, key).ToString(CultureInfo.InvariantCulture)));
                if (columns.Count > 1)
                {
                    row.Add(columns.Sum(c => value(c.Figures, key)).ToString(CultureInfo.InvariantCulture));
                }

                rows.Add(row.ToArray());
            }
        }

        // Every table of the page, one section after another.
        Table(l["Stats.Figures"], Enum.GetValues<Metric>(), m => l["Stats.Metric." + m], (f, m) => f[m]);
        Table(l["Stats.ChangesByItem"], Enum.GetValues<Portal.Domain.Filings.RegisteredItem>(), i => l["Item." + i], (f, i) => f.ChangesByItem.GetValueOrDefault(i));
        Table(l["Stats.FilingsByState"], Enum.GetValues<Portal.Domain.Filings.FilingState>(), st => l["FilingState." + st], (f, st) => f.FilingsByState.GetValueOrDefault(st));
        Table(l["Stats.Enforcement"], Enum.GetValues<Portal.Domain.Oversight.EnforcementKind>(), k => l["EnforcementKind." + k], (f, k) => f.EnforcementByKind.GetValueOrDefault(k));
        Table(l["Stats.Chart.Months"], columns[0].Figures.RegistrationsByMonth.Select(m => (m.Year, m.Month)), m => $"{m.Year}-{m.Month:00}",
            (f, m) => f.RegistrationsByMonth.Where(x => x.Year == m.Year && x.Month == m.Month).Sum(x => x.Setup + x.Change + x.Deregistration));
        Table(l["Stats.Chart.Processing"], [50, 90], p => "p" + p, (f, p) => (p == 50 ? f.Processing.MedianDays : f.Processing.P90Days) ?? 0);
        Table(l["Stats.RegisterSize"], Enum.GetValues<Portal.Domain.Institutions.InstitutionStatus>(), st => l["Status." + st], (f, st) => f.RegisterByStatus.GetValueOrDefault(st));
        Table(l["Stats.RegisterSize"], columns.SelectMany(c => c.Figures.RegisterByFunding.Keys).Distinct().Order(), code => funding.GetValueOrDefault(code) ?? code, (f, code) => f.RegisterByFunding.GetValueOrDefault(code));
        Table(l["Stats.TopSponsors"], columns.SelectMany(c => c.Figures.RegisterBySponsor.Select(x => x.Sponsor)).Distinct(), sp => sp, (f, sp) => f.RegisterBySponsor.Where(x => x.Sponsor == sp).Sum(x => x.Count));
        return CsvFile($"statistics-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv", header.ToArray(), rows);
    }

    private FileContentResult CsvFile(string name, IEnumerable<string?> header, IEnumerable<string?[]> rows)
    {
        var text = new StringBuilder(Csv.Line(header));
        foreach (var row in rows)
        {
            text.Append(Csv.Line(row));
        }

        return File([.. Csv.Utf8Bom, .. Csv.Encoding.GetBytes(text.ToString())], "text/csv; charset=utf-8", name);
    }

    /// <summary>The office itself, then (for a supervisor) its child offices.</summary>
    private async Task<List<(Guid Id, string Name)>> VisibleOfficesAsync(CancellationToken ct)
    {
        var own = OwnOffice;
        var supervisor = User.IsInRole(Roles.RegistrySupervisor);
        var rows = await db.Offices.AsNoTracking().Where(o => o.Id == own || (supervisor && o.ParentOfficeId == own))
            .Select(o => new { o.Id, o.NameZh, o.NameEn, o.ParentOfficeId }).ToListAsync(ct);
        return rows.OrderBy(o => o.Id == own ? 0 : 1).ThenBy(o => o.NameZh).Select(o => (o.Id, Cultures.Pick(o.NameZh, o.NameEn))).ToList();
    }

    /// <summary>Presets (this year, last year, quarters of this year) or an explicit range of at most five years.</summary>
    private (Period Period, string Preset, string? Error) Resolve(string? preset, DateOnly? from, DateOnly? to)
    {
        var today = clock.TodayInChina();
        if (from is { } f && to is { } t)
        {
            if (f > t)
            {
                return (Period.Year(today.Year), "this-year", l["Stats.RangeBackwards"]);
            }

            if (t > f.AddYears(MaxYears))
            {
                return (Period.Year(today.Year), "this-year", l["Stats.RangeTooLong", MaxYears]);
            }

            return (new Period(f, t), "custom", null);
        }

        return preset switch
        {
            "last-year" => (Period.Year(today.Year - 1), "last-year", null),
            "q1" or "q2" or "q3" or "q4" => (Period.Quarter(today.Year, preset[1] - '0'), preset, null),
            _ => (Period.Year(today.Year), "this-year", null),
        };
    }
}

/// <summary>The paragraph an office pastes into its year-end work summary, filled with the period's figures.</summary>
public static class WorkSummary
{
    public static IReadOnlyList<SentencePart> Chinese(Period p, OfficeFigures f) =>
    [
        new(IsCalendarYear(p) ? $"{p.From.Year}年，" : $"{p.From.Year}年{p.From.Month}月{p.From.Day}日至{p.To.Year}年{p.To.Month}月{p.To.Day}日，"),
        new("办理事业单位设立登记"), Figure(f, Metric.SetupApproved), new("家、变更登记"), Figure(f, Metric.ChangeApproved),
        new("家、注销登记"), Figure(f, Metric.DeregistrationApproved), new("家；换发新《事业单位法人证书》"), Figure(f, Metric.CertificatesExchanged),
        new("家；办理《统一社会信用代码证书》赋码"), Figure(f, Metric.AgencyCodesAssigned), new("家、变更登记"), Figure(f, Metric.AgencyChangesApproved),
        new("家、注销"), Figure(f, Metric.AgencyCancellations),
        new("家；完成事业单位年度报告受理审核"), Figure(f, Metric.ReportsReviewed), new("家。"),
    ];

    public static IReadOnlyList<SentencePart> English(Period p, OfficeFigures f) =>
    [
        new(IsCalendarYear(p) ? $"In {p.From.Year}, the office registered " : $"From {En(p.From)} to {En(p.To)}, the office registered "),
        Figure(f, Metric.SetupApproved), new(Plural(f, Metric.SetupApproved, " new public institution", " new public institutions") + ", approved "),
        Figure(f, Metric.ChangeApproved), new(Plural(f, Metric.ChangeApproved, " change", " changes") + " and "),
        Figure(f, Metric.DeregistrationApproved), new(Plural(f, Metric.DeregistrationApproved, " deregistration", " deregistrations") + ", issued "),
        Figure(f, Metric.CertificatesExchanged), new(Plural(f, Metric.CertificatesExchanged, " new legal-person certificate", " new legal-person certificates") + " on a change or renewal, assigned codes to "),
        Figure(f, Metric.AgencyCodesAssigned), new(Plural(f, Metric.AgencyCodesAssigned, " organ or people's organisation", " organs and people's organisations") + " with their code certificates, changed "),
        Figure(f, Metric.AgencyChangesApproved), new(Plural(f, Metric.AgencyChangesApproved, " code certificate", " code certificates") + " and cancelled "),
        Figure(f, Metric.AgencyCancellations), new(Plural(f, Metric.AgencyCancellations, " code", " codes") + ", and completed the review of "),
        Figure(f, Metric.ReportsReviewed), new(Plural(f, Metric.ReportsReviewed, " annual report.", " annual reports.")),
    ];

    /// <summary>English singular for exactly one, plural otherwise (0 institutions, 1 institution, 2 institutions).</summary>
    private static string Plural(OfficeFigures f, Metric m, string one, string many) => f[m] == 1 ? one : many;

    public static string Text(IEnumerable<SentencePart> parts) => string.Concat(parts.Select(p => p.Text));

    private static SentencePart Figure(OfficeFigures f, Metric m) => new(f[m].ToString(CultureInfo.InvariantCulture), m);

    private static string En(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-US"));

    private static bool IsCalendarYear(Period p) => p.From == new DateOnly(p.From.Year, 1, 1) && p.To == new DateOnly(p.From.Year, 12, 31);
}
