using System.Security.Cryptography;
using OpenIddict.Abstractions;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Web.Features.ApiClients;

/// <summary>
/// Registers an API client: the register's own record and OpenIddict's application (which keeps only a
/// hash of the secret), in one transaction. The secret is returned once and never stored in clear.
/// Used by the administrators' page and by the <c>api-clients add</c> command.
/// </summary>
public sealed class RegisterApiClient(PortalDbContext db, IOpenIddictApplicationManager applications, TimeProvider clock)
{
    public sealed record Registered(string ClientId, string Secret);

    public async Task<Registered> HandleAsync(string name, ApiClientKind kind, IReadOnlyCollection<string> scopes, IReadOnlyCollection<Guid> institutionIds, Uri? redirect, string createdBy, CancellationToken ct)
    {
        var clientId = "pc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            ConsentType = ConsentTypes.Implicit, // registered by the office itself: no third-party consent screen
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        if (kind == ApiClientKind.Service)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }
        else
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
            descriptor.Permissions.Add(Permissions.GrantTypes.AuthorizationCode);
            descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.Add(redirect ?? throw new ArgumentNullException(nameof(redirect), "An interactive client needs a redirect URI."));
        }

        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiClients.Add(new ApiClient
        {
            ClientId = clientId, Name = name, Kind = kind, Scopes = string.Join(' ', scopes),
            CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = createdBy,
            Institutions = institutionIds.Distinct().Select(id => new ApiClientInstitution { ClientId = clientId, InstitutionId = id }).ToList(),
        });
        await db.SaveChangesAsync(ct);
        await applications.CreateAsync(descriptor, ct);
        await tx.CommitAsync(ct);
        return new Registered(clientId, secret);
    }
}
