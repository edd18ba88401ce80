using Portal.Infrastructure;
using Portal.Web.Features.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.OpenData;

namespace Portal.Web.Features.Register;

/// <summary>
/// Daily: the public register as open data (CSV and JSON), made once per day in China. Takes a lease so
/// two nodes never make it twice; a unique (day, format) row backs that up.
/// </summary>
public sealed class OpenDataExportJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<OpenDataExportJob> logger)
    : Portal.Web.Infrastructure.HourlyJob(clock, configuration, logger)
{
    public const string LeaseName = "open-data-export";

    public override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>The rows written, 0 when today's files exist or another node holds the lease.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        if (!await JobLeases.TryTakeAsync(db, LeaseName, scope.ServiceProvider.GetRequiredService<Portal.Web.Infrastructure.NodeId>().Value, now, TimeSpan.FromMinutes(30), ct))
        {
            return 0;
        }

        return await OpenDataExport.MakeAsync(db, Clock.TodayInChina(), now, ct);
    }
}
