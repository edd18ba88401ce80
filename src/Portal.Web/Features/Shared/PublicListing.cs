using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Features.Shared;

/// <summary>
/// Bounds for lists anyone can page through without signing in: at most <see cref="MaxPages"/> pages,
/// counted no further than that, so no anonymous request sorts, counts or skips its way through a table
/// that grows with the register (issue 12, finding 9). Beyond it, the page asks the person to narrow.
/// </summary>
public static class PublicListing
{
    public const int MaxPages = 50;

    /// <summary>The count (at most one past the cap), whether there are more, and the page clamped to what exists.</summary>
    public static async Task<(int Total, bool MoreThan, int Page)> BoundAsync<T>(IQueryable<T> query, int page, int pageSize, CancellationToken ct)
    {
        var cap = MaxPages * pageSize;
        var counted = await query.Take(cap + 1).CountAsync(ct);
        var total = Math.Min(counted, cap);
        var lastPage = Math.Max(1, (total + pageSize - 1) / pageSize);
        return (total, counted > cap, Math.Clamp(page, 1, lastPage));
    }
}
