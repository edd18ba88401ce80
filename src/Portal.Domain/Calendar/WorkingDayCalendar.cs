namespace Portal.Domain.Calendar;

/// <summary>
/// Working days in mainland China: Monday to Friday, except announced holidays, plus the weekend
/// days that are worked to make up for them (调休). The exceptions are data, not code, because the
/// State Council announces them year by year.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _workedWeekendDays = [];

    public WorkingDayCalendar(IEnumerable<CalendarDay> exceptions)
    {
        foreach (var day in exceptions)
        {
            if (day.Kind == CalendarDayKind.Holiday)
            {
                _holidays.Add(day.Date);
            }
            else
            {
                _workedWeekendDays.Add(day.Date);
            }
        }
    }

    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.Contains(date))
        {
            return false;
        }

        if (_workedWeekendDays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The date that is <paramref name="workingDays"/> working days after <paramref name="start"/>;
    /// the start day itself is not counted ("within 3 working days of submission").
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        var remaining = workingDays;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
