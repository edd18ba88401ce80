using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Announcements;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Announcements;

public sealed record AnnouncementRow(Guid Id, AnnouncementKind Kind, string Title, string Body, DateOnly PublishedOn, string Office);

public sealed record AnnouncementsViewModel(AnnouncementKind? Kind, DateOnly? From, DateOnly? To, IReadOnlyList<AnnouncementRow> Rows, PagerViewModel Pager, bool MoreThan = false);

/// <summary>公告: public notices of registrations, changes, deregistrations and void certificates. No login.</summary>
[Route("announcements")]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Portal.Web.Infrastructure.RateLimits.Public)]
[AllowAnonymous]
public class AnnouncementsController(PortalDbContext db) : Controller
{
    private const int PageSize = 20;

    [HttpGet("")]
    [Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicOutputCache.Policy)]
    public async Task<IActionResult> Index(AnnouncementKind? kind, DateOnly? from, DateOnly? to, int page = 1, CancellationToken ct = default)
    {
        page = PagerViewModel.Clamp(page);
        var query = db.Announcements.AsNoTracking();
        if (kind is { } k && Enum.IsDefined(k))
        {
            query = query.Where(a => a.Kind == k);
        }

        if (from is { } f)
        {
            query = query.Where(a => a.PublishedOn >= f);
        }

        if (to is { } t)
        {
            query = query.Where(a => a.PublishedOn <= t);
        }

        var (total, moreThan, bounded) = await PublicListing.BoundAsync(query, page, PageSize, ct);
        page = bounded;
        var english = Cultures.IsEnglish;
        var rows = await query
            .OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.PublishedUtc)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Join(db.Offices, a => a.OfficeId, o => o.Id, (a, o) => new AnnouncementRow(
                a.Id, a.Kind, english ? a.TitleEn : a.TitleZh, english ? a.BodyEn : a.BodyZh, a.PublishedOn, english ? o.NameEn : o.NameZh))
            .ToListAsync(ct);
        var pager = new PagerViewModel(page, PageSize, total, "/announcements", new Dictionary<string, string?>
        {
            ["kind"] = kind?.ToString(),
            ["from"] = from?.ToString("yyyy-MM-dd"),
            ["to"] = to?.ToString("yyyy-MM-dd"),
        });
        return View(new AnnouncementsViewModel(kind, from, to, rows, pager, moreThan));
    }
}
