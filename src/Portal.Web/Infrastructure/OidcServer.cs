using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Validation.AspNetCore;
using Portal.Infrastructure;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;

namespace Portal.Web.Infrastructure;

/// <summary>Section "Oidc": keys of the OpenID Connect server. Without them a development key pair is generated once into the key directory (git-ignored).</summary>
public sealed class OidcOptions
{
    public const string Section = "Oidc";

    /// <summary>RSA private key (PEM) that signs access and identity tokens. Production: from configuration or a secret store.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>RSA private key (PEM) that encrypts authorization codes and other server-only tokens.</summary>
    public string? EncryptionKeyPem { get; set; }

    /// <summary>Lifetime of access tokens.</summary>
    public int AccessTokenMinutes { get; set; } = 60;
}

/// <summary>
/// The portal's OpenID Connect / OAuth 2 server (OpenIddict 7): client credentials for other systems,
/// authorization code with PKCE for applications people sign in to; no implicit or password grant.
/// Access tokens are signed JWTs (not encrypted) so API clients and gateways can read their expiry and
/// scopes; they are validated here against the same server.
/// </summary>
public static class OidcServer
{
    public const string ClientClaim = "portal_client";
    public const string ApiScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public static void Add(IServiceCollection services, IConfiguration configuration, RepositoryPaths paths, string publicBaseUrl)
    {
        var options = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        var keyDirectory = paths.Resolve(configuration["CertificateSigning:KeyDirectory"] ?? "db/keys");
        var signing = LoadOrCreate(options.SigningKeyPem, Path.Combine(keyDirectory, "oidc-signing.pem"), "oidc-sig");
        var encryption = LoadOrCreate(options.EncryptionKeyPem, Path.Combine(keyDirectory, "oidc-encryption.pem"), "oidc-enc");

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<PortalDbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(new Uri(publicBaseUrl.TrimEnd('/') + "/"));
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token");
                o.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange();

                // PKCE with S256 only: "plain" (and a request that names no method, which means plain)
                // sends the verifier itself, so an intercepted code could still be redeemed (RFC 9700 2.1.1).
                o.Configure(server =>
                {
                    server.CodeChallengeMethods.Clear();
                    server.CodeChallengeMethods.Add(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Sha256);
                });
                o.RegisterScopes(ApiScopes.All);
                o.AddSigningKey(signing).AddEncryptionKey(encryption);
                o.DisableAccessTokenEncryption();
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(options.AccessTokenMinutes));
                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough();
                if (publicBaseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                {
                    // Only when the operator has configured a plain-HTTP public address (the local demo):
                    // a production portal is reached over HTTPS and OpenIddict then insists on it.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.AddAudiences(ApiScopes.ApiResource); // tokens without this audience are refused by the API
                o.UseAspNetCore();
            });
    }

    private static SecurityKey LoadOrCreate(string? configuredPem, string file, string keyId)
    {
        var rsa = RSA.Create();
        if (!string.IsNullOrWhiteSpace(configuredPem))
        {
            rsa.ImportFromPem(configuredPem);
        }
        else if (File.Exists(file))
        {
            rsa.ImportFromPem(File.ReadAllText(file));
        }
        else
        {
            rsa.KeySize = 2048;
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, rsa.ExportRSAPrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return new RsaSecurityKey(rsa) { KeyId = keyId + "-" + Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..12].ToLowerInvariant() };
    }
}
