namespace Portal.Domain.Common;

/// <summary>A GB/T 2260 administrative region.</summary>
public class Region
{
    public Region(string code, string nameZh, string nameEn)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
    }

    public string Code { get; private set; }

    public string NameZh { get; private set; }

    public string NameEn { get; private set; }

    public void Rename(string nameZh, string nameEn)
    {
        NameZh = nameZh;
        NameEn = nameEn;
    }
}
