using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Keeps Identity's security-stamp check (replacing the cookie events must not drop it), and gives an
/// applicant whose setup was just approved a session that carries the new institution at once.
/// </summary>
public static class SessionRevalidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal || principal.Identity?.IsAuthenticated != true)
        {
            return;
        }

        if (principal.IsInRole(Roles.InstitutionUser) && principal.InstitutionId() is null)
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.GetUserAsync(principal);
            if (user?.InstitutionId is not null)
            {
                var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<PortalUser>>();
                context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
                context.ShouldRenew = true;
            }
        }
    }
}
