using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Audit;

public sealed record AuditViewModel(long Checked, long? FirstBroken, string? Reason, IReadOnlyList<AuditEntry> Recent);

/// <summary>Supervisors verify the whole audit chain and read their office's recent entries.</summary>
[Route("registry/audit")]
[Authorize(Policy = Policies.Supervisor)]
[BackOffice]
public class AuditController(PortalDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var office = User.OfficeId();
        var (count, broken, reason) = await AuditChain.VerifyAsync(db, ct);
        var recent = await db.AuditEntries.AsNoTracking().Where(e => e.OfficeId == office).OrderByDescending(e => e.Sequence).Take(100).ToListAsync(ct);
        return View(new AuditViewModel(count, broken, reason, recent));
    }
}

/// <summary>The person behind a request, for the audit log: their id and name, and the client address.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string? UserId => accessor.HttpContext?.User.Identity?.IsAuthenticated == true ? accessor.HttpContext.User.UserId() : null;

    public string Name => accessor.HttpContext is not { } http ? "system" : http.User.Identity?.IsAuthenticated == true ? http.User.DisplayName() : "anonymous";

    public string? Address => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
