namespace Portal.Infrastructure.Feed;

/// <summary>
/// One event of the public register's change feed (GET /api/v1/feed). <see cref="Sequence"/> comes
/// from a counter row taken inside the writing transaction, so sequences become visible strictly in
/// order: a reader that resumes after its last sequence never misses or repeats one.
/// </summary>
public class FeedEvent
{
    public long Sequence { get; set; }

    public required string Kind { get; set; }

    /// <summary>The subject's id: the institution's, or for the agency.* and agency-certificate.* kinds the agency's.</summary>
    public Guid InstitutionId { get; set; }

    public required string Code { get; set; }

    public DateTime OccurredUtc { get; set; }

    /// <summary>Public facts of the event as JSON (names, changed items, certificate number); never identity numbers.</summary>
    public required string Data { get; set; }
}

public static class FeedEventKinds
{
    public const string Registered = "institution.registered";
    public const string Changed = "institution.changed";
    public const string Deregistered = "institution.deregistered";
    public const string Revoked = "institution.revoked";

    /// <summary>An imported record taken back out (the import was rolled back): it was never registered on the portal.</summary>
    public const string Withdrawn = "institution.withdrawn";
    public const string CertificateIssued = "certificate.issued";
    public const string CertificateSuperseded = "certificate.superseded";
    public const string CertificateVoided = "certificate.voided";
    public const string CertificateExpired = "certificate.expired";
    public const string ReportPublished = "annual-report.published";

    /// <summary>机关、群团赋码: a code assigned (first application approved or a body taken on), its printed items changed, the code cancelled.</summary>
    public const string AgencyRegistered = "agency.registered";
    public const string AgencyChanged = "agency.changed";
    public const string AgencyCancelled = "agency.cancelled";
    public const string AgencyCertificateIssued = "agency-certificate.issued";
    public const string AgencyCertificateSuperseded = "agency-certificate.superseded";
    public const string AgencyCertificateVoided = "agency-certificate.voided";
    public const string AgencyCertificateExpired = "agency-certificate.expired";

    public static readonly string[] All = [Registered, Changed, Deregistered, Revoked, Withdrawn, CertificateIssued, CertificateSuperseded, CertificateVoided, CertificateExpired, ReportPublished,
        AgencyRegistered, AgencyChanged, AgencyCancelled, AgencyCertificateIssued, AgencyCertificateSuperseded, AgencyCertificateVoided, AgencyCertificateExpired];
}
