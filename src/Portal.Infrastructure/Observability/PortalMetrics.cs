using System.Diagnostics.Metrics;

namespace Portal.Infrastructure.Observability;

/// <summary>
/// The portal's own meter ("Portal"): what the office does (filings by kind, certificates, verify verdicts,
/// import rows) as counters, and how it stands (queue, overdue filings per office, audit-chain length) as
/// gauges read from <see cref="OperationsSnapshot"/>. Exported with the platform's meters where metrics are
/// switched on; counting costs nothing noticeable where they are not.
/// </summary>
public sealed class PortalMetrics : IDisposable
{
    public const string MeterName = "Portal";

    /// <summary>
    /// <c>Metrics:MeterName</c>, "Portal" unless set. Meters of one name are one stream to every listener in the process, so
    /// hosts that share a process (the tests' hosts) each take their own name; the exported instrument names are the same.
    /// </summary>
    public static string NameFrom(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        configuration["Metrics:MeterName"] is { Length: > 0 } name ? name : MeterName;

    private readonly Meter _meter;
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _returned;
    private readonly Counter<long> _decided;
    private readonly Counter<long> _issued;
    private readonly Counter<long> _voided;
    private readonly Counter<long> _verdicts;
    private readonly Counter<long> _importRows;

    public PortalMetrics()
        : this(MeterName)
    {
    }

    public PortalMetrics(string meterName)
    {
        _meter = new Meter(meterName, "1.0");
        _submitted = _meter.CreateCounter<long>("portal.filings.submitted", "{filing}", "Filings submitted (and resubmitted) by applicants");
        _accepted = _meter.CreateCounter<long>("portal.filings.accepted", "{filing}", "Filings accepted by the office");
        _returned = _meter.CreateCounter<long>("portal.filings.returned", "{filing}", "Filings returned for supplement");
        _decided = _meter.CreateCounter<long>("portal.filings.decided", "{filing}", "Filings approved or refused");
        _issued = _meter.CreateCounter<long>("portal.certificates.issued", "{certificate}", "Certificates issued");
        _voided = _meter.CreateCounter<long>("portal.certificates.voided", "{certificate}", "Certificates voided");
        _verdicts = _meter.CreateCounter<long>("portal.verify.verdicts", "{verification}", "Certificate verifications by verdict");
        _importRows = _meter.CreateCounter<long>("portal.import.rows", "{row}", "Register import rows by outcome");
        _meter.CreateObservableGauge("portal.queue.length", () => Snapshot.Offices.Select(o => new Measurement<long>(o.Open, new KeyValuePair<string, object?>("office", o.Region))),
            "{filing}", "Open filings waiting for the office, per office");
        _meter.CreateObservableGauge("portal.filings.overdue", () => Snapshot.Offices.Select(o => new Measurement<long>(o.Overdue, new KeyValuePair<string, object?>("office", o.Region))),
            "{filing}", "Open filings past their legal time limit, per office");
        _meter.CreateObservableGauge("portal.audit.chain.length", () => Snapshot.AuditEntries, "{entry}", "Entries in the audit hash chain");
    }

    /// <summary>This instance's meter (several portals in one process, as in tests, each have their own).</summary>
    public Meter Meter => _meter;

    /// <summary>The latest figures for the gauges (refreshed in the background, so a scrape never queries the database).</summary>
    public OperationsSnapshot Snapshot { get; set; } = OperationsSnapshot.Empty;

    public void Submitted(string kind) => _submitted.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Accepted(string kind) => _accepted.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Returned(string kind) => _returned.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Decided(string kind, string decision) => _decided.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("decision", decision));

    public void CertificateIssued(string reason) => _issued.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void CertificateVoided(string reason) => _voided.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Verdict(string verdict) => _verdicts.Add(1, new KeyValuePair<string, object?>("verdict", verdict));

    public void ImportRows(string outcome, long rows) => _importRows.Add(rows, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();
}

/// <summary>Per office (by region code): open filings and those past their time limit; and the audit chain's length.</summary>
public sealed record OperationsSnapshot(IReadOnlyList<(string Region, long Open, long Overdue)> Offices, long AuditEntries)
{
    public static readonly OperationsSnapshot Empty = new([], 0);
}
