using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Certificates;

namespace Portal.Web.Features.Account;

/// <summary>
/// Hourly: drops server-side session rows that ended over a day ago or passed the 30-day limit, so the
/// table holds roughly the sessions alive now. Once per period across nodes: the node that runs it keeps
/// the lease until just before the next run is due, so the others, waking at the same time, skip it.
/// </summary>
public sealed partial class SessionPurgeJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<SessionPurgeJob> logger)
    : Portal.Web.Infrastructure.ScheduledJob(clock, configuration, logger)
{
    public override string Name => "session-purge";

    protected override Portal.Web.Infrastructure.JobSchedule DefaultSchedule => Portal.Web.Infrastructure.JobSchedule.Hourly;

    public override async Task RunAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var node = scope.ServiceProvider.GetRequiredService<Portal.Web.Infrastructure.NodeId>().Value;
        var now = Clock.GetUtcNow();
        var hold = Schedule.Next(now, now) - now - TimeSpan.FromMinutes(1);
        if (!await JobLeases.TryTakeAsync(db, Name, node, now.UtcDateTime, hold > TimeSpan.FromMinutes(1) ? hold : TimeSpan.FromMinutes(1), ct))
        {
            return;
        }

        LogPurged(logger, await UserSessions.PurgeAsync(db, now.UtcDateTime, ct));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session purge ran on this node: {Count} ended sessions removed")]
    private static partial void LogPurged(ILogger logger, int count);
}
