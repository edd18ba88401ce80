using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Features.Account;

/// <summary>
/// Hourly: drops server-side session rows that ended over a day ago or passed the 30-day limit, so the
/// table holds roughly the sessions alive now. Idempotent (a plain delete), so two nodes may both run it.
/// </summary>
public sealed class SessionPurgeJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<SessionPurgeJob> logger)
    : Portal.Web.Infrastructure.ScheduledJob(clock, configuration, logger)
{
    public override string Name => "session-purge";

    protected override Portal.Web.Infrastructure.JobSchedule DefaultSchedule => Portal.Web.Infrastructure.JobSchedule.Hourly;

    public override async Task RunAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        await UserSessions.PurgeAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), Clock.GetUtcNow().UtcDateTime, ct);
    }
}
