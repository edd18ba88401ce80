using Microsoft.EntityFrameworkCore;
using Portal.Domain.AnnualReports;
using Portal.Domain.Calendar;
using Portal.Domain.Certificates;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Domain.Oversight;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Statistics;

/// <summary>The figures an office quotes in its year-end work summary; every one can be listed record by record (<see cref="Metric"/>).</summary>
public enum Metric
{
    SetupApproved,
    ChangeApproved,
    DeregistrationApproved,
    Refused,

    /// <summary>不予受理: filings refused at the acceptance stage.</summary>
    NotAccepted,
    CertificatesForSetup,
    CertificatesForChange,
    CertificatesRenewed,

    /// <summary>换发新证: certificates issued on a change or a renewal (the work summary's figure).</summary>
    CertificatesExchanged,
    CertificatesReissued,
    CertificatesVoided,
    CodesAssigned,
    CodeRecordsUpdated,
    ReportsReceived,
    ReportsReviewed,
    ReportsPublished,
    ReportsReturned,
    ReportsLate,
    ReportsMissing,
    DecidedOnTime,
    DecidedLate,
    EnforcementActions,

    /// <summary>机关、群团赋码: first applications approved (code assigned, 《统一社会信用代码证书》 issued).</summary>
    AgencyCodesAssigned,

    /// <summary>《统一社会信用代码证书》 changes approved.</summary>
    AgencyChangesApproved,

    /// <summary>《统一社会信用代码证书》 re-issued after loss or damage.</summary>
    AgencyCertificatesReissued,

    /// <summary>Agency codes cancelled.</summary>
    AgencyCancellations,
}

public sealed record Period(DateOnly From, DateOnly To)
{
    /// <summary>The annual-report year the period's work is about: reports filed in year Y are for Y − 1.</summary>
    public int ReportYear => To.Year - 1;

    public bool Contains(DateOnly d) => d >= From && d <= To;

    public bool Contains(DateTime utc) => Contains(DateOnly.FromDateTime(utc.AddHours(8)));

    public static Period Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static Period Quarter(int year, int quarter) => new(new DateOnly(year, quarter * 3 - 2, 1), new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1));
}

public sealed record ProcessingFigures(int Decided, double? MedianDays, double? P90Days, int LegalLimitDays, int? PromisedWorkingDays, int OnTime, int WithinPromise, IReadOnlyList<int> DaysOnClock)
{
    public double? OnTimeRate => Decided == 0 ? null : (double)OnTime / Decided;

    public double? WithinPromiseRate => Decided == 0 || PromisedWorkingDays is null ? null : (double)WithinPromise / Decided;
}

public sealed record OfficeFigures(
    Guid? OfficeId,
    IReadOnlyDictionary<Metric, int> Counts,
    IReadOnlyDictionary<RegisteredItem, int> ChangesByItem,
    IReadOnlyDictionary<FilingState, int> FilingsByState,
    IReadOnlyDictionary<EnforcementKind, int> EnforcementByKind,
    ProcessingFigures Processing,
    IReadOnlyDictionary<InstitutionStatus, int> RegisterByStatus,
    IReadOnlyDictionary<string, int> RegisterByFunding,
    IReadOnlyList<(string Sponsor, int Count)> RegisterBySponsor,
    IReadOnlyList<(int Month, int Year, int Setup, int Change, int Deregistration)> RegistrationsByMonth,
    IReadOnlyList<(DateOnly WeekStart, int Received)> ReportProgress,
    int ReportsDue)
{
    public int this[Metric m] => Counts.GetValueOrDefault(m);

    /// <summary>Sums offices (a parent office's view of its children).</summary>
    public static OfficeFigures Sum(IReadOnlyList<OfficeFigures> parts, int legalLimit, int? promised)
    {
        Dictionary<TK, int> Add<TK>(Func<OfficeFigures, IReadOnlyDictionary<TK, int>> pick) where TK : notnull =>
            parts.SelectMany(p => pick(p)).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        var days = parts.SelectMany(p => p.Processing.DaysOnClock).ToList();
        var months = parts.SelectMany(p => p.RegistrationsByMonth).GroupBy(m => (m.Year, m.Month))
            .Select(g => (g.Key.Month, g.Key.Year, g.Sum(x => x.Setup), g.Sum(x => x.Change), g.Sum(x => x.Deregistration))).OrderBy(m => m.Year).ThenBy(m => m.Month).ToList();
        var weeks = parts.SelectMany(p => p.ReportProgress).GroupBy(w => w.WeekStart).Select(g => (g.Key, g.Sum(x => x.Received))).OrderBy(w => w.Key).ToList();
        return new OfficeFigures(null, Add(p => p.Counts), Add(p => p.ChangesByItem), Add(p => p.FilingsByState), Add(p => p.EnforcementByKind),
            OfficeStatistics.Processing(days, parts.Sum(p => p.Processing.OnTime), parts.Sum(p => p.Processing.WithinPromise), legalLimit, promised),
            Add(p => p.RegisterByStatus), Add(p => p.RegisterByFunding),
            parts.SelectMany(p => p.RegisterBySponsor).GroupBy(s => s.Sponsor).Select(g => (g.Key, g.Sum(x => x.Count))).OrderByDescending(s => s.Item2).ThenBy(s => s.Key).Take(OfficeStatistics.TopSponsors).ToList(),
            months, weeks, parts.Sum(p => p.ReportsDue));
    }
}

