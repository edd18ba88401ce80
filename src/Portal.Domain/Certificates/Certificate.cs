using Portal.Domain.Institutions;

namespace Portal.Domain.Certificates;

public enum CertificateStatus
{
    Valid,

    /// <summary>Replaced by a later certificate after a change or renewal; points to its successor.</summary>
    Superseded,

    /// <summary>Declared void: loss, deregistration or revocation.</summary>
    Voided,

    /// <summary>Past its validity end: void automatically.</summary>
    Expired,
}

public enum CertificateIssueReason
{
    Setup,
    Change,
    Reissue,
    Renewal,
}

public enum VoidReason
{
    Loss,
    Deregistration,
    Revocation,

    /// <summary>损毁: an agency's damaged certificate, exchanged (换领).</summary>
    Damage,
}

/// <summary>
/// 《事业单位法人证书》: one certificate number for the pair 正本 (original) and 副本 (duplicate).
/// The printed fields are kept exactly as issued; the PDFs are rendered once and never again.
/// </summary>
public class Certificate
{
    /// <summary>Valid for 5 years (domain.md).</summary>
    public const int ValidityYears = 5;

    private Certificate()
    {
        Number = Code = TokenSha256 = Token = KeyId = QrUrl = OfficeNameZh = OriginalSha256 = DuplicateSha256 = string.Empty;
        Printed = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>Region code + year + six-digit serial per office and year, e.g. "3307262026000017". Never reused.</summary>
    public string Number { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid InstitutionId { get; private set; }

    public string Code { get; private set; }

    /// <summary>The registered items as printed (the identity number is never printed).</summary>
    public RegisteredItems Printed { get; private set; }

    public string OfficeNameZh { get; private set; }

    public CertificateIssueReason Reason { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly ValidUntil { get; private set; }

    public CertificateStatus Status { get; private set; }

    public Guid? PredecessorId { get; private set; }

    public Guid? SuccessorId { get; private set; }

    public VoidReason? VoidReason { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public string? VoidNote { get; private set; }

    /// <summary>The signed token in the QR code (compact JWS, ES256).</summary>
    public string Token { get; private set; }

    /// <summary>SHA-256 of <see cref="Token"/>, indexed: the verify page looks the token up instead of re-checking the signature.</summary>
    public string TokenSha256 { get; private set; }

    public string KeyId { get; private set; }

    public string QrUrl { get; private set; }

    public Guid OriginalPdfId { get; private set; }

    public string OriginalSha256 { get; private set; }

    public Guid DuplicatePdfId { get; private set; }

    public string DuplicateSha256 { get; private set; }

    public bool Notified60DaysBefore { get; private set; }

    public bool Notified30DaysBefore { get; private set; }

    public Guid ConcurrencyToken { get; private set; }

    public static Certificate Issue(
        Guid id,
        string number,
        Institution institution,
        string officeNameZh,
        CertificateIssueReason reason,
        DateOnly issuedOn,
        DateOnly validUntil,
        Guid? predecessorId,
        SignedToken token,
        RenderedPair pdfs) => new()
    {
        Id = id,
        Number = number,
        OfficeId = institution.OfficeId,
        InstitutionId = institution.Id,
        Code = institution.Code,
        Printed = institution.Current with { LegalRepresentativeIdNumber = string.Empty },
        OfficeNameZh = officeNameZh,
        Reason = reason,
        IssuedOn = issuedOn,
        ValidFrom = issuedOn,
        ValidUntil = validUntil,
        Status = CertificateStatus.Valid,
        PredecessorId = predecessorId,
        Token = token.Compact,
        TokenSha256 = token.Sha256,
        KeyId = token.KeyId,
        QrUrl = token.Url,
        OriginalPdfId = pdfs.OriginalId,
        OriginalSha256 = pdfs.OriginalSha256,
        DuplicatePdfId = pdfs.DuplicateId,
        DuplicateSha256 = pdfs.DuplicateSha256,
        ConcurrencyToken = Guid.NewGuid(),
    };

    /// <summary>
    /// A new certificate runs 5 years from issue after a setup or a renewal; after a change or a loss
    /// re-issue it keeps its predecessor's validity end (domain.md, the certificate).
    /// </summary>
    public static DateOnly ValidityEnd(CertificateIssueReason reason, DateOnly issuedOn, DateOnly? predecessorValidUntil) =>
        reason is CertificateIssueReason.Change or CertificateIssueReason.Reissue && predecessorValidUntil is { } end && end > issuedOn
            ? end
            : issuedOn.AddYears(ValidityYears);

    /// <summary>The status as of <paramref name="today"/>: a valid certificate past its end is expired even before the daily job marks it.</summary>
    public CertificateStatus StatusOn(DateOnly today) => CertificateStatuses.On(Status, ValidUntil, today);

    public void SupersedeBy(Guid successorId, DateOnly on)
    {
        EnsureValid();
        Status = CertificateStatus.Superseded;
        SuccessorId = successorId;
        EndedOn = on;
        ConcurrencyToken = Guid.NewGuid();
    }

    public void Void(VoidReason reason, DateOnly on, string? note, Guid? successorId = null)
    {
        EnsureValid();
        Status = CertificateStatus.Voided;
        VoidReason = reason;
        VoidNote = note;
        SuccessorId = successorId;
        EndedOn = on;
        ConcurrencyToken = Guid.NewGuid();
    }

    public void Expire(DateOnly today)
    {
        EnsureValid();
        if (today <= ValidUntil)
        {
            throw new DomainRuleException(CertificateErrors.NotYetExpired);
        }

        Status = CertificateStatus.Expired;
        EndedOn = ValidUntil.AddDays(1);
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>Which expiry reminder is due today, if any (60 and 30 days before the end), and records that it was sent.</summary>
    public int? TakeExpiryReminder(DateOnly today)
    {
        if (Status != CertificateStatus.Valid)
        {
            return null;
        }

        var due = ExpiryReminders.Due(ValidUntil, today, Notified60DaysBefore, Notified30DaysBefore);
        Notified30DaysBefore |= due == 30;
        Notified60DaysBefore |= due is not null;
        return due;
    }

    private void EnsureValid()
    {
        if (Status != CertificateStatus.Valid)
        {
            throw new DomainRuleException(CertificateErrors.NotValid);
        }
    }
}

/// <summary>A signed QR token, its key, its hash and the URL it sits in.</summary>
public sealed record SignedToken(string Compact, string KeyId, string Sha256, string Url);

/// <summary>The stored PDFs of a certificate pair.</summary>
public sealed record RenderedPair(Guid OriginalId, string OriginalSha256, Guid DuplicateId, string DuplicateSha256);

public static class CertificateErrors
{
    public const string NotValid = "CertificateNotValid";
    public const string NotYetExpired = "CertificateNotYetExpired";
}

/// <summary>Which registered items are printed on the certificate (the identity number is not).</summary>
public static class PrintedItems
{
    public static bool Differ(RegisteredItems a, RegisteredItems b) =>
        a.Name != b.Name || a.SecondName != b.SecondName || a.Domicile != b.Domicile || a.PurposeAndScope != b.PurposeAndScope
        || a.LegalRepresentative != b.LegalRepresentative || a.FundingSourceCode != b.FundingSourceCode
        || a.StartupCapital != b.StartupCapital || a.Sponsor != b.Sponsor;
}

/// <summary>The status a reader sees, for either certificate family.</summary>
public static class CertificateStatuses
{
    /// <summary>
    /// The status as of <paramref name="today"/>: a valid certificate past its validity end is expired even before the daily job
    /// marks it; one without a validity (an agency's where the office prints none) never expires.
    /// </summary>
    public static CertificateStatus On(CertificateStatus stored, DateOnly? validUntil, DateOnly today) =>
        stored == CertificateStatus.Valid && validUntil is { } end && today > end ? CertificateStatus.Expired : stored;
}

/// <summary>The expiry reminders of either certificate family: 60 days before the end, then 30 (the 30-day one alone when the first was missed).</summary>
public static class ExpiryReminders
{
    public static int? Due(DateOnly validUntil, DateOnly today, bool sent60, bool sent30)
    {
        var daysLeft = validUntil.DayNumber - today.DayNumber;
        if (daysLeft is >= 0 and <= 30 && !sent30)
        {
            return 30;
        }

        return daysLeft is > 30 and <= 60 && !sent60 ? 60 : null;
    }
}
