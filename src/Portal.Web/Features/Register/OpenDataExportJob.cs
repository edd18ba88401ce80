using Portal.Infrastructure;
using Portal.Web.Features.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.OpenData;

namespace Portal.Web.Features.Register;

/// <summary>
/// Daily (02:00, China time): the public register as open data (CSV and JSON). Takes a lease so two nodes
/// never make it twice; a unique (day, format) row backs that up. It walks the register in batches at a
/// quarter of one core (<see cref="Portal.Web.Infrastructure.DutyCycle"/>), so requests keep the machine.
/// </summary>
public sealed class OpenDataExportJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<OpenDataExportJob> logger)
    : Portal.Web.Infrastructure.ScheduledJob(clock, configuration, logger)
{
    public const string LeaseName = "open-data-export";

    public override string Name => LeaseName;

    protected override Portal.Web.Infrastructure.JobSchedule DefaultSchedule => Portal.Web.Infrastructure.JobSchedule.Daily(new TimeOnly(2, 0));

    public override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>A register that has never had an open-data file gets its first a minute after start.</summary>
    protected override async Task<bool> RunSoonAfterStartAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        return !await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>().OpenDataFiles, f => f.Complete, ct);
    }

    /// <summary>The rows written, 0 when today's files exist or another node holds the lease.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var node = scope.ServiceProvider.GetRequiredService<Portal.Web.Infrastructure.NodeId>().Value;
        if (!await JobLeases.TryTakeAsync(db, LeaseName, node, Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(30), ct))
        {
            return 0;
        }

        var options = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<PortalDbContext>>();
        var duty = new Portal.Web.Infrastructure.DutyCycle();
        var leaseRenewed = Clock.GetUtcNow();
        var rows = await OpenDataExport.MakeAsync(() => new PortalDbContext(options), Clock.TodayInChina(), Clock.GetUtcNow().UtcDateTime, async token =>
        {
            await duty.TickAsync(token);
            if (Clock.GetUtcNow() - leaseRenewed > TimeSpan.FromMinutes(1))
            {
                leaseRenewed = Clock.GetUtcNow();
                await JobLeases.TryTakeAsync(db, LeaseName, node, leaseRenewed.UtcDateTime, TimeSpan.FromMinutes(30), token); // still ours: extend it
            }
        }, ct);
        await JobLeases.ReleaseAsync(db, LeaseName, ct);
        return rows;
    }
}
