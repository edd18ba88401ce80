using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Ratings;

/// <summary>One office's published 好差评 figure: the satisfaction rate over the last twelve months.</summary>
public sealed record OfficeSatisfaction(Guid OfficeId, string NameZh, string NameEn, SatisfactionFigures Figures);

/// <summary>
/// The figures /services publishes, computed at most every five minutes per node (the page is public and busy;
/// the ratings of twelve months are grouped once, not per visit). A rating saved on this node refreshes them at once.
/// </summary>
public sealed class PublicSatisfaction(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private volatile Snapshot? _snapshot;

    public void Invalidate() => _snapshot = null;

    public async Task<IReadOnlyList<OfficeSatisfaction>> LastTwelveMonthsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_snapshot is { } s && now - s.TakenUtc < Lifetime)
        {
            return s.Offices;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var today = clock.TodayInChina();
        var from = today.AddMonths(-12).AddDays(1);

        // The same rule as SatisfactionFigures.Compute: ratings whose appeal was upheld do not count; 基本满意 and better are satisfied.
        var satisfied = ServiceRating.SatisfiedLevels.ToList(); // levels are stored as text: compare by membership, never by order
        var counts = await db.ServiceRatings.AsNoTracking()
            .Where(r => r.RatedOn >= from && r.RatedOn <= today && r.Appeal != AppealState.Upheld)
            .GroupBy(r => r.OfficeId)
            .Select(g => new { OfficeId = g.Key, Ratings = g.Count(), Satisfied = g.Count(r => satisfied.Contains(r.Level)) })
            .ToListAsync(ct);
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.RegionCode).Select(o => new { o.Id, o.NameZh, o.NameEn }).ToListAsync(ct);
        var list = offices.Select(o =>
        {
            var c = counts.FirstOrDefault(x => x.OfficeId == o.Id);
            return new OfficeSatisfaction(o.Id, o.NameZh, o.NameEn, new SatisfactionFigures(c?.Ratings ?? 0, c?.Satisfied ?? 0, 0, 0, 0));
        }).ToList();
        _snapshot = new Snapshot(now, list);
        return list;
    }

    private sealed record Snapshot(DateTime TakenUtc, IReadOnlyList<OfficeSatisfaction> Offices);
}
