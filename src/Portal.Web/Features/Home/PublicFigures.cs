using Microsoft.EntityFrameworkCore;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Home;

/// <summary>The register's headline figures as of <paramref name="AsOfUtc"/>.</summary>
public sealed record RegisterFigures(int Registered, int Offices, DateTime AsOfUtc);

/// <summary>
/// Counts the public sees (the home page's totals) are never computed per request: counting a register
/// of a million rows costs tens of milliseconds, on every visit. They are recounted in the background
/// every <see cref="Interval"/> (so at most that stale, and the pages say "as of"); until the first
/// count is in, a page shows none.
/// </summary>
public sealed class PublicFigures
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private volatile RegisterFigures? _current;
    private volatile IReadOnlyList<string> _sponsors = [];

    public RegisterFigures? Current => _current;

    /// <summary>The register's most common sponsors (full names), suggested in the search form's sponsor field.</summary>
    public IReadOnlyList<string> Sponsors => _sponsors;

    /// <summary>Recounted every tenth round (five minutes): the list of sponsors changes slowly and costs more to make.</summary>
    public async Task RefreshSponsorsAsync(PortalDbContext db, CancellationToken ct) =>
        _sponsors = await db.Institutions.AsNoTracking().Where(i => i.Status == InstitutionStatus.Registered)
            .GroupBy(i => i.Current.Sponsor).OrderByDescending(g => g.Count()).Take(100).Select(g => g.Key).ToListAsync(ct);

    public async Task<RegisterFigures> RefreshAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var figures = new RegisterFigures(
            await db.Institutions.CountAsync(i => i.Status == InstitutionStatus.Registered, ct),
            await db.Offices.CountAsync(ct),
            clock.GetUtcNow().UtcDateTime);
        _current = figures;
        return figures;
    }
}

/// <summary>Keeps <see cref="PublicFigures"/> fresh on every node. Not a job: each node keeps its own copy, so no lease.</summary>
public sealed partial class PublicFiguresRefresher(PublicFigures figures, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PublicFiguresRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var round = 0; !stoppingToken.IsCancellationRequested; round++)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                await figures.RefreshAsync(db, clock, stoppingToken);
                if (round % 10 == 0)
                {
                    await figures.RefreshSponsorsAsync(db, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(PublicFigures.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recounting the public figures failed; the last count stays")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
