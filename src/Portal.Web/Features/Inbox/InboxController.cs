using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Inbox;

public sealed record InboxRow(Guid Id, string Title, string Body, string? Link, DateTime CreatedUtc, bool Read);

public sealed record InboxViewModel(IReadOnlyList<InboxRow> Rows, PagerViewModel Pager);

/// <summary>The portal inbox: every message the registry sent the user.</summary>
[Route("inbox")]
[Authorize]
public class InboxController(PortalDbContext db, TimeProvider clock) : Controller
{
    private const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        page = PagerViewModel.Clamp(page);
        var userId = User.UserId();
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var english = Cultures.IsEnglish;
        var rows = await query.OrderByDescending(n => n.CreatedUtc).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new InboxRow(n.Id, english ? n.TitleEn : n.TitleZh, english ? n.BodyEn : n.BodyZh, n.Link, n.CreatedUtc, n.ReadUtc != null))
            .ToListAsync(ct);
        return View(new InboxViewModel(rows, new PagerViewModel(page, PageSize, await query.CountAsync(ct), "/inbox", new Dictionary<string, string?>())));
    }

    [HttpPost("{id:guid}/read")]
    public async Task<IActionResult> MarkRead(Guid id, CancellationToken ct)
    {
        var userId = User.UserId();
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (notification is null)
        {
            return NotFound();
        }

        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return notification.Link is { } link && Url.IsLocalUrl(link) ? LocalRedirect(link) : Redirect("/inbox");
    }
}
