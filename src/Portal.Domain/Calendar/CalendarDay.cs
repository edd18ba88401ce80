namespace Portal.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>An official rest day (法定节假日 or a moved rest day) that falls on what would be a working day.</summary>
    Holiday,

    /// <summary>A weekend day that is worked (调休上班).</summary>
    Workday,
}

/// <summary>One exception to the Monday–Friday week, as announced by the State Council each year.</summary>
public class CalendarDay
{
    public CalendarDay(DateOnly date, CalendarDayKind kind, string nameZh, string nameEn)
    {
        Date = date;
        Kind = kind;
        NameZh = nameZh;
        NameEn = nameEn;
    }

    public DateOnly Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    public string NameZh { get; private set; }

    public string NameEn { get; private set; }

    public void Rename(string nameZh, string nameEn, CalendarDayKind kind)
    {
        NameZh = nameZh;
        NameEn = nameEn;
        Kind = kind;
    }
}
