using Portal.Domain.Certificates;

namespace Portal.Domain.Agencies;

public enum AgencyCertificateReason
{
    FirstApplication,
    Change,
    Reissue,
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
    /// issue for a first application, and the predecessor's end for a change or re-issue (as for institutions).
    /// </summary>
    public static DateOnly? ValidityEnd(int? validityYears, AgencyCertificateReason reason, DateOnly issuedOn, DateOnly? predecessorValidUntil)
    {
        if (validityYears is not > 0)
        {
            return null;
        }

        return reason != AgencyCertificateReason.FirstApplication && predecessorValidUntil is { } end && end > issuedOn
            ? end
            : issuedOn.AddYears(validityYears.Value);
    }

    public CertificateStatus StatusOn(DateOnly today) =>
        Status == CertificateStatus.Valid && ValidUntil is { } end && today > end ? CertificateStatus.Expired : Status;

    public void SupersedeBy(Guid successorId, DateOnly on)
    {
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
