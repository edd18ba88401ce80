using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Infrastructure.Data;

namespace Portal.Web.Infrastructure;

public sealed class DatabaseReadyCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Database unreachable");
}
