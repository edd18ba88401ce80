using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Marks decisive acts (approve, refuse, void a certificate, revoke a registration, rotate a key): staff
/// must have entered a two-factor code within the last 15 minutes, or they are asked for one first.
/// Without arguments every call counts. With a parameter name and values, only calls whose <em>bound,
/// typed</em> argument equals one of the values count (a filing's accept does not need a fresh code).
/// </summary>
/// <remarks>
/// The check reads the argument after model binding, never the raw request: the binder accepts a name
/// in any case, an enum's number, a query-string copy or the first of two repeated fields, and a guard
/// that compared text saw "3" where the action saw Revocation (issue 12, finding 1).
/// </remarks>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepUpAttribute : Attribute
{
    public StepUpAttribute()
    {
    }

    public StepUpAttribute(string parameter, params object[] values)
    {
        Parameter = parameter;
        Values = values;
    }

    /// <summary>The action parameter whose bound value decides; null when every call needs the check.</summary>
    public string? Parameter { get; }

    /// <summary>The typed values of <see cref="Parameter"/> that need the check.</summary>
    public IReadOnlyList<object> Values { get; } = [];

    /// <summary>Whether this call needs a fresh code, judged on the value the action will receive.</summary>
    public bool AppliesTo(ActionExecutingContext context) => Parameter is null || Values.Contains(BoundValue(context, Parameter));

    /// <summary>
    /// What the action receives for a parameter: the bound argument, or, when binding produced none, the
    /// same fallback MVC passes (the declared default, else the type's default).
    /// </summary>
    public static object? BoundValue(ActionExecutingContext context, string parameter)
    {
        if (context.ActionArguments.TryGetValue(parameter, out var value))
        {
            return value;
        }

        var info = context.ActionDescriptor.Parameters.OfType<ControllerParameterDescriptor>().Single(p => p.Name == parameter).ParameterInfo;
        if (info.HasDefaultValue)
        {
            return info.DefaultValue;
        }

        return info.ParameterType.IsValueType && Nullable.GetUnderlyingType(info.ParameterType) is null ? Activator.CreateInstance(info.ParameterType) : null;
    }
}

/// <summary>
/// Runs as an action filter, after model binding, so it sees the arguments the action will get.
/// Ordered first among action filters: nothing else runs before a stale session is sent to step-up.
/// </summary>
public sealed class StepUpFilter(IOptions<PortalOptions> options, TimeProvider clock) : IAsyncActionFilter, IOrderedFilter
{
    public const string VerifiedKey = "portal.mfa";
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(15);

    public int Order => int.MinValue;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (options.Value.RequireStaffTwoFactor
            && context.ActionDescriptor.EndpointMetadata.OfType<StepUpAttribute>().FirstOrDefault() is { } stepUp
            && stepUp.AppliesTo(context))
        {
            var result = await context.HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            if (result.Properties is not { } properties || !IsFresh(properties, clock.GetUtcNow()))
            {
                var back = context.HttpContext.Request.Headers.Referer.ToString() is { Length: > 0 } referer && Uri.TryCreate(referer, UriKind.Absolute, out var uri) ? uri.PathAndQuery : "/registry";
                context.Result = new RedirectResult("/account/step-up?returnUrl=" + Uri.EscapeDataString(back));
                return;
            }
        }

        await next();
    }

    public static bool IsFresh(AuthenticationProperties properties, DateTimeOffset now) =>
        properties.Items.TryGetValue(VerifiedKey, out var at) && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var verified)
        && now - verified <= Freshness;

    /// <summary>Records a two-factor check on the session (at login with a code, and at step-up), keeping its other properties.</summary>
    public static void Stamp(AuthenticationProperties properties, DateTimeOffset now) =>
        properties.Items[VerifiedKey] = now.ToString("O", CultureInfo.InvariantCulture);
}