/// <summary>One record behind a figure: what the supervisor checks.</summary>
public sealed record MetricRecord(DateOnly? On, string Reference, string Name, string? Detail, string? Link);

/// <summary>
/// Counts an office's year from the records themselves (no hand tallies): decisions by their decision
/// date, certificates by issue date, annual-report work by the date of each step (China time).
/// </summary>
public sealed class OfficeStatistics(PortalDbContext db, CalendarStore calendars)
{
    public const int TopSponsors = 10;

    public async Task<OfficeFigures> ComputeAsync(Guid officeId, Period period, int legalLimitDays, CancellationToken ct = default)
    {
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, ct);
        var calendar = await calendars.LoadAsync(ct);
        var counts = new Dictionary<Metric, int>();
        foreach (var m in Enum.GetValues<Metric>())
        {
            counts[m] = 0;
        }

        var filings = await db.Filings.AsNoTracking().Where(f => f.OfficeId == officeId)
            .Select(f => new { f.Kind, f.State, f.DecidedOn, f.SubmittedOn, f.FirstSubmittedOn, f.AcceptedOn, f.StoppedDays, f.Base, f.Proposed }).ToListAsync(ct);
        var decided = filings.Where(f => f.DecidedOn is { } d && period.Contains(d)).ToList();
        var approved = decided.Where(f => f.State == FilingState.Approved).ToList();
        counts[Metric.SetupApproved] = approved.Count(f => f.Kind == FilingKind.Setup);
        counts[Metric.AgencyCodesAssigned] = approved.Count(f => f.Kind == FilingKind.AgencyFirstApplication);
        counts[Metric.AgencyChangesApproved] = approved.Count(f => f.Kind == FilingKind.AgencyChange);
        counts[Metric.AgencyCertificatesReissued] = approved.Count(f => f.Kind == FilingKind.AgencyReissue);
        counts[Metric.AgencyCancellations] = approved.Count(f => f.Kind == FilingKind.AgencyCancellation);
        counts[Metric.ChangeApproved] = approved.Count(f => f.Kind == FilingKind.Change);
        counts[Metric.DeregistrationApproved] = approved.Count(f => f.Kind == FilingKind.Deregistration);
        counts[Metric.Refused] = decided.Count(f => f.State == FilingState.Refused);
        counts[Metric.NotAccepted] = decided.Count(f => f.State == FilingState.NotAccepted);
        var byItem = Enum.GetValues<RegisteredItem>().ToDictionary(i => i, _ => 0);
        foreach (var f in approved.Where(f => f.Kind == FilingKind.Change && f.Base is not null && f.Proposed is not null))
        {
            var changed = ItemComparison.Changed(f.Base!, f.Proposed!);
            foreach (var item in changed)
            {
                byItem[item]++;
            }

            if (changed.Any(CodeRecordItems.Contains))
            {
                counts[Metric.CodeRecordsUpdated]++;
            }
        }

        var byState = filings.Where(f => f.FirstSubmittedOn is { } s && period.Contains(s)).GroupBy(f => f.State).ToDictionary(g => g.Key, g => g.Count());

