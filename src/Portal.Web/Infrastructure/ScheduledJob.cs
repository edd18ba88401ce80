using System.Diagnostics;
using System.Globalization;

namespace Portal.Web.Infrastructure;

/// <summary>
/// When a background job runs: daily at a time of day (China time), or every hour. A daily job that was
/// down at its time catches up only within <see cref="CatchUpWindow"/> of it, so a restart at noon does
/// not start last night's export in the middle of the working day (issue 13: the export of a million
/// rows once ran at every start and starved the first minutes of requests).
/// </summary>
public sealed record JobSchedule(TimeOnly? DailyAt)
{
    public static readonly TimeSpan CatchUpWindow = TimeSpan.FromHours(6);

    public static JobSchedule Hourly { get; } = new((TimeOnly?)null);

    public static JobSchedule Daily(TimeOnly at) => new(at);

    /// <summary>The next moment to run, given the last run (null: never in this process) and now, both UTC.</summary>
    public DateTimeOffset Next(DateTimeOffset? lastRun, DateTimeOffset now)
    {
        if (DailyAt is not { } at)
        {
            return lastRun is { } last ? last + TimeSpan.FromHours(1) : now + TimeSpan.FromMinutes(5);
        }

        var china = now.ToOffset(Portal.Infrastructure.LocalDay.ChinaOffset);
        var today = new DateTimeOffset(china.Date + at.ToTimeSpan(), Portal.Infrastructure.LocalDay.ChinaOffset);
        var ranToday = lastRun is { } l && l >= today;
        if (!ranToday && now >= today && now - today < CatchUpWindow)
        {
            return now;
        }

        return now < today && !ranToday ? today : today.AddDays(1);
    }
}

/// <summary>
/// A background job on a <see cref="JobSchedule"/>. Each run takes a lease in the database (in the job
/// itself), so two nodes never run it at once. <c>Jobs:RunInBackground=false</c> leaves runs to the caller
/// (tests call the jobs directly); <c>Jobs:{Name}:At=HH:mm</c> moves a daily job's time.
/// </summary>
public abstract partial class ScheduledJob(TimeProvider clock, IConfiguration configuration, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected IConfiguration Configuration { get; } = configuration;

    /// <summary>The job's name: its lease and its configuration key.</summary>
    public abstract string Name { get; }

    protected abstract JobSchedule DefaultSchedule { get; }

    public JobSchedule Schedule =>
        Configuration[$"Jobs:{Name}:At"] is { Length: > 0 } at && TimeOnly.TryParseExact(at, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? JobSchedule.Daily(time)
            : DefaultSchedule;

    public abstract Task RunAsync(CancellationToken ct);

    /// <summary>Whether to run a minute after start whatever the schedule (e.g. the first open-data file ever).</summary>
    protected virtual Task<bool> RunSoonAfterStartAsync(CancellationToken ct) => Task.FromResult(false);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Configuration.GetValue("Jobs:RunInBackground", true))
        {
            return;
        }

        DateTimeOffset? last = null;
        try
        {
            if (await RunSoonAfterStartAsync(stoppingToken))
            {
                await Task.Delay(TimeSpan.FromMinutes(1), Clock, stoppingToken);
                await RunLoggedAsync(stoppingToken);
                last = Clock.GetUtcNow();
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Schedule.Next(last, Clock.GetUtcNow()) - Clock.GetUtcNow();
            try
            {
                // Wake at least every ten minutes: a clock change or a new configured time is seen soon.
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(10) : wait, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (Schedule.Next(last, Clock.GetUtcNow()) > Clock.GetUtcNow())
            {
                continue;
            }

            await RunLoggedAsync(stoppingToken);
            last = Clock.GetUtcNow();
        }
    }

    private async Task RunLoggedAsync(CancellationToken stoppingToken)
    {
        try
        {
            LogStarted(logger, Name);
            var watch = Stopwatch.StartNew();
            await RunAsync(stoppingToken);
            LogFinished(logger, Name, watch.Elapsed.TotalSeconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, Name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Background job {Job} started")]
    private static partial void LogStarted(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "Background job {Job} finished in {Seconds:0.0} s")]
    private static partial void LogFinished(ILogger logger, string job, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Background job {Job} failed")]
    private static partial void LogFailed(ILogger logger, string job, Exception ex);
}

/// <summary>
/// Keeps bulk work to a share of one core, in short slices: the work calls <see cref="TickAsync"/> often,
/// and once a slice (5 ms) is used up it pauses for slice × (1 − duty) / duty. At the default 10 % a
/// job that needs 10 s of CPU takes 100 s, and no request waits behind it for more than a slice (issue 13:
/// no request slowed more than 2× while a job runs — long bursts showed in every request's tail; at 25 %
/// two jobs together still took a third of the throughput of the cheapest pages).
/// </summary>
public sealed class DutyCycle(double duty = 0.10)
{
    public static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(5);

    private readonly Stopwatch _work = Stopwatch.StartNew();

    /// <summary>Call between small units of work: pauses only when this slice is used up.</summary>
    public ValueTask TickAsync(CancellationToken ct) => _work.Elapsed < Slice ? ValueTask.CompletedTask : new ValueTask(PauseAsync(ct));

    /// <summary>Pauses for the share of the time worked since the last pause.</summary>
    public async Task PauseAsync(CancellationToken ct)
    {
        var worked = _work.Elapsed;
        await Task.Delay(worked * ((1 - duty) / duty), ct);
        _work.Restart();
    }
}

/// <summary>
/// This app instance, as the holder of job leases: machine, process and a random part, so two instances
/// in one process (tests) or two containers with the same host name are still told apart.
/// </summary>
public sealed record NodeId(string Value)
{
    public static NodeId New()
    {
        var value = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return new NodeId(value.Length > 100 ? value[^100..] : value);
    }
}
