using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Review;

/// <summary>A member of the office's staff, as the assignment list offers them.</summary>
public sealed record StaffMember(string Id, string Name);

/// <summary>The office's staff: registrars and supervisors whose account belongs to the office.</summary>
public static class OfficeStaff
{
    public static Task<List<StaffMember>> ListAsync(PortalDbContext db, Guid officeId, CancellationToken ct) =>
        InRolesAsync(db, officeId, [Roles.Registrar, Roles.RegistrySupervisor], ct);

    /// <summary>The office's accounts holding any of <paramref name="roles"/>.</summary>
    public static async Task<List<StaffMember>> InRolesAsync(PortalDbContext db, Guid officeId, string[] roles, CancellationToken ct)
    {
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.OfficeId == officeId && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new StaffMember(u.Id, u.DisplayName))
            .ToListAsync(ct);
    }
}

/// <summary>
/// 承办: a registrar takes an unassigned filing ("我来办"); a supervisor assigns or reassigns it to
/// anyone on the office's staff. The filing and the assignee are both looked up within the caller's
/// office, so neither another office's filing nor another office's registrar can be named.
/// </summary>
public sealed class AssignFiling(PortalDbContext db, FilingAccess access, FilingClocks clocks)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, Guid id, string? assigneeId, Guid token, CancellationToken ct)
    {
        var filing = await access.ForStaff(user).SingleOrDefaultAsync(f => f.Id == id, ct);
        if (filing is null)
        {
            return UseCaseResult.NotFound();
        }

        if (filing.ConcurrencyToken != token)
        {
            return UseCaseResult.Refused("ChangedMeanwhile");
        }

        var actor = FilingAccess.Actor(user, asStaff: true);
        try
        {
            if (assigneeId is null)
            {
                filing.Take(actor, clocks.NowUtc);
            }
            else
            {
                var staff = await OfficeStaff.ListAsync(db, filing.OfficeId, ct);
                if (staff.SingleOrDefault(s => s.Id == assigneeId) is not { } member)
                {
                    return UseCaseResult.Refused(FilingErrors.AssigneeMissing);
                }

                filing.AssignTo(member.Id, member.Name, actor, clocks.NowUtc);
            }

            await db.SaveChangesAsync(ct);
            return UseCaseResult.Done(filing.Id);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return UseCaseResult.Refused("ChangedMeanwhile");
        }
    }
}

/// <summary>Writes an internal note (内部备注) on one of the office's filings.</summary>
public sealed class WriteFilingNote(PortalDbContext db, FilingAccess access, FilingClocks clocks)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, Guid id, string? text, CancellationToken ct)
    {
        var filing = await access.ForStaff(user).AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (filing is null)
        {
            return UseCaseResult.NotFound();
        }

        try
        {
            db.FilingNotes.Add(FilingNote.Write(filing, FilingAccess.Actor(user, asStaff: true), text, clocks.NowUtc));
            await db.SaveChangesAsync(ct);
            return UseCaseResult.Done(filing.Id);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }
    }
}
