using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Marks decisive acts (approve, refuse, void a certificate, revoke a registration): registry staff must
/// have entered a two-factor code within the last 15 minutes, or they are asked for one first. Only
/// these verbs of <see cref="Verbs"/> count when the action takes a verb (a filing's accept does not).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepUpAttribute(params string[] verbs) : Attribute
{
    public IReadOnlyList<string> Verbs { get; } = verbs;
}

public sealed class StepUpFilter(IOptions<PortalOptions> options, TimeProvider clock) : IAsyncAuthorizationFilter
{
    public const string VerifiedKey = "portal.mfa";
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(15);

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (!options.Value.RequireStaffTwoFactor || context.ActionDescriptor.EndpointMetadata.OfType<StepUpAttribute>().FirstOrDefault() is not { } stepUp)
        {
            return;
        }

        var route = context.RouteData.Values;
        if (stepUp.Verbs.Count > 0 && !stepUp.Verbs.Contains(route["verb"]?.ToString() ?? context.HttpContext.Request.Form["kind"].ToString(), StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        var result = await context.HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (result.Properties is not { } properties || !IsFresh(properties, clock.GetUtcNow()))
        {
            var back = context.HttpContext.Request.Headers.Referer.ToString() is { Length: > 0 } referer && Uri.TryCreate(referer, UriKind.Absolute, out var uri) ? uri.PathAndQuery : "/registry";
            context.Result = new RedirectResult("/account/step-up?returnUrl=" + Uri.EscapeDataString(back));
        }
    }

    public static bool IsFresh(AuthenticationProperties properties, DateTimeOffset now) =>
        properties.Items.TryGetValue(VerifiedKey, out var at) && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var verified)
        && now - verified <= Freshness;

    /// <summary>Records a two-factor check on the session (at login with a code, and at step-up), keeping its other properties.</summary>
    public static void Stamp(AuthenticationProperties properties, DateTimeOffset now) =>
        properties.Items[VerifiedKey] = now.ToString("O", CultureInfo.InvariantCulture);
}
