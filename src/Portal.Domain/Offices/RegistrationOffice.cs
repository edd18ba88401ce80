namespace Portal.Domain.Offices;

/// <summary>登记管理机关: a registration office. One portal hosts several; every institution belongs to exactly one.</summary>
public class RegistrationOffice
{
    public RegistrationOffice(Guid id, string nameZh, string nameEn, string regionCode, Guid? parentOfficeId)
    {
        Id = id;
        NameZh = nameZh;
        NameEn = nameEn;
        RegionCode = regionCode;
        ParentOfficeId = parentOfficeId;
    }

    public Guid Id { get; private set; }

    public string NameZh { get; private set; }

    public string NameEn { get; private set; }

    /// <summary>GB/T 2260 six-digit region code; positions 3–8 of the codes this office assigns.</summary>
    public string RegionCode { get; private set; }

    public Guid? ParentOfficeId { get; private set; }
}
