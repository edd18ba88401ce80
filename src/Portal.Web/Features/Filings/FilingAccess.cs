using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Filings;

/// <summary>
/// The only ways to reach filings: an applicant sees their institution's or agency's filings (or, before setup
/// or first-application approval, the ones they started); staff see their office's submitted filings, never drafts.
/// Anything else is "not found".
/// </summary>
public sealed class FilingAccess(PortalDbContext db)
{
    public IQueryable<Filing> ForApplicant(ClaimsPrincipal user)
    {
        var userId = user.UserId();
        var institutionId = user.InstitutionId();
        var agencyId = user.AgencyId();
        return db.Filings.Where(f => (institutionId != null && f.InstitutionId == institutionId)
            || (agencyId != null && f.AgencyId == agencyId)
            || (f.InstitutionId == null && (f.AgencyId == null || f.Kind == FilingKind.AgencyFirstApplication) && f.ApplicantUserId == userId));
    }

    public IQueryable<Filing> ForStaff(ClaimsPrincipal user)
    {
        var officeId = user.OfficeId() ?? Guid.Empty;
        return db.Filings.Where(f => f.OfficeId == officeId && f.State != FilingState.Draft);
    }

    public static FilingActor Actor(ClaimsPrincipal user, bool asStaff) => new(
        user.UserId(),
        user.DisplayName(),
        !asStaff ? FilingRole.Applicant : user.IsInRole(Roles.RegistrySupervisor) ? FilingRole.Supervisor : FilingRole.Registrar);

    /// <summary>Loads a filing with its events and attachments for a change, tracked.</summary>
    public static Task<Filing?> LoadAsync(IQueryable<Filing> scope, Guid id, CancellationToken ct) =>
        scope.Include(f => f.Events).Include(f => f.Attachments).SingleOrDefaultAsync(f => f.Id == id, ct);
}

/// <summary>Section "Registry": the legal time limits, configurable because practice varies.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>Acceptance within this many working days of submission (local practice: 3).</summary>
    public int AcceptanceWorkingDays { get; set; } = 3;

    /// <summary>Decision within this many days of acceptance (regulation art. 8: 30).</summary>
    public int DecisionDays { get; set; } = 30;

    /// <summary>Publish the abnormal list (异常名录) of institutions that missed the annual report (local practice).</summary>
    public bool PublishAbnormalList { get; set; }
}
