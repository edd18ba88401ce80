using Portal.Domain.Agencies;
using Portal.Domain.Codes;

namespace Portal.Domain.Filings;

/// <summary>
/// The four filings of 机关、群团赋码 (ADR 0008): the same workflow table, clocks, events and attachments as the
/// institution filings; only what is described differs (an agency's printed items instead of registered items).
/// </summary>
public partial class Filing
{
    /// <summary>The agency concerned; null for a first application until it is approved.</summary>
    public Guid? AgencyId { get; private set; }

    /// <summary>The agency's printed items before the filing (change, re-issue, cancellation).</summary>
    public AgencyItems? AgencyBase { get; private set; }

    /// <summary>The items to be printed (first application, change).</summary>
    public AgencyItems? AgencyProposed { get; private set; }

    /// <summary>First application: the old nine-character organisation code the body keeps in its new code, canonical.</summary>
    public string? OldOrganisationCode { get; private set; }

    public ReissueCause? ReissueCause { get; private set; }

    /// <summary>Cancellation: the day the registrar recorded the certificate and the seal as collected (收回证书和印章).</summary>
    public DateOnly? CollectedOn { get; private set; }

    /// <summary>Starts a first application (初次申领): the applicant may be the body itself or its superior department.</summary>
    public static Filing StartAgencyApplication(Guid officeId, string number, FilingActor applicant, DateTime nowUtc) =>
        Start(FilingKind.AgencyFirstApplication, officeId, null, null, number, applicant, nowUtc);

    /// <summary>Starts a change, re-issue or cancellation of an existing agency; <paramref name="current"/> are its printed items now.</summary>
    public static Filing StartForAgency(FilingKind kind, Guid officeId, Guid agencyId, AgencyItems current, string number, FilingActor applicant, DateTime nowUtc)
    {
        if (kind is not (FilingKind.AgencyChange or FilingKind.AgencyReissue or FilingKind.AgencyCancellation))
        {
            throw new ArgumentException("Only an agency's change, re-issue or cancellation concerns an existing agency.", nameof(kind));
        }

        var filing = Start(kind, officeId, null, null, number, applicant, nowUtc);
        filing.AgencyId = agencyId;
        filing.AgencyBase = current with { };
        filing.AgencyProposed = kind == FilingKind.AgencyChange ? current with { } : null;
        return filing;
    }

    /// <summary>
    /// 初次申领: the items to print, and the old organisation code when the body holds one (its nine characters must carry a
    /// correct check character; the body is kept in the new code).
    /// </summary>
    public void DescribeAgencyApplication(AgencyItems items, string? oldOrganisationCode)
    {
        EnsureKind(FilingKind.AgencyFirstApplication);
        EnsureEditable();
        string? old = null;
        if (!string.IsNullOrWhiteSpace(oldOrganisationCode))
        {
            if (!UnifiedSocialCreditCode.TryFromOrganisationCode(Agency.CodeCategoryOf(items.Category), "000000", oldOrganisationCode, out var probe))
            {
                throw new DomainRuleException(FilingErrors.OldCodeInvalid);
            }

            old = probe.Body + probe.Value[16];
        }

        DraftInput = null;
        AgencyProposed = items with { };
        OldOrganisationCode = old;
        Touch();
    }

    /// <summary>变更: the new printed items; the category is in the code and never changes.</summary>
    public void DescribeAgencyChange(AgencyItems items, string? explanation)
    {
        EnsureKind(FilingKind.AgencyChange);
        EnsureEditable();
        if (AgencyBase is not null && items.Category != AgencyBase.Category)
        {
            throw new DomainRuleException(FilingErrors.CategoryIsFixed);
        }

        DraftInput = null;
        AgencyProposed = items with { };
        Explanation = explanation;
        Touch();
    }

    /// <summary>补领 (loss) or 换领 (damage), with the applicant's statement.</summary>
    public void DescribeAgencyReissue(ReissueCause cause, string explanation)
    {
        EnsureKind(FilingKind.AgencyReissue);
        EnsureEditable();
        DraftInput = null;
        ReissueCause = cause;
        Explanation = explanation;
        Touch();
    }

    /// <summary>注销: why the body is cancelled (the cancelling document is attached).</summary>
    public void DescribeAgencyCancellation(string explanation)
    {
        EnsureKind(FilingKind.AgencyCancellation);
        EnsureEditable();
        DraftInput = null;
        Explanation = explanation;
        Touch();
    }

    /// <summary>Cancellation: the registrar records that the certificate (正本 and 副本) and the official seal were handed in.</summary>
    public void RecordCertificateAndSealCollected(DateOnly on)
    {
        EnsureKind(FilingKind.AgencyCancellation);
        if (State != FilingState.Accepted)
        {
            throw new DomainRuleException(FilingErrors.TransitionNotAllowed);
        }

        CollectedOn = on;
        Touch();
    }

    /// <summary>The printed items an agency change alters.</summary>
    public IReadOnlyList<AgencyItem> ChangedAgencyItems() =>
        Kind == FilingKind.AgencyChange && AgencyBase is not null && AgencyProposed is not null ? AgencyItems.Changed(AgencyBase, AgencyProposed) : [];

    /// <summary>Links an approved first application to the agency it created.</summary>
    public void RecordCreatedAgency(Guid agencyId)
    {
        if (Kind != FilingKind.AgencyFirstApplication || State != FilingState.Approved || AgencyId is not null)
        {
            throw new DomainRuleException(FilingErrors.WrongKind);
        }

        AgencyId = agencyId;
    }

    private void AddAgencyProblems(List<SubmissionProblem> problems)
    {
        switch (Kind)
        {
            case FilingKind.AgencyFirstApplication when AgencyProposed is null:
                problems.Add(new(FilingErrors.ItemsMissing));
                break;
            case FilingKind.AgencyChange when ChangedAgencyItems().Count == 0:
                problems.Add(new(FilingErrors.NothingChanged));
                break;
            case FilingKind.AgencyReissue when ReissueCause is null:
                problems.Add(new(FilingErrors.ReissueCauseMissing));
                break;
            case FilingKind.AgencyReissue or FilingKind.AgencyCancellation when string.IsNullOrWhiteSpace(Explanation):
                problems.Add(new(FilingErrors.ExplanationMissing));
                break;
        }
    }
}
