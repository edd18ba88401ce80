namespace Portal.Domain.Instruments;

/// <summary>The written instruments the Administrative Licensing Law requires of a registration office.</summary>
public enum InstrumentKind
{
    /// <summary>受理通知书 (art. 32).</summary>
    Acceptance,

    /// <summary>不予受理决定书 (art. 32).</summary>
    NonAcceptance,

    /// <summary>补正材料通知书: one complete notice of everything to supplement (art. 32, 一次性告知).</summary>
    Supplement,

    /// <summary>准予登记决定书 (art. 38).</summary>
    Approval,

    /// <summary>不予登记决定书 (art. 38): reasons and the rights of review and lawsuit.</summary>
    Refusal,

    /// <summary>证书作废通知书.</summary>
    CertificateVoid,
}

/// <summary>
/// One instrument as issued: numbered from the office's sequence for its kind and year, rendered once as a
/// signed PDF whose SHA-256 is kept, and checkable by anyone with its number and check code. Delivery (送达)
/// is recorded on it: the first time a user of the recipient opens it.
/// </summary>
public class Instrument
{
    private Instrument()
    {
        Number = string.Empty;
        CheckCode = string.Empty;
        Sha256 = string.Empty;
        SignerThumbprint = string.Empty;
        Addressee = string.Empty;
    }

    public Instrument(Guid id, Guid officeId, InstrumentKind kind, int year, long serial, string number, string checkCode, Guid? filingId, Guid? institutionId, string? applicantUserId,
        Guid? certificateId, string addressee, DateOnly issuedOn, DateTime issuedUtc, Guid fileId, string sha256, string signerThumbprint)
    {
        Id = id;
        OfficeId = officeId;
        Kind = kind;
        Year = year;
        Serial = serial;
        Number = number;
        CheckCode = checkCode;
        FilingId = filingId;
        InstitutionId = institutionId;
        ApplicantUserId = applicantUserId;
        CertificateId = certificateId;
        Addressee = addressee;
        IssuedOn = issuedOn;
        IssuedUtc = issuedUtc;
        FileId = fileId;
        Sha256 = sha256;
        SignerThumbprint = signerThumbprint;
    }

    public Guid Id { get; private set; }

    public Guid OfficeId { get; private set; }

    public InstrumentKind Kind { get; private set; }

    public int Year { get; private set; }

    /// <summary>The serial within the office, kind and year: 1, 2, 3 … with no gaps (the counter moves in the act's transaction).</summary>
    public long Serial { get; private set; }

    /// <summary>As printed, e.g. "浦事登受〔2026〕12号".</summary>
    public string Number { get; private set; }

    /// <summary>The short code printed beside the QR; with the number it finds the instrument on the public check page.</summary>
    public string CheckCode { get; private set; }

    public Guid? FilingId { get; private set; }

    /// <summary>The institution it concerns; null for a setup until the setup is approved.</summary>
    public Guid? InstitutionId { get; private set; }

    /// <summary>The applicant of a setup filing, who receives the instruments before an institution exists.</summary>
    public string? ApplicantUserId { get; private set; }

    public Guid? CertificateId { get; private set; }

    /// <summary>Whom it is addressed to: the institution's or the proposed institution's name.</summary>
    public string Addressee { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public DateTime IssuedUtc { get; private set; }

    public Guid FileId { get; private set; }

    public string Sha256 { get; private set; }

    /// <summary>SHA-1 thumbprint of the document-signing certificate that signed it (kept after the key rotates).</summary>
    public string SignerThumbprint { get; private set; }

    /// <summary>When a user of the recipient first opened it (送达 by first opening).</summary>
    public DateTime? OpenedUtc { get; private set; }

    public string? OpenedByUserId { get; private set; }

    /// <summary>Records the first opening by the recipient; later openings change nothing. True when this one was the first.</summary>
    public bool MarkOpened(string userId, DateTime nowUtc)
    {
        if (OpenedUtc is not null)
        {
            return false;
        }

        OpenedUtc = nowUtc;
        OpenedByUserId = userId;
        return true;
    }

    /// <summary>A setup approved: the instruments issued to its applicant now belong to the new institution too.</summary>
    public void AssignInstitution(Guid institutionId) => InstitutionId ??= institutionId;

    /// <summary>
    /// When the instrument counts as delivered (送达): at its first opening by the recipient; or, where the recipient
    /// consented to electronic delivery before it was issued, <paramref name="deemedAfter"/> after it reached the
    /// portal inbox. Null while it is not yet delivered.
    /// </summary>
    public DateTime? DeliveredUtc(DateTime? consentedUtc, TimeSpan deemedAfter, DateTime nowUtc) => Delivered(IssuedUtc, OpenedUtc, consentedUtc, deemedAfter, nowUtc);

    /// <summary>The rule of <see cref="DeliveredUtc(DateTime?, TimeSpan, DateTime)"/> for a row read without the entity.</summary>
    public static DateTime? Delivered(DateTime issuedUtc, DateTime? openedUtc, DateTime? consentedUtc, TimeSpan deemedAfter, DateTime nowUtc)
    {
        var deemed = consentedUtc is { } c && c <= issuedUtc ? issuedUtc + deemedAfter : (DateTime?)null;
        if (openedUtc is { } opened && (deemed is null || opened <= deemed))
        {
            return opened;
        }

        return deemed is { } d && d <= nowUtc ? d : null;
    }
}

/// <summary>How instrument numbers are written: prefix + kind mark + 〔year〕 + serial + 号, e.g. "浦事登受〔2026〕12号".</summary>
public static class InstrumentNumber
{
    /// <summary>The prefix when an office has not set its own.</summary>
    public const string DefaultPrefix = "事登";

    public const int MaxPrefixLength = 10;

    public static string Mark(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Acceptance => "受",
        InstrumentKind.NonAcceptance => "不受",
        InstrumentKind.Supplement => "补",
        InstrumentKind.Approval => "准",
        InstrumentKind.Refusal => "不准",
        InstrumentKind.CertificateVoid => "废",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Format(string? prefix, InstrumentKind kind, int year, long serial) =>
        $"{(string.IsNullOrWhiteSpace(prefix) ? DefaultPrefix : prefix.Trim())}{Mark(kind)}〔{year}〕{serial}号";

    /// <summary>Check codes: 10 characters of an alphabet without look-alikes (no 0/O, 1/I/L, U), printed in two groups of five.</summary>
    public const string CheckAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int CheckCodeLength = 10;

    /// <summary>The canonical form of a typed check code: upper case, separators and spaces dropped; null when it cannot be one.</summary>
    public static string? CanonicalCheckCode(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var chars = typed.Where(ch => ch is not (' ' or '-' or '\u3000')).Select(char.ToUpperInvariant).ToArray();
        return chars.Length == CheckCodeLength && chars.All(ch => CheckAlphabet.Contains(ch)) ? new string(chars) : null;
    }

    public static string Grouped(string checkCode) => checkCode.Length == CheckCodeLength ? checkCode[..5] + "-" + checkCode[5..] : checkCode;
}
