using Portal.Domain.Codes;

namespace Portal.Domain.Institutions;

/// <summary>A registered public institution (事业单位法人), held by exactly one registration office.</summary>
public class Institution
{
    private readonly List<InstitutionVersion> _versions = [];

    private Institution()
    {
        Code = string.Empty;
        Current = null!;
    }

    /// <summary>Registers an institution with its first version of registered items.</summary>
    public static Institution Register(
        Guid officeId,
        UnifiedSocialCreditCode code,
        RegisteredItems items,
        DateOnly registeredOn,
        DateTime recordedUtc,
        string? legacyCertificateNumber = null)
    {
        var institution = new Institution
        {
            Id = Guid.CreateVersion7(),
            OfficeId = officeId,
            Code = code.Value,
            Status = InstitutionStatus.Registered,
            RegisteredOn = registeredOn,
            LegacyCertificateNumber = legacyCertificateNumber,
            ConcurrencyToken = Guid.NewGuid(),
        };
        institution.AddVersion(items, registeredOn, recordedUtc);
        return institution;
    }

    public Guid Id { get; private set; }

    public Guid OfficeId { get; private set; }

    /// <summary>The canonical 18-character unified social credit code; never reused.</summary>
    public string Code { get; private set; }

    /// <summary>事证号 of a paper-era certificate, when the institution has one.</summary>
    public string? LegacyCertificateNumber { get; private set; }

    public InstitutionStatus Status { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    /// <summary>The items of the latest version, kept on the row so the register can be searched without joins.</summary>
    public RegisteredItems Current { get; private set; }

    /// <summary><see cref="NameKey.Of"/> of the current name: what duplicate-name checks compare.</summary>
    public string NameKey { get; private set; } = string.Empty;

    /// <summary>The number of the certificate currently held (electronic, or the paper one on record).</summary>
    public string? CertificateNumber { get; private set; }

    /// <summary>The last day of validity of the certificate currently held.</summary>
    public DateOnly? CertificateValidUntil { get; private set; }

    /// <summary>The number of the version <see cref="Current"/> came from.</summary>
    public int CurrentVersion { get; private set; }

    public IReadOnlyList<InstitutionVersion> Versions => _versions;

    /// <summary>App-managed optimistic concurrency token (provider-neutral; not rowversion).</summary>
    public Guid ConcurrencyToken { get; private set; }

    /// <summary>Records an approved change as a new version effective on <paramref name="effectiveOn"/>; old versions stay.</summary>
    public InstitutionVersion RecordChange(RegisteredItems items, DateOnly effectiveOn, DateTime recordedUtc)
    {
        if (Status != InstitutionStatus.Registered)
        {
            throw new DomainRuleException(DomainErrors.InstitutionNotRegistered);
        }

        return AddVersion(items, effectiveOn, recordedUtc);
    }

    /// <summary>Records the certificate the institution now holds (issued by the portal or on record from paper).</summary>
    public void RecordCertificate(string number, DateOnly validUntil)
    {
        CertificateNumber = number;
        CertificateValidUntil = validUntil;
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>证书换领 is open only in the last 30 days of validity (domain.md).</summary>
    public bool RenewalIsOpen(DateOnly today) =>
        Status == InstitutionStatus.Registered
        && CertificateValidUntil is { } end
        && today <= end
        && today >= end.AddDays(-RenewalWindowDays);

    public const int RenewalWindowDays = 30;

    /// <summary>When a manager of the institution consented to electronic delivery (电子送达) of the office's instruments; null: not consented.</summary>
    public DateTime? ElectronicDeliveryConsentUtc { get; private set; }

    public string? ElectronicDeliveryConsentBy { get; private set; }

    /// <summary>Consent is given once; a second consent keeps the first time (the instruments issued since rely on it).</summary>
    public bool ConsentToElectronicDelivery(string userId, DateTime nowUtc)
    {
        if (ElectronicDeliveryConsentUtc is not null)
        {
            return false;
        }

        ElectronicDeliveryConsentUtc = nowUtc;
        ElectronicDeliveryConsentBy = userId;
        ConcurrencyToken = Guid.NewGuid();
        return true;
    }

    /// <summary>Certificate and seals held until this date to correct (enforcement step 2); null when no hold.</summary>
    public DateOnly? HoldCorrectBy { get; private set; }

    public void Hold(DateOnly correctBy)
    {
        HoldCorrectBy = correctBy;
        ConcurrencyToken = Guid.NewGuid();
    }

    public void LiftHold()
    {
        HoldCorrectBy = null;
        ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>撤销登记: the registration ends (enforcement step 3).</summary>
    public void Revoke(DateOnly on)
    {
        if (Status != InstitutionStatus.Registered)
        {
            throw new DomainRuleException(DomainErrors.InstitutionNotRegistered);
        }

        Status = InstitutionStatus.Revoked;
        EndedOn = on;
        HoldCorrectBy = null;
        ConcurrencyToken = Guid.NewGuid();
    }

    public void Deregister(DateOnly on)
    {
        if (Status != InstitutionStatus.Registered)
        {
            throw new DomainRuleException(DomainErrors.InstitutionNotRegistered);
        }

        Status = InstitutionStatus.Deregistered;
        EndedOn = on;
        ConcurrencyToken = Guid.NewGuid();
    }

    private InstitutionVersion AddVersion(RegisteredItems items, DateOnly effectiveOn, DateTime recordedUtc)
    {
        // The number lives on the row so a change need not load the whole history.
        CurrentVersion++;
        var version = new InstitutionVersion(Id, CurrentVersion, items, effectiveOn, recordedUtc);
        _versions.Add(version);
        Current = items with { }; // its own copy: EF tracks owned instances per owner
        NameKey = Institutions.NameKey.Of(items.Name);
        ConcurrencyToken = Guid.NewGuid();
        return version;
    }
}
