using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Api;

/// <summary>One policy per scope: a bearer token from this server, carrying the scope, of a client that is not disabled.</summary>
public static class ApiPolicies
{
    public static string For(string scope) => "api:" + scope;

    public static void Add(AuthorizationOptions options)
    {
        foreach (var scope in ApiScopes.All)
        {
            options.AddPolicy(For(scope), p => p
                .AddAuthenticationSchemes(OidcServer.ApiScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new EnabledClientRequirement(scope)));
        }
    }

    public static string? ClientId(this ClaimsPrincipal user) => user.FindFirst(OidcServer.ClientClaim)?.Value;
}

public sealed record EnabledClientRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>
/// Checked on every request, against the database: disabling a client takes effect on its next request,
/// although its access tokens are self-contained and would otherwise stay valid until they expire.
/// </summary>
public sealed class EnabledClientHandler(PortalDbContext db) : AuthorizationHandler<EnabledClientRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EnabledClientRequirement requirement)
    {
        var clientId = context.User.ClientId();
        if (clientId is null || !context.User.HasScope(requirement.Scope))
        {
            return;
        }

        var client = await db.ApiClients.AsNoTracking().Where(c => c.ClientId == clientId).Select(c => new { c.Disabled, c.Scopes }).SingleOrDefaultAsync();
        if (client is { Disabled: false } && client.Scopes.Split(' ').Contains(requirement.Scope))
        {
            context.Succeed(requirement);
        }
    }
}
