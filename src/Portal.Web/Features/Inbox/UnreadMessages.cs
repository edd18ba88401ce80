using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Inbox;

/// <summary>
/// The signed-in user's unread count for the navigation. One indexed count of the user's own unread
/// messages (Notifications(UserId, ReadUtc)), at most once per request.
/// </summary>
public sealed class UnreadMessages(PortalDbContext db)
{
    private int? _count;

    public async Task<int> CountAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (_count is { } known)
        {
            return known;
        }

        var userId = user.UserId();
        _count = string.IsNullOrEmpty(userId) ? 0 : await db.Notifications.AsNoTracking().CountAsync(n => n.UserId == userId && n.ReadUtc == null, ct);
        return _count.Value;
    }
}
