using Microsoft.AspNetCore.Authentication;
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
    public const string StartedKey = "portal.started";
    public const string SeenKey = "portal.seen";
    public const string SessionKey = "portal.sid";

    /// <summary>
    /// Opens the server-side session (<see cref="UserSession"/>) on a new sign-in; a re-issued cookie of the
    /// same session (step-up, refresh) keeps its id. Stamps when the session began: back-office sessions
    /// end 12 hours later whatever happens.
    /// </summary>
    public static async Task SigningInAsync(CookieSigningInContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!context.Properties.Items.ContainsKey(SessionKey) && context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } userId)
        {
            // Its own scope: the request's context may hold unrelated tracked changes that are not ours to save.
            using var scope = context.HttpContext.RequestServices.CreateScope();
            var id = await UserSessions.StartAsync(scope.ServiceProvider.GetRequiredService<Portal.Infrastructure.Data.PortalDbContext>(), userId, now.UtcDateTime);
            context.Properties.Items[SessionKey] = id.ToString("N");
        }
        if (!context.Properties.Items.ContainsKey(StartedKey))
        {
            context.Properties.Items[StartedKey] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Properties.Items[SeenKey] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        if (context.Principal?.HasClaim("amr", "mfa") == true && !context.Properties.Items.ContainsKey(StepUpFilter.VerifiedKey))
        {
            StepUpFilter.Stamp(context.Properties, now); // signed in with a two-factor code just now
        }
    }

    /// <summary>The server-side session id this cookie carries, if any.</summary>
    public static Guid? SessionId(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(SessionKey, out var value) == true && Guid.TryParse(value, out var id) ? id : null;

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal || principal.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        // The session must still be open on the server: a cookie kept after logout (or from before
        // sessions were held server-side) gets the login page.
        var userId = principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (SessionId(context.Properties) is not { } sessionId || userId is null
            || !await UserSessions.IsOpenAsync(services.GetRequiredService<Portal.Infrastructure.Data.PortalDbContext>(), sessionId, userId, now.UtcDateTime))
        {
            await EndAsync(context);
            return;
        }
        if (principal.IsInRole(Roles.Registrar) || principal.IsInRole(Roles.RegistrySupervisor) || principal.IsInRole(Roles.Administrator))
        {
            // Back office: 30 minutes idle, 12 hours absolute (ASVS V7.3), measured on the server's clock.
            var started = Read(context.Properties.Items, StartedKey);
            var seen = Read(context.Properties.Items, SeenKey);
            if (started is null || seen is null || now - seen > TimeSpan.FromMinutes(options.StaffIdleMinutes) || now - started > TimeSpan.FromHours(options.StaffAbsoluteHours))
            {
                await EndAsync(context);
                return;
            }

            context.Properties.Items[SeenKey] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            context.ShouldRenew = true;
        }

        // A disabled (locked) account's sessions end at once, not when the cookie expires.
        var userManager = services.GetRequiredService<UserManager<PortalUser>>();
        if (await userManager.GetUserAsync(principal) is { } account && await userManager.IsLockedOutAsync(account))
        {
            await EndAsync(context);
            return;
        }

        if (principal.IsInRole(Roles.InstitutionUser) && principal.InstitutionId() is null && principal.AgencyId() is null)
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.GetUserAsync(principal);
            if (user?.InstitutionId is not null || user?.AgencyId is not null)
            {
                var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<PortalUser>>();
                context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
                context.ShouldRenew = true;
            }
        }
    }

    private static DateTimeOffset? Read(IDictionary<string, string?> items, string key) =>
        items.TryGetValue(key, out var value) && DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at) ? at : null;

    /// <summary>Ends the caller's server-side session (logout), then the cookie.</summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        var current = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (SessionId(current.Properties) is { } id)
        {
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await UserSessions.EndAsync(http.RequestServices.GetRequiredService<Portal.Infrastructure.Data.PortalDbContext>(), id, "logout", now);
        }

        await http.RequestServices.GetRequiredService<SignInManager<PortalUser>>().SignOutAsync();
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
