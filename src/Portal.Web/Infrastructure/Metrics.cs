using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Observability;
using Portal.Web.Features.Filings;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Metrics with OpenTelemetry: ASP.NET Core, HttpClient, the runtime, the database drivers (Npgsql, EF
/// Core) and the portal's own meter (<see cref="PortalMetrics"/>), in Prometheus text format at
/// <c>/metrics</c> — for addresses in <c>Metrics:AllowedNetworks</c> (CIDR, e.g. 10.0.0.0/24 for the
/// monitoring host) and signed-in administrators only; anyone else gets the ordinary 404 page.
/// </summary>
public static class Metrics
{
    public const string Path = "/metrics";

    public static void Add(WebApplicationBuilder builder)
    {
        var networks = (builder.Configuration.GetSection("Metrics:AllowedNetworks").Get<string[]>() ?? [])
            .Select(n => IPNetwork.TryParse(n, out var network)
                ? network
                : throw new StartupConfigurationException($"Metrics:AllowedNetworks holds \"{n}\", which is not a network such as 10.0.0.0/24."))
            .ToList();
        builder.Services.AddSingleton(new MetricsAccess(networks));
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter("Npgsql", "Microsoft.EntityFrameworkCore", PortalMetrics.NameFrom(builder.Configuration))
            .AddPrometheusExporter());
        builder.Services.AddSingleton<OperationsFigures>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationsFigures>());
    }

    /// <summary>After authentication: the scrape path, answered only to the allowed.</summary>
    public static void UseMetrics(this IApplicationBuilder app) =>
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => context.Request.Path == Path,
            path: null,
            configureBranchedPipeline: branch => branch.Use((context, next) =>
            {
                if (!context.RequestServices.GetRequiredService<MetricsAccess>().Allows(context))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                context.Response.Headers.CacheControl = "no-store";
                return next(context);
            }),
            optionsName: null);
}

public sealed class MetricsAccess(IReadOnlyList<IPNetwork> networks)
{
    public bool Allows(HttpContext context) =>
        (context.Connection.RemoteIpAddress is { } address && networks.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)))
        || context.User.IsInRole(Roles.Administrator);
}

/// <summary>
/// The gauges' figures, recounted every minute in the background (a scrape never waits for the database):
/// per office, open filings and those past their time limit (the same clocks as the review queue); and
/// the audit chain's length. <c>Jobs:RunInBackground=false</c> leaves the recount to the caller (tests).
/// </summary>
public sealed partial class OperationsFigures(PortalMetrics metrics, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<OperationsFigures> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async Task RefreshAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var clocks = scope.ServiceProvider.GetRequiredService<FilingClocks>();
        var calendar = await clocks.CalendarAsync(ct);
        var today = clocks.Today;
        var offices = await db.Offices.AsNoTracking().Select(o => new { o.Id, o.RegionCode }).ToListAsync(ct);
        var open = await db.Filings.AsNoTracking().Where(f => FilingWorkflow.OpenStates.Contains(f.State))
            .Select(f => new { f.OfficeId, f.State, f.SubmittedOn, f.AcceptedOn, f.ClockStoppedOn, f.StoppedDays }).ToListAsync(ct);
        var rows = new List<(string, long, long)>();
        foreach (var office in offices)
        {
            var settings = await clocks.SettingsAsync(office.Id, ct);
            var mine = open.Where(f => f.OfficeId == office.Id).ToList();
            var overdue = mine.Count(f => FilingClock.Compute(f.State, f.SubmittedOn, f.AcceptedOn, f.ClockStoppedOn, f.StoppedDays, calendar, settings, today).IsOverdue);
            rows.Add((office.RegionCode, mine.Count, overdue));
        }

        metrics.Snapshot = new OperationsSnapshot(rows, await db.AuditEntries.LongCountAsync(ct));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Jobs:RunInBackground", true))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recounting the operations figures for metrics failed; the last count stays")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
