namespace Portal.Domain.Common;

/// <summary>经费来源: a reference table, because offices word the categories differently.</summary>
public class FundingSource
{
    public FundingSource(string code, string nameZh, string nameEn, int sortOrder)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        SortOrder = sortOrder;
        IsActive = true;
    }

    public string Code { get; private set; }

    public string NameZh { get; private set; }

    public string NameEn { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>Retired sources stay for the history of the institutions that used them.</summary>
    public bool IsActive { get; private set; }

    public void Update(string nameZh, string nameEn, int sortOrder, bool isActive)
    {
        NameZh = nameZh;
        NameEn = nameEn;
        SortOrder = sortOrder;
        IsActive = isActive;
    }
}
