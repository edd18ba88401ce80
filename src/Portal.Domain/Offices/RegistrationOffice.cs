namespace Portal.Domain.Offices;

/// <summary>登记管理机关: a registration office. One portal hosts several; every institution belongs to exactly one.</summary>
public partial class RegistrationOffice
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

    /// <summary>The office's promised decision time in working days (承诺时限), shorter than the legal 30 days; null when none.</summary>
    public int? PromisedDecisionWorkingDays { get; private set; }

    /// <summary>The annual-report window as month and day of the following year (default 1 January – 31 March).</summary>
    public int ReportWindowOpensMonth { get; private set; } = 1;

    public int ReportWindowOpensDay { get; private set; } = 1;

    public int ReportWindowClosesMonth { get; private set; } = 3;

    public int ReportWindowClosesDay { get; private set; } = 31;

    /// <summary>The office's public contact telephone (shown on the verify page and instruments), e.g. 0579-84100000.</summary>
    public string? Telephone { get; private set; }

    public const int MaxTelephoneLength = 40;

    /// <summary>The prefix of the office's instrument numbers (文号), e.g. "浦事登" → "浦事登受〔2026〕12号"; null: <see cref="Instruments.InstrumentNumber.DefaultPrefix"/>.</summary>
    public string? DocumentPrefix { get; private set; }

    /// <summary>Chinese characters only, at most ten; blank restores the default.</summary>
    public void SetDocumentPrefix(string? prefix)
    {
        var p = prefix?.Trim();
        if (string.IsNullOrEmpty(p))
        {
            DocumentPrefix = null;
            return;
        }

        if (p.Length > Instruments.InstrumentNumber.MaxPrefixLength || !p.All(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            throw new DomainRuleException(OfficeErrors.BadDocumentPrefix);
        }

        DocumentPrefix = p;
    }

    /// <summary>Digits, spaces and + - ( ) ， only; blank clears it.</summary>
    public void SetTelephone(string? telephone)
    {
        var t = telephone?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            Telephone = null;
            return;
        }

        if (t.Length > MaxTelephoneLength || !t.Any(char.IsAsciiDigit) || !t.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or ',' or '、' or '，'))
        {
            throw new DomainRuleException(OfficeErrors.BadTelephone);
        }

        Telephone = t;
    }

    public AnnualReports.AnnualReportWindow ReportWindow(int year) =>
        AnnualReports.AnnualReportWindow.For(year, ReportWindowOpensMonth, ReportWindowOpensDay, ReportWindowClosesMonth, ReportWindowClosesDay);

    /// <summary>Sets the annual-report window (months and days of the year after the reporting year); it must open before it closes.</summary>
    public void SetReportWindow(int opensMonth, int opensDay, int closesMonth, int closesDay)
    {
        // A non-leap year: 29 February would vanish three years in four.
        if (!IsDay(opensMonth, opensDay) || !IsDay(closesMonth, closesDay) || new DateOnly(2001, opensMonth, opensDay) >= new DateOnly(2001, closesMonth, closesDay))
        {
            throw new DomainRuleException(OfficeErrors.BadReportWindow);
        }

        (ReportWindowOpensMonth, ReportWindowOpensDay, ReportWindowClosesMonth, ReportWindowClosesDay) = (opensMonth, opensDay, closesMonth, closesDay);
    }

    private static bool IsDay(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2001, month);

    /// <summary>
    /// Years of validity printed on an agency's 《统一社会信用代码证书》: null where the province prints none (the default),
    /// else 1 to 10.
    /// </summary>
    public int? AgencyCertificateValidityYears { get; private set; }

    public void SetAgencyCertificateValidity(int? years)
    {
        if (years is < 1 or > 10)
        {
            throw new DomainRuleException(OfficeErrors.BadAgencyValidity);
        }

        AgencyCertificateValidityYears = years;
    }

    public void PromiseDecisionWithin(int? workingDays)
    {
        if (workingDays is < 1 or > 30)
        {
            throw new DomainRuleException(OfficeErrors.BadPromise);
        }

        PromisedDecisionWorkingDays = workingDays;
    }
}

public static class OfficeErrors
{
    public const string BadReportWindow = "OfficeBadReportWindow";
    public const string BadPromise = "OfficeBadPromise";
    public const string BadTelephone = "OfficeBadTelephone";
    public const string BadDocumentPrefix = "OfficeBadDocumentPrefix";
    public const string BadAgencyValidity = "OfficeBadAgencyValidity";
    public const string ServiceDeskTooLong = "OfficeServiceDeskTooLong";
}