        // Processing: days on the decision clock (from acceptance, or arrival when deemed accepted, less stopped days).
        var days = new List<int>();
        int onTime = 0, withinPromise = 0;
        foreach (var f in decided.Where(f => f.State is FilingState.Approved or FilingState.Refused && (f.AcceptedOn ?? f.SubmittedOn) is not null))
        {
            var start = (f.AcceptedOn ?? f.SubmittedOn)!.Value;
            var onClock = Math.Max(0, f.DecidedOn!.Value.DayNumber - start.DayNumber - f.StoppedDays);
            days.Add(onClock);
            if (onClock <= legalLimitDays)
            {
                onTime++;
            }

            if (office.PromisedDecisionWorkingDays is { } promised && f.DecidedOn!.Value <= calendar.AddWorkingDays(start.AddDays(f.StoppedDays), promised))
            {
                withinPromise++;
            }
        }

        counts[Metric.DecidedOnTime] = onTime;
        counts[Metric.DecidedLate] = days.Count - onTime;

        var certificates = await db.Certificates.AsNoTracking().Where(c => c.OfficeId == officeId)
            .Select(c => new { c.Reason, c.IssuedOn, c.Status, c.EndedOn }).ToListAsync(ct);
        counts[Metric.CertificatesForSetup] = certificates.Count(c => period.Contains(c.IssuedOn) && c.Reason == CertificateIssueReason.Setup);
        counts[Metric.CertificatesForChange] = certificates.Count(c => period.Contains(c.IssuedOn) && c.Reason == CertificateIssueReason.Change);
        counts[Metric.CertificatesReissued] = certificates.Count(c => period.Contains(c.IssuedOn) && c.Reason == CertificateIssueReason.Reissue);
        counts[Metric.CertificatesRenewed] = certificates.Count(c => period.Contains(c.IssuedOn) && c.Reason == CertificateIssueReason.Renewal);
        counts[Metric.CertificatesVoided] = certificates.Count(c => c.Status == CertificateStatus.Voided && c.EndedOn is { } e && period.Contains(e));
        counts[Metric.CertificatesExchanged] = counts[Metric.CertificatesForChange] + counts[Metric.CertificatesRenewed];

        var (fromUtc, toUtc) = UtcBounds(period);
        counts[Metric.CodesAssigned] = await db.IssuedCodes.CountAsync(c => c.OfficeId == officeId && c.IssuedUtc >= fromUtc && c.IssuedUtc < toUtc, ct);

        var reportSteps = await ReportStepsAsync(officeId, fromUtc, toUtc, ct);
        counts[Metric.ReportsReceived] = reportSteps.Where(s => s.Action == ReportAction.Submit).Select(s => s.ReportId).Distinct().Count();
        counts[Metric.ReportsReviewed] = reportSteps.Where(s => s.Action is ReportAction.Publish or ReportAction.Return).Select(s => s.InstitutionYear).Distinct().Count();
        counts[Metric.ReportsPublished] = reportSteps.Where(s => s.Action == ReportAction.Publish).Select(s => s.InstitutionYear).Distinct().Count();
        counts[Metric.ReportsReturned] = reportSteps.Where(s => s.Action == ReportAction.Return).Select(s => s.ReportId).Distinct().Count();
        counts[Metric.ReportsLate] = reportSteps.Where(s => s.Action == ReportAction.Submit && s.Late).Select(s => s.ReportId).Distinct().Count();
        var (due, missing) = await MissingReportsAsync(officeId, period, ct);
        counts[Metric.ReportsMissing] = missing.Count;

