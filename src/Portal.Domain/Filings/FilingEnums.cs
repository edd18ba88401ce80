namespace Portal.Domain.Filings;

public enum FilingKind
{
    /// <summary>设立登记</summary>
    Setup,

    /// <summary>变更登记</summary>
    Change,

    /// <summary>注销登记</summary>
    Deregistration,

    /// <summary>证书补领 (after loss)</summary>
    CertificateReissue,

    /// <summary>证书换领 (in the last 30 days of validity)</summary>
    CertificateRenewal,

    /// <summary>机关、群团赋码: 初次申领 of a code and its 《统一社会信用代码证书》.</summary>
    AgencyFirstApplication,

    /// <summary>机关、群团赋码: 变更 of the certificate's printed items.</summary>
    AgencyChange,

    /// <summary>机关、群团赋码: 补领/换领 after loss or damage; the old certificate is voided.</summary>
    AgencyReissue,

    /// <summary>机关、群团赋码: 注销; the code is never reused.</summary>
    AgencyCancellation,
}

/// <summary>Which family a filing kind belongs to.</summary>
public static class FilingKinds
{
    public static readonly FilingKind[] Institution =
        [FilingKind.Setup, FilingKind.Change, FilingKind.Deregistration, FilingKind.CertificateReissue, FilingKind.CertificateRenewal];

    public static readonly FilingKind[] Agency =
        [FilingKind.AgencyFirstApplication, FilingKind.AgencyChange, FilingKind.AgencyReissue, FilingKind.AgencyCancellation];

    public static bool IsAgency(FilingKind kind) => kind is FilingKind.AgencyFirstApplication or FilingKind.AgencyChange
        or FilingKind.AgencyReissue or FilingKind.AgencyCancellation;
}

/// <summary>Why an agency asks for its certificate again: 补领 after loss, 换领 after damage or at the end of a printed validity.</summary>
public enum ReissueCause
{
    Loss,
    Damage,

    /// <summary>到期换领: only where the office prints a validity, from 30 days before its end.</summary>
    Expiry,
}

public enum FilingState
{
    /// <summary>待提交</summary>
    Draft,

    /// <summary>已提交, waiting for acceptance (3 working days).</summary>
    Submitted,

    /// <summary>退回补正 before acceptance: the applicant fixes and resubmits; a new acceptance window starts.</summary>
    Returned,

    /// <summary>已受理: the decision clock runs.</summary>
    Accepted,

    /// <summary>退回补正 after acceptance: the decision clock stops until the applicant resubmits.</summary>
    SupplementRequested,

    /// <summary>A registrar proposed refusal; a supervisor decides.</summary>
    RefusalProposed,

    /// <summary>核准</summary>
    Approved,

    /// <summary>不予登记</summary>
    Refused,

    /// <summary>撤回 by the applicant.</summary>
    Withdrawn,

    /// <summary>不予受理 (Administrative Licensing Law art. 32): refused at the acceptance stage; the filing ends.</summary>
    NotAccepted,
}

public enum FilingAction
{
    Submit,
    Withdraw,
    Accept,
    ReturnForSupplement,
    Resubmit,
    Approve,
    ProposeRefusal,
    Refuse,
    RejectRefusalProposal,

    /// <summary>不予受理: refuse to accept, with reasons from <see cref="NonAcceptanceReason"/>.</summary>
    RefuseToAccept,
}

/// <summary>Who acts on a filing, as the workflow sees it.</summary>
public enum FilingRole
{
    /// <summary>A user of the filing's institution (or the sponsor's applicant for a setup).</summary>
    Applicant,

    Registrar,

    Supervisor,
}

/// <summary>登记事项: the seven registered items, for change filings and comparisons.</summary>
public enum RegisteredItem
{
    Name,
    Domicile,
    PurposeAndScope,
    LegalRepresentative,
    FundingSource,
    StartupCapital,
    Sponsor,
}

/// <summary>注销 reasons listed in the regulation's practice.</summary>
public enum DeregistrationReason
{
    SponsorDecision,
    MergerOrSplit,
    DissolutionByLawOrCharter,
    OrderToClose,
    Revocation,
}

/// <summary>Why a filing is not accepted (行政许可法 art. 32 (1)–(2)); free text may add to them.</summary>
public enum NonAcceptanceReason
{
    /// <summary>不属于本机关职权范围: the competent office must be named.</summary>
    OutsideJurisdiction,

    /// <summary>申请事项依法不需要取得登记.</summary>
    NoRegistrationNeeded,

    /// <summary>申请人不具备申请资格.</summary>
    ApplicantNotEntitled,
}
