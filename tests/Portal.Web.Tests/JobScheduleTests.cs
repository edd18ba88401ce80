using Portal.Web.Infrastructure;

namespace Portal.Web.Tests;

/// <summary>Issue 13: daily jobs run at their time, catch up only shortly after it, never at every start.</summary>
public class JobScheduleTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly JobSchedule TwoAm = JobSchedule.Daily(new TimeOnly(2, 0));

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, China);

    [Fact]
    public void ADailyJob_WaitsForItsTime_WhenStartedBeforeIt() =>
        Assert.Equal(At(30, 2), TwoAm.Next(null, At(30, 1, 10)));

    [Fact]
    public void ADailyJob_CatchesUp_WhenStartedShortlyAfterItsTime() =>
        Assert.Equal(At(30, 5), TwoAm.Next(null, At(30, 5)));

    [Fact]
    public void ADailyJob_StartedLongAfterItsTime_WaitsForTomorrow_InsteadOfRunningAtStart() =>
        Assert.Equal(At(30, 2).AddDays(1), TwoAm.Next(null, At(30, 14)));

    [Fact]
    public void ADailyJob_ThatRanToday_RunsAgainTomorrow() =>
        Assert.Equal(At(30, 2).AddDays(1), TwoAm.Next(At(30, 2, 3), At(30, 3)));

    [Fact]
    public void AnHourlyJob_RunsFiveMinutesAfterStart_ThenHourly()
    {
        Assert.Equal(At(30, 10, 5), JobSchedule.Hourly.Next(null, At(30, 10)));
        Assert.Equal(At(30, 11, 7), JobSchedule.Hourly.Next(At(30, 10, 7), At(30, 10, 8)));
    }
}
