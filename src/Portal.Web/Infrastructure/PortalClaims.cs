using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Infrastructure;

public static class PortalClaimTypes
{
    public const string InstitutionId = "portal:institution";
    public const string OfficeId = "portal:office";
    public const string AgencyId = "portal:agency";
    public const string DisplayName = "portal:name";
    public const string TwoFactorEnrolled = "portal:2fa";
}

/// <summary>Puts the caller's institution, office and two-factor enrolment into the cookie, so scoping needs no extra query.</summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<PortalRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, PortalRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaimTypes.DisplayName, user.DisplayName));
        if (user.InstitutionId is { } institution)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.InstitutionId, institution.ToString()));
        }

        if (user.AgencyId is { } agency)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.AgencyId, agency.ToString()));
        }

        if (user.OfficeId is { } office)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.OfficeId, office.ToString()));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.TwoFactorEnrolled, "true"));
        }

        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static Guid? InstitutionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PortalClaimTypes.InstitutionId), out var id) ? id : null;

    /// <summary>The organ or people's organisation (机关、群团) an applicant account belongs to, if any.</summary>
    public static Guid? AgencyId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PortalClaimTypes.AgencyId), out var id) ? id : null;

    public static Guid? OfficeId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PortalClaimTypes.OfficeId), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaimTypes.DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(Roles.Registrar) || user.IsInRole(Roles.RegistrySupervisor);

    /// <summary>The page a user lands on after signing in.</summary>
    public static string HomePath(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) ? "/admin"
        : user.IsStaff() ? "/registry"
        : user.AgencyId() is not null ? "/filings"
        : user.IsInRole(Roles.InstitutionUser) || user.IsInRole(Roles.InstitutionManager) ? "/institution"
        : "/";
}
