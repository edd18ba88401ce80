using Portal.Domain.Certificates;

namespace Portal.Domain.Agencies;

public enum AgencyCertificateReason
{
    FirstApplication,
    Change,
    Reissue,

    /// <summary>到期换领: a new certificate with a fresh validity, for one in its last 30 days or past its end.</summary>
    Renewal,
}

/// <summary>
/// 《统一社会信用代码证书》 of an organ, people's organisation or other body: 正本 and 副本 under one number, drawn like the
/// legal-person certificate, with a signed QR code whose token says it belongs to this family. Printed items are kept exactly
/// as issued (the identity number is not printed). A validity is printed only where the office's settings ask for one.
/// </summary>
public class AgencyCertificate
{
    private AgencyCertificate()
    {
        Number = Code = TokenSha256 = Token = KeyId = QrUrl = OfficeNameZh = OriginalSha256 = DuplicateSha256 = string.Empty;
        Printed = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>From the same series as the legal-person certificates of the office, so a number names one certificate of either family.</summary>
    public string Number { get; private set; }

    public Guid OfficeId { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Code { get; private set; }

    public AgencyItems Printed { get; private set; }

    /// <summary>赋码机关: the office that assigned the code, as printed.</summary>
    public string OfficeNameZh { get; private set; }

    public AgencyCertificateReason Reason { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    /// <summary>Null when the office prints no validity (the certificate holds until superseded, voided or the body is cancelled).</summary>
    public DateOnly? ValidUntil { get; private set; }

    public CertificateStatus Status { get; private set; }

    public Guid? PredecessorId { get; private set; }

    public Guid? SuccessorId { get; private set; }

    public VoidReason? VoidReason { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public string Token { get; private set; }

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

    public static AgencyCertificate Issue(
        Guid id,
        string number,
        Agency agency,
        string officeNameZh,
        AgencyCertificateReason reason,
        DateOnly issuedOn,
        DateOnly? validUntil,
        Guid? predecessorId,
        SignedToken token,
        RenderedPair pdfs) => new()
    {
        Id = id,
        Number = number,
        OfficeId = agency.OfficeId,
        AgencyId = agency.Id,
        Code = agency.Code,
        Printed = agency.Current with { PersonInChargeIdNumber = string.Empty },
        OfficeNameZh = officeNameZh,
        Reason = reason,
        IssuedOn = issuedOn,
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
    /// The validity end of a new certificate: none when the office prints none; otherwise <paramref name="validityYears"/> from
    /// issue for a first application or a renewal, and the predecessor's end for a change or re-issue (as for institutions).
    /// </summary>
    public static DateOnly? ValidityEnd(int? validityYears, AgencyCertificateReason reason, DateOnly issuedOn, DateOnly? predecessorValidUntil)
    {
        if (validityYears is not > 0)
        {
            return null;
        }

        return reason is AgencyCertificateReason.Change or AgencyCertificateReason.Reissue && predecessorValidUntil is { } end && end > issuedOn
            ? end
            : issuedOn.AddYears(validityYears.Value);
    }

    public CertificateStatus StatusOn(DateOnly today) => CertificateStatuses.On(Status, ValidUntil, today);

    /// <summary>Marks a certificate past its printed validity as expired (the daily job); one without a validity never expires.</summary>
    public void Expire(DateOnly today)
    {
        EnsureValid();
        if (ValidUntil is not { } end || today <= end)
        {
            throw new DomainRuleException(CertificateErrors.NotYetExpired);
        }

        Status = CertificateStatus.Expired;
        EndedOn = end.AddDays(1);
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>到期换领 is open from 30 days before the printed end, and stays open after it (the body still needs a certificate).</summary>
    public bool RenewalIsOpen(DateOnly today) =>
        Status is CertificateStatus.Valid or CertificateStatus.Expired && SuccessorId is null
        && ValidUntil is { } end && today >= end.AddDays(-RenewalWindowDays);

    public const int RenewalWindowDays = 30;

    /// <summary>Which expiry reminder is due today, if any (60 and 30 days before the end), and records that it was sent.</summary>
    public int? TakeExpiryReminder(DateOnly today)
    {
        if (Status != CertificateStatus.Valid || ValidUntil is not { } end)
        {
            return null;
        }

        var due = ExpiryReminders.Due(end, today, Notified60DaysBefore, Notified30DaysBefore);
        Notified30DaysBefore |= due == 30;
        Notified60DaysBefore |= due is not null;
        return due;
    }

    /// <summary>
    /// A new certificate takes this one's place: a valid one is superseded from <paramref name="on"/>; an expired one keeps its
    /// status and end, and only points to its successor (the verify page links to it).
    /// </summary>
    public void SupersedeBy(Guid successorId, DateOnly on)
    {
        if (Status == CertificateStatus.Expired && SuccessorId is null)
        {
            SuccessorId = successorId;
            ConcurrencyToken = Guid.NewGuid();
            return;
        }

        EnsureValid();
        Status = CertificateStatus.Superseded;
        SuccessorId = successorId;
        EndedOn = on;
        ConcurrencyToken = Guid.NewGuid();
    }

    public void Void(VoidReason reason, DateOnly on, Guid? successorId = null)
    {
        EnsureValid();
        Status = CertificateStatus.Voided;
        VoidReason = reason;
        SuccessorId = successorId;
        EndedOn = on;
        ConcurrencyToken = Guid.NewGuid();
    }

    private void EnsureValid()
    {
        if (Status != CertificateStatus.Valid)
        {
            throw new DomainRuleException(CertificateErrors.NotValid);
        }
    }
}
