using System.Text.Json;
using Portal.Domain.Calendar;

namespace Portal.Domain.Tests.Calendar;

/// <summary>Against the State Council's real 2025 and 2026 arrangements as seeded from db/seed/holidays-cn.json.</summary>
public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(SeededDays());

    [Fact]
    public void NationalDay2025_HolidaysAreSkippedAndWorkedSundayCounts()
    {
        // 2025-09-30 (Tue) + 3 working days: Oct 1–8 are holidays, Oct 9 (Thu), Oct 10 (Fri), Oct 11 (Sat, worked).
        Assert.Equal(new DateOnly(2025, 10, 11), Calendar.AddWorkingDays(new DateOnly(2025, 9, 30), 3));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 9, 28))); // Sunday, worked (调休)
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2025, 10, 8)));
    }

    [Fact]
    public void SpringFestival2026_NineDayBreakIsSkipped()
    {
        // Fri 2026-02-13 + 1: Sat 14th is worked.
        Assert.Equal(new DateOnly(2026, 2, 14), Calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 1));

        // Sat 14th (worked) + 1: 15th–23rd off → Tue 24th.
        Assert.Equal(new DateOnly(2026, 2, 24), Calendar.AddWorkingDays(new DateOnly(2026, 2, 14), 1));

        // 3 working days from the worked Saturday: 24, 25, 26 February.
        Assert.Equal(new DateOnly(2026, 2, 26), Calendar.AddWorkingDays(new DateOnly(2026, 2, 14), 3));
    }

    [Fact]
    public void OrdinaryWeek_SkipsTheWeekend()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), Calendar.AddWorkingDays(new DateOnly(2026, 11, 26), 2)); // Thu → Mon
        Assert.Equal(new DateOnly(2026, 11, 26), Calendar.AddWorkingDays(new DateOnly(2026, 11, 26), 0));
    }

    [Fact]
    public void WorkingDaysBetween_CountsTheSameWayAsAddWorkingDays()
    {
        var start = new DateOnly(2025, 9, 25);
        for (var n = 0; n < 40; n++)
        {
            var end = Calendar.AddWorkingDays(start, n);
            Assert.Equal(n, Calendar.WorkingDaysBetween(start, end));
            Assert.Equal(-n, Calendar.WorkingDaysBetween(end, start));
        }
    }

    [Fact]
    public void WithoutExceptions_OnlyWeekendsAreRestDays()
    {
        var plain = new WorkingDayCalendar([]);
        Assert.True(plain.IsWorkingDay(new DateOnly(2025, 10, 1)));
        Assert.False(plain.IsWorkingDay(new DateOnly(2025, 10, 4)));
    }

    [Fact]
    public void AddWorkingDays_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 1, 5), -1));
    }

    internal static IEnumerable<CalendarDay> SeededDays()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Portal.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Repository root not found.");
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "db", "seed", "holidays-cn.json")));
        foreach (var day in doc.RootElement.GetProperty("days").EnumerateArray())
        {
            yield return new CalendarDay(
                DateOnly.Parse(day.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                day.GetProperty("kind").GetString() == "workday" ? CalendarDayKind.Workday : CalendarDayKind.Holiday,
                day.GetProperty("name_zh").GetString()!,
                day.GetProperty("name_en").GetString()!);
        }
    }
}
