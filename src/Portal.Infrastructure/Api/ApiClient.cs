namespace Portal.Infrastructure.Api;

public enum ApiClientKind
{
    /// <summary>Another system: client credentials.</summary>
    Service,

    /// <summary>An application a person signs in to: authorization code with PKCE.</summary>
    Interactive,
}

/// <summary>
/// The register's own record of an API client, beside OpenIddict's application (which holds the hashed
/// secret, redirect URIs and permissions). Disabling is checked on every API request and token request.
/// </summary>
public class ApiClient
{
    public required string ClientId { get; set; }

    public required string Name { get; set; }

    public ApiClientKind Kind { get; set; }

    /// <summary>Allowed scopes, space-separated.</summary>
    public required string Scopes { get; set; }

    public bool Disabled { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }

    public List<ApiClientInstitution> Institutions { get; set; } = [];

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>An institution a sponsor's client may act for (annual reports).</summary>
public class ApiClientInstitution
{
    public required string ClientId { get; set; }

    public Guid InstitutionId { get; set; }
}

public static class ApiScopes
{
    /// <summary>
    /// The audience (aud) of every access token the portal issues for its API, and the only one the API
    /// accepts: a token minted for some other resource is refused even when it is signed by this server.
    /// </summary>
    public const string ApiResource = "portal-register-api";

    public const string RegisterRead = "register.read";
    public const string CertificatesVerify = "certificates.verify";
    public const string FeedRead = "feed.read";
    public const string ReportsSubmit = "reports.submit";

    public static readonly string[] All = [RegisterRead, CertificatesVerify, FeedRead, ReportsSubmit];
}