        var enforcement = await db.EnforcementActions.AsNoTracking().Where(a => a.OfficeId == officeId).Select(a => new { a.Kind, a.TakenOn }).ToListAsync(ct);
        var byKind = enforcement.Where(a => period.Contains(a.TakenOn)).GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count());
        counts[Metric.EnforcementActions] = byKind.Values.Sum();

        var byStatus = await db.Institutions.Where(i => i.OfficeId == officeId).GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byFunding = await db.Institutions.Where(i => i.OfficeId == officeId && i.Status == InstitutionStatus.Registered).GroupBy(i => i.Current.FundingSourceCode)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var bySponsor = (await db.Institutions.Where(i => i.OfficeId == officeId && i.Status == InstitutionStatus.Registered).GroupBy(i => i.Current.Sponsor)
            .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(TopSponsors).ToListAsync(ct)).Select(g => (g.Key, g.Count)).ToList();

        var months = new List<(int, int, int, int, int)>();
        for (var m = new DateOnly(period.From.Year, period.From.Month, 1); m <= period.To; m = m.AddMonths(1))
        {
            var inMonth = approved.Where(f => f.DecidedOn!.Value.Year == m.Year && f.DecidedOn.Value.Month == m.Month).ToList();
            months.Add((m.Month, m.Year, inMonth.Count(f => f.Kind == FilingKind.Setup), inMonth.Count(f => f.Kind == FilingKind.Change), inMonth.Count(f => f.Kind == FilingKind.Deregistration)));
        }

        var window = office.ReportWindow(period.ReportYear);
        var progress = new List<(DateOnly, int)>();
        var firstSubmissions = reportSteps.Where(s => s.Action == ReportAction.Submit && s.Year == period.ReportYear).GroupBy(s => s.ReportId).Select(g => g.Min(s => s.On)).ToList();
        for (var week = window.Opens; week <= window.Closes; week = week.AddDays(7))
        {
            var end = week.AddDays(6);
            progress.Add((week, firstSubmissions.Count(d => d <= end)));
        }

        return new OfficeFigures(officeId, counts, byItem, byState, byKind, Processing(days, onTime, withinPromise, legalLimitDays, office.PromisedDecisionWorkingDays),
            byStatus, byFunding, bySponsor, months, progress, due);
    }

    /// <summary>The items carried on the national code record: a change of these updates the code's record.</summary>
    public static readonly RegisteredItem[] CodeRecordItems = [RegisteredItem.Name, RegisteredItem.Domicile, RegisteredItem.LegalRepresentative, RegisteredItem.FundingSource];

    public static ProcessingFigures Processing(List<int> days, int onTime, int withinPromise, int legalLimit, int? promised)
    {
        days.Sort();
        return new ProcessingFigures(days.Count, Percentile(days, 50), Percentile(days, 90), legalLimit, promised, onTime, withinPromise, days);
    }

    /// <summary>Nearest-rank percentile; null with no data.</summary>
    public static double? Percentile(IReadOnlyList<int> sorted, int p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The records a figure counts, for the supervisor to check.</summary>
    public async Task<IReadOnlyList<MetricRecord>> RecordsAsync(Metric metric, Guid officeId, Period period, int legalLimitDays, CancellationToken ct = default)
    {
        var names = await db.Institutions.AsNoTracking().Where(i => i.OfficeId == officeId).Select(i => new { i.Id, i.Current.Name, i.Code }).ToDictionaryAsync(i => i.Id, ct);
        string NameOf(Guid? id) => id is { } x && names.TryGetValue(x, out var n) ? n.Name : string.Empty;
        string? Profile(Guid? id) => id is { } x && names.ContainsKey(x) ? "/registry/institutions/" + x : null;

        if (metric is Metric.SetupApproved or Metric.ChangeApproved or Metric.DeregistrationApproved or Metric.Refused or Metric.NotAccepted or Metric.CodeRecordsUpdated or Metric.DecidedOnTime or Metric.DecidedLate
            or Metric.AgencyCodesAssigned or Metric.AgencyChangesApproved or Metric.AgencyCertificatesReissued or Metric.AgencyCancellations)
        {
            var rows = await db.Filings.AsNoTracking().Where(f => f.OfficeId == officeId && f.DecidedOn != null && f.DecidedOn >= period.From && f.DecidedOn <= period.To)
                .Select(f => new { f.Id, f.Number, f.Kind, f.State, f.DecidedOn, f.AcceptedOn, f.SubmittedOn, f.StoppedDays, f.InstitutionId, f.Base, f.Proposed, AgencyName = f.AgencyProposed != null ? f.AgencyProposed.Name : f.AgencyBase != null ? f.AgencyBase.Name : null }).ToListAsync(ct);
            var picked = metric switch
            {
                Metric.AgencyCodesAssigned => rows.Where(f => f.State == FilingState.Approved && f.Kind == FilingKind.AgencyFirstApplication),
                Metric.AgencyChangesApproved => rows.Where(f => f.State == FilingState.Approved && f.Kind == FilingKind.AgencyChange),
                Metric.AgencyCertificatesReissued => rows.Where(f => f.State == FilingState.Approved && f.Kind == FilingKind.AgencyReissue),
                Metric.AgencyCancellations => rows.Where(f => f.State == FilingState.Approved && f.Kind == FilingKind.AgencyCancellation),
                Metric.SetupApproved => rows.Where(f => f.State == FilingState.Approved && f.Kind == FilingKind.Setup),
                Metric.ChangeApproved => rows.Where(f => f.State == FilingState.Approved && f.Kind == FilingKind.Change),
                Metric.DeregistrationApproved => rows.Where(f => f.State == FilingState.Approved && f.Kind == FilingKind.Deregistration),
                Metric.Refused => rows.Where(f => f.State == FilingState.Refused),
                Metric.NotAccepted => rows.Where(f => f.State == FilingState.NotAccepted),
                Metric.CodeRecordsUpdated => rows.Where(f => f.State == FilingState.Approved && f.Kind == FilingKind.Change && f.Base is not null && f.Proposed is not null
                    && ItemComparison.Changed(f.Base, f.Proposed).Any(CodeRecordItems.Contains)),
                _ => rows.Where(f => f.State is FilingState.Approved or FilingState.Refused && (f.AcceptedOn ?? f.SubmittedOn) is not null
                    && (metric == Metric.DecidedOnTime) == (f.DecidedOn!.Value.DayNumber - (f.AcceptedOn ?? f.SubmittedOn)!.Value.DayNumber - f.StoppedDays <= legalLimitDays)),
            };
            return picked.OrderBy(f => f.DecidedOn).ThenBy(f => f.Number)
                .Select(f => new MetricRecord(f.DecidedOn, f.Number, f.Proposed?.Name ?? f.AgencyName ?? NameOf(f.InstitutionId), f.Kind + " · " + f.State, "/registry/filings/" + f.Id)).ToList();
        }

        if (metric is Metric.CertificatesForSetup or Metric.CertificatesForChange or Metric.CertificatesExchanged or Metric.CertificatesReissued or Metric.CertificatesRenewed or Metric.CertificatesVoided)
        {
            var rows = await db.Certificates.AsNoTracking().Where(c => c.OfficeId == officeId)
                .Select(c => new { c.Number, c.Reason, c.IssuedOn, c.Status, c.EndedOn, c.InstitutionId, c.Printed.Name }).ToListAsync(ct);
            var picked = metric switch
            {
                Metric.CertificatesForSetup => rows.Where(c => period.Contains(c.IssuedOn) && c.Reason == CertificateIssueReason.Setup),
                Metric.CertificatesForChange => rows.Where(c => period.Contains(c.IssuedOn) && c.Reason == CertificateIssueReason.Change),
                Metric.CertificatesExchanged => rows.Where(c => period.Contains(c.IssuedOn) && c.Reason is CertificateIssueReason.Change or CertificateIssueReason.Renewal),
                Metric.CertificatesReissued => rows.Where(c => period.Contains(c.IssuedOn) && c.Reason == CertificateIssueReason.Reissue),
                Metric.CertificatesRenewed => rows.Where(c => period.Contains(c.IssuedOn) && c.Reason == CertificateIssueReason.Renewal),
                _ => rows.Where(c => c.Status == CertificateStatus.Voided && c.EndedOn is { } e && period.Contains(e)),
            };
            return picked.OrderBy(c => metric == Metric.CertificatesVoided ? c.EndedOn : c.IssuedOn).ThenBy(c => c.Number)
                .Select(c => new MetricRecord(metric == Metric.CertificatesVoided ? c.EndedOn : c.IssuedOn, c.Number, c.Name, c.Reason.ToString(), Profile(c.InstitutionId))).ToList();
        }

        if (metric == Metric.CodesAssigned)
        {
            var (fromUtc, toUtc) = UtcBounds(period);
            var rows = await db.IssuedCodes.AsNoTracking().Where(c => c.OfficeId == officeId && c.IssuedUtc >= fromUtc && c.IssuedUtc < toUtc).OrderBy(c => c.IssuedUtc).ToListAsync(ct);
            var byCode = names.Values.ToDictionary(n => n.Code);
            var agencies = await db.Agencies.AsNoTracking().Where(a => a.OfficeId == officeId).Select(a => new { a.Code, a.Current.Name }).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
            return rows.Select(c => new MetricRecord(DateOnly.FromDateTime(c.IssuedUtc.AddHours(8)), c.Code, byCode.GetValueOrDefault(c.Code)?.Name ?? agencies.GetValueOrDefault(c.Code) ?? string.Empty, null,
                byCode.TryGetValue(c.Code, out var n) ? "/registry/institutions/" + n.Id : null)).ToList();
        }

        if (metric == Metric.ReportsMissing)
        {
            var (_, missing) = await MissingReportsAsync(officeId, period, ct);
            return missing.Select(id => new MetricRecord(null, names[id].Code, names[id].Name, null, Profile(id))).OrderBy(r => r.Name).ToList();
        }

        if (metric == Metric.EnforcementActions)
        {
            var rows = await db.EnforcementActions.AsNoTracking().Where(a => a.OfficeId == officeId && a.TakenOn >= period.From && a.TakenOn <= period.To).OrderBy(a => a.TakenOn).ToListAsync(ct);
            return rows.Select(a => new MetricRecord(a.TakenOn, a.Kind.ToString(), NameOf(a.InstitutionId), a.Reasons, Profile(a.InstitutionId))).ToList();
        }

        var (f0, t0) = UtcBounds(period);
        var steps = await ReportStepsAsync(officeId, f0, t0, ct);
        var chosen = metric switch
        {
            Metric.ReportsReceived => steps.Where(s => s.Action == ReportAction.Submit).DistinctBy(s => s.ReportId),
            Metric.ReportsReviewed => steps.Where(s => s.Action is ReportAction.Publish or ReportAction.Return).OrderByDescending(s => s.On).DistinctBy(s => s.InstitutionYear),
            Metric.ReportsPublished => steps.Where(s => s.Action == ReportAction.Publish).DistinctBy(s => s.InstitutionYear),
            Metric.ReportsReturned => steps.Where(s => s.Action == ReportAction.Return).DistinctBy(s => s.ReportId),
            _ => steps.Where(s => s.Action == ReportAction.Submit && s.Late).DistinctBy(s => s.ReportId),
        };
        return chosen.OrderBy(s => s.On).Select(s => new MetricRecord(s.On, s.Year + " v" + s.Version, NameOf(s.InstitutionId), s.Action.ToString(), "/registry/reports/" + s.ReportId)).ToList();
    }

    private sealed record ReportStep(Guid ReportId, Guid InstitutionId, int Year, int Version, ReportAction Action, DateOnly On, bool Late)
    {
        public (Guid, int) InstitutionYear => (InstitutionId, Year);
    }

    private async Task<List<ReportStep>> ReportStepsAsync(Guid officeId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await db.ReportEvents.AsNoTracking().Where(e => e.AtUtc >= fromUtc && e.AtUtc < toUtc && e.Action != null)
            .Join(db.AnnualReports.Where(r => r.OfficeId == officeId), e => e.ReportId, r => r.Id, (e, r) => new { r.Id, r.InstitutionId, r.Year, r.Version, e.Action, e.AtUtc, r.Late })
            .ToListAsync(ct);
        return rows.Select(r => new ReportStep(r.Id, r.InstitutionId, r.Year, r.Version, r.Action == ReportAction.Resubmit ? ReportAction.Submit : r.Action!.Value,
            DateOnly.FromDateTime(r.AtUtc.AddHours(8)), r.Late)).ToList();
    }

    /// <summary>Registered institutions that owed the report year's report (registered before its end) and have none submitted by the period's end.</summary>
    private async Task<(int Due, List<Guid> Missing)> MissingReportsAsync(Guid officeId, Period period, CancellationToken ct)
    {
        var yearEnd = new DateOnly(period.ReportYear, 12, 31);
        var owing = await db.Institutions.AsNoTracking().Where(i => i.OfficeId == officeId && i.RegisteredOn <= yearEnd && (i.EndedOn == null || i.EndedOn > period.To))
            .Select(i => i.Id).ToListAsync(ct);
        var filed = await db.AnnualReports.AsNoTracking().Where(r => r.OfficeId == officeId && r.Year == period.ReportYear && r.SubmittedOn != null && r.SubmittedOn <= period.To)
            .Select(r => r.InstitutionId).Distinct().ToListAsync(ct);
        var filedSet = filed.ToHashSet();
        return (owing.Count, owing.Where(id => !filedSet.Contains(id)).ToList());
    }

    /// <summary>China-time days [From, To] as UTC instants [from, to).</summary>
    public static (DateTime From, DateTime To) UtcBounds(Period period) =>
        (period.From.ToDateTime(TimeOnly.MinValue).AddHours(-8), period.To.AddDays(1).ToDateTime(TimeOnly.MinValue).AddHours(-8));
}
