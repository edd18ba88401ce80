namespace Portal.Web.Infrastructure;

/// <summary>
/// A background job that runs at start and then hourly (plenty for daily rules, and it catches up soon
/// after a restart). Each run takes a lease in the database, so two nodes never run it at once.
/// `Jobs:RunInBackground=false` leaves runs to the caller (tests call RunOnceAsync).
/// </summary>
public abstract partial class HourlyJob(TimeProvider clock, IConfiguration configuration, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected IConfiguration Configuration { get; } = configuration;

    public abstract Task RunAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Configuration.GetValue("Jobs:RunInBackground", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, GetType().Name, ex);
            }

            try
            {
                await Task.Delay(TimeSpan.FromHours(1), Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background job {Job} failed")]
    private static partial void LogFailed(ILogger logger, string job, Exception ex);
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
