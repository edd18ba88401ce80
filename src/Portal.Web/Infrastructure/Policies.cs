using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Infrastructure;

public static class Policies
{
    /// <summary>Users of an institution (or an applicant whose setup is pending).</summary>
    public const string Institution = nameof(Institution);

    public const string InstitutionManager = nameof(InstitutionManager);

    /// <summary>A user of a registered institution (not an applicant whose setup is pending).</summary>
    public const string InstitutionMember = nameof(InstitutionMember);

    /// <summary>Registrars and supervisors of an office.</summary>
    public const string Registry = nameof(Registry);

    public const string Supervisor = nameof(Supervisor);

    public const string Administrator = nameof(Administrator);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Institution, p => p.RequireRole(Roles.InstitutionUser, Roles.InstitutionManager));
        options.AddPolicy(InstitutionManager, p => p.RequireRole(Roles.InstitutionManager).RequireClaim(PortalClaimTypes.InstitutionId));
        options.AddPolicy(InstitutionMember, p => p.RequireRole(Roles.InstitutionUser, Roles.InstitutionManager).RequireClaim(PortalClaimTypes.InstitutionId));
        options.AddPolicy(Registry, p => p.RequireRole(Roles.Registrar, Roles.RegistrySupervisor).RequireClaim(PortalClaimTypes.OfficeId));
        options.AddPolicy(Supervisor, p => p.RequireRole(Roles.RegistrySupervisor).RequireClaim(PortalClaimTypes.OfficeId));
        options.AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator));
    }
}

/// <summary>Marks back-office controllers: registry staff and administrators must have two-factor enrolled to use them.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class BackOfficeAttribute : Attribute;

/// <summary>
/// Sends staff without two-factor to enrolment before any back-office page. Runs as a filter after the
/// authorization middleware, so anonymous callers still get the login page and outsiders a 403.
/// </summary>
public sealed class StaffTwoFactorFilter(IOptions<PortalOptions> options) : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (!options.Value.RequireStaffTwoFactor
            || context.ActionDescriptor.EndpointMetadata.OfType<BackOfficeAttribute>().FirstOrDefault() is null)
        {
            return;
        }

        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && !user.HasClaim(c => c.Type == PortalClaimTypes.TwoFactorEnrolled))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/two-factor?required=true");
        }
    }
}
