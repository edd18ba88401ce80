namespace Portal.Infrastructure.Data;

/// <summary>
/// The system clock to the microsecond. PostgreSQL keeps times to the microsecond (SQLite and SQL Server
/// keep .NET's 100 ns ticks), so a time taken from this clock is stored and read back unchanged on every
/// engine — which the audit chain's hashes, concurrency checks and "changed at" comparisons rely on.
/// </summary>
public sealed class MicrosecondClock : TimeProvider
{
    public static readonly MicrosecondClock Instance = new();

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public override long GetTimestamp() => System.GetTimestamp();

    public override long TimestampFrequency => System.TimestampFrequency;
}
