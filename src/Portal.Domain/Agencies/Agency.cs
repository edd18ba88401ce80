using Portal.Domain.Codes;

namespace Portal.Domain.Agencies;

/// <summary>The bodies outside the institution register that the staffing office gives codes to (domain.md, 机关、群团赋码).</summary>
public enum AgencyCategory
{
    /// <summary>机关: Party and government organs, the people's congress, CPPCC, courts, procuratorates, democratic parties.</summary>
    Organ,

    /// <summary>群团: a people's organisation whose staffing the office manages directly.</summary>
    PeopleOrganisation,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>The items printed on an agency's 《统一社会信用代码证书》 that a change filing may alter.</summary>
public enum AgencyItem
{
    Name,
    Functions,
    Address,
    PersonInCharge,
}

public enum AgencyStatus
{
    Active,

    /// <summary>注销: the code is never reused; the certificate and the seal were collected.</summary>
    Cancelled,
}

/// <summary>What an agency's certificate shows. Immutable: a change is a new version.</summary>
public sealed record AgencyItems
{
    public required string Name { get; init; }

    public string? SecondName { get; init; }

    public required AgencyCategory Category { get; init; }

    /// <summary>设立文件: the approving authority's establishing document, e.g. "浦委编〔2019〕3号".</summary>
    public required string EstablishingDocument { get; init; }

    /// <summary>主要职能, in place of an institution's purpose and scope.</summary>
    public required string Functions { get; init; }

    public required string Address { get; init; }

    /// <summary>负责人.</summary>
    public required string PersonInCharge { get; init; }

    /// <summary>The person in charge's identity number: stored, masked wherever it is shown publicly (as for legal representatives).</summary>
    public required string PersonInChargeIdNumber { get; init; }

    /// <summary>The items a change filing alters from <paramref name="before"/> to <paramref name="after"/>, in printed order.</summary>
    public static IReadOnlyList<AgencyItem> Changed(AgencyItems before, AgencyItems after)
    {
        var changed = new List<AgencyItem>();
        if (before.Name != after.Name || before.SecondName != after.SecondName)
        {
            changed.Add(AgencyItem.Name);
        }

        if (before.Functions != after.Functions)
        {
            changed.Add(AgencyItem.Functions);
        }

        if (before.Address != after.Address)
        {
            changed.Add(AgencyItem.Address);
        }

        if (before.PersonInCharge != after.PersonInCharge || before.PersonInChargeIdNumber != after.PersonInChargeIdNumber)
        {
            changed.Add(AgencyItem.PersonInCharge);
        }

        return changed;
    }
}

/// <summary>One version of an agency's printed items, effective from a date. Versions are never edited.</summary>
public class AgencyVersion
{
    private AgencyVersion()
    {
        Items = null!;
    }

    internal AgencyVersion(Guid agencyId, int number, DateOnly effectiveOn, DateTime recordedUtc, AgencyItems items)
    {
        Id = Guid.CreateVersion7();
        AgencyId = agencyId;
        Number = number;
        EffectiveOn = effectiveOn;
        RecordedUtc = recordedUtc;
        Items = items;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public int Number { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    public DateTime RecordedUtc { get; private set; }

    public AgencyItems Items { get; private set; }
}

/// <summary>
/// An organ, people's organisation or other body holding a code from the staffing office. Its code's second character
/// is its category (1, 3 or 9), so the category never changes: a body that changes category is a new body.
/// </summary>
public class Agency
{
    private readonly List<AgencyVersion> _versions = [];

    private Agency()
    {
        Code = string.Empty;
        Current = null!;
    }

    public Guid Id { get; private set; }

    public Guid OfficeId { get; private set; }

    public string Code { get; private set; }

    public AgencyStatus Status { get; private set; }

    public DateOnly RegisteredOn { get; private set; }

    public DateOnly? CancelledOn { get; private set; }

    public AgencyItems Current { get; private set; }

    /// <summary>An imported body's paper 《统一社会信用代码证书》 on record (number and validity, if printed) until its first change.</summary>
    public string? PaperCertificateNumber { get; private set; }

    public DateOnly? PaperCertificateValidUntil { get; private set; }

    public IReadOnlyList<AgencyVersion> Versions => _versions;

    public Guid ConcurrencyToken { get; private set; }

    public static Agency Register(Guid officeId, UnifiedSocialCreditCode code, AgencyItems items, DateOnly registeredOn, DateTime recordedUtc)
    {
        if (code.Category != CodeCategoryOf(items.Category))
        {
            throw new DomainRuleException(AgencyErrors.CodeCategoryMismatch);
        }

        var agency = new Agency
        {
            Id = Guid.CreateVersion7(),
            OfficeId = officeId,
            Code = code.Value,
            Status = AgencyStatus.Active,
            RegisteredOn = registeredOn,
            Current = items,
            ConcurrencyToken = Guid.NewGuid(),
        };
        agency._versions.Add(new AgencyVersion(agency.Id, 1, registeredOn, recordedUtc, items));
        return agency;
    }

    /// <summary>A body taken on from the legacy register keeps its paper certificate's details until the portal issues one.</summary>
    public void RecordPaperCertificate(string number, DateOnly? validUntil)
    {
        PaperCertificateNumber = number;
        PaperCertificateValidUntil = validUntil;
    }

    /// <summary>An approved change of printed items: a new version; the category stays (it is in the code).</summary>
    public AgencyVersion RecordChange(AgencyItems items, DateOnly effectiveOn, DateTime recordedUtc)
    {
        if (Status != AgencyStatus.Active)
        {
            throw new DomainRuleException(AgencyErrors.NotActive);
        }

        if (items.Category != Current.Category)
        {
            throw new DomainRuleException(AgencyErrors.CategoryIsFixed);
        }

        if (AgencyItems.Changed(Current, items).Count == 0)
        {
            throw new DomainRuleException(AgencyErrors.NothingChanged);
        }

        var version = new AgencyVersion(Id, _versions.Count + 1, effectiveOn, recordedUtc, items);
        _versions.Add(version);
        Current = items;
        ConcurrencyToken = Guid.NewGuid();
        return version;
    }

    /// <summary>注销: the code is retired for good.</summary>
    public void Cancel(DateOnly on)
    {
        if (Status != AgencyStatus.Active)
        {
            throw new DomainRuleException(AgencyErrors.NotActive);
        }

        Status = AgencyStatus.Cancelled;
        CancelledOn = on;
        ConcurrencyToken = Guid.NewGuid();
    }

    public static CodeCategory CodeCategoryOf(AgencyCategory category) => category switch
    {
        AgencyCategory.Organ => CodeCategory.Organ,
        AgencyCategory.PeopleOrganisation => CodeCategory.PeopleOrganisation,
        AgencyCategory.Other => CodeCategory.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}

public static class AgencyErrors
{
    public const string CodeCategoryMismatch = "AgencyCodeCategoryMismatch";
    public const string CategoryIsFixed = "AgencyCategoryIsFixed";
    public const string NotActive = "AgencyNotActive";
    public const string NothingChanged = "AgencyNothingChanged";

    /// <summary>The old organisation code's body was already issued to another body: it cannot be kept.</summary>
    public const string OldCodeInUse = "AgencyOldCodeInUse";
}
