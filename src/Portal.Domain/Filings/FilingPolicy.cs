using Portal.Domain.Agencies;
using Portal.Domain.Institutions;

namespace Portal.Domain.Filings;

/// <summary>Which filings may be started now.</summary>
public static class FilingPolicy
{
    /// <summary>
    /// Null when a filing of <paramref name="kind"/> may be started, else the refusal code.
    /// <paramref name="openFilings"/>: filings of the institution (or, for a setup, of the applicant) still in progress.
    /// </summary>
    public static string? WhyNotStart(FilingKind kind, Institution? institution, int openFilings, DateOnly today)
    {
        if (FilingKinds.IsAgency(kind))
        {
            return FilingErrors.WrongKind;
        }

        if (openFilings > 0)
        {
            return FilingErrors.AnotherFilingInProgress; // 一事一办: one filing at a time
        }

        if (kind == FilingKind.Setup)
        {
            return institution is null ? null : FilingErrors.WrongKind;
        }

        if (institution is null)
        {
            return FilingErrors.WrongKind;
        }

        if (institution.Status != InstitutionStatus.Registered)
        {
            return FilingErrors.InstitutionNotRegistered;
        }

        return kind == FilingKind.CertificateRenewal && !institution.RenewalIsOpen(today) ? FilingErrors.RenewalNotOpen : null;
    }

    /// <summary>The same rule for the agency filings: a first application has no agency yet; the others need an active one.</summary>
    public static string? WhyNotStartForAgency(FilingKind kind, Agency? agency, int openFilings)
    {
        if (!FilingKinds.IsAgency(kind))
        {
            return FilingErrors.WrongKind;
        }

        if (openFilings > 0)
        {
            return FilingErrors.AnotherFilingInProgress;
        }

        if (kind == FilingKind.AgencyFirstApplication)
        {
            return agency is null ? null : FilingErrors.WrongKind;
        }

        if (agency is null)
        {
            return FilingErrors.WrongKind;
        }

        return agency.Status == AgencyStatus.Active ? null : FilingErrors.AgencyNotActive;
    }

    /// <summary>到期换领 only where the body's current certificate prints a validity, from 30 days before its end; 补领 and 换领 after damage always.</summary>
    public static string? WhyNotReissueForAgency(ReissueCause cause, AgencyCertificate? current, DateOnly today) =>
        cause == ReissueCause.Expiry && current?.RenewalIsOpen(today) != true ? FilingErrors.AgencyRenewalNotOpen : null;
}
