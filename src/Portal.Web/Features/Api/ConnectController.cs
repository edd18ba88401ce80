using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Web.Features.Api;

/// <summary>The token and authorization endpoints; OpenIddict has already validated the protocol (client, secret, PKCE, scopes) when these run.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public class ConnectController(PortalDbContext db, UserManager<PortalUser> users) : Controller
{
    [HttpPost("/connect/token")]
    [Produces("application/json")]
    public async Task<IActionResult> Token(CancellationToken ct)
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == request.ClientId, ct);
        if (client is null || client.Disabled)
        {
            return Refuse(OpenIddictConstants.Errors.InvalidClient, "The client is disabled.");
        }

        if (request.IsClientCredentialsGrantType())
        {
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, client.ClientId).SetClaim(Claims.Name, client.Name).SetClaim(OidcServer.ClientClaim, client.ClientId);
            var requested = request.GetScopes();
            identity.SetScopes(requested.IsDefaultOrEmpty ? client.ScopeList : requested.Intersect(client.ScopeList));
            identity.SetResources(ApiScopes.ApiResource);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType())
        {
            var result = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = result.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return Refuse(OpenIddictConstants.Errors.InvalidGrant, "The account is no longer allowed to sign in.");
            }

            return SignIn(result.Principal!, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(OpenIddictConstants.Errors.UnsupportedGrantType, "Only client_credentials and authorization_code are supported.");
    }

    [HttpGet("/connect/authorize")]
    [HttpPost("/connect/authorize")]
    public async Task<IActionResult> Authorize(CancellationToken ct)
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == request.ClientId, ct);
        if (client is null || client.Disabled)
        {
            return Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The client is disabled.",
            }), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        var signedIn = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded)
        {
            // The person signs in with their portal account first, then comes back here.
            var back = Request.PathBase + Request.Path + QueryString.Create(Request.HasFormContentType ? Request.Form.ToList() : Request.Query.ToList());
            return Challenge(new AuthenticationProperties { RedirectUri = back }, IdentityConstants.ApplicationScheme);
        }

        var user = await users.GetUserAsync(signedIn.Principal!) ?? throw new InvalidOperationException("Signed-in user not found.");
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id).SetClaim(Claims.Name, user.Email).SetClaim(OidcServer.ClientClaim, client.ClientId);
        identity.SetScopes(request.GetScopes().Intersect(client.ScopeList.Append(Scopes.OpenId)));
        identity.SetResources(ApiScopes.ApiResource);
        identity.SetDestinations(c => c.Type == Claims.Name ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken]);
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private ForbidResult Refuse(string error, string description) => Forbid(new AuthenticationProperties(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    }), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
