namespace Portal.Infrastructure;

/// <summary>Legal days are days in China (UTC+8), whatever the server's time zone.</summary>
public static class LocalDay
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly TodayInChina(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
