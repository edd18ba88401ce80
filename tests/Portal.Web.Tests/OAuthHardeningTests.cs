using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Portal.Infrastructure.Api;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Issue 12, finding 7 (PKCE plain), the missing audience, and finding 10 (discovery URLs from Host).</summary>
public class OAuthHardeningTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Redirect = "https://app.example/callback";

    private static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public async Task OnlyS256_IsAdvertised_AndAPlainOrUnnamedChallengeIsRefused()
    {
        using var http = factory.CreateClient();
        var discovery = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal(["S256"], discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()!).ToArray());

        var client = await ApiClientsForTests.RegisterAsync(factory, "PKCE 检查", [ApiScopes.RegisterRead], redirectUri: Redirect);
        using var person = factory.Client();
        await person.LoginOkAsync(Demo.Manager);
        var verifier = new string('v', 50);
        string Authorize(string challengeParameters) =>
            $"/connect/authorize?client_id={client.ClientId}&redirect_uri={Uri.EscapeDataString(Redirect)}&response_type=code&scope=register.read&state=s{challengeParameters}";

        foreach (var refused in new[] { $"&code_challenge={verifier}&code_challenge_method=plain", $"&code_challenge={Challenge(verifier)}" })
        {
            var response = await person.GetAsync(Authorize(refused));
            var answer = response.Headers.Location?.ToString() ?? await response.Content.ReadAsStringAsync();
            Assert.Contains("invalid_request", answer);
            Assert.DoesNotContain("code=", response.Headers.Location?.Query ?? string.Empty);
        }

        var granted = await person.GetAsync(Authorize($"&code_challenge={Challenge(verifier)}&code_challenge_method=S256"));
        Assert.Contains("code=", granted.Headers.Location!.Query);
    }

    [Fact]
    public async Task AccessTokens_CarryTheApiAudience_AndATokenForAnotherAudienceIsRefused()
    {
        var client = await ApiClientsForTests.RegisterAsync(factory, "受众检查", [ApiScopes.RegisterRead]);
        using var http = factory.CreateClient();
        var issued = await (await ApiClientsForTests.TokenResponseAsync(http, client)).Content.ReadFromJsonAsync<JsonElement>();
        var token = new JsonWebToken(issued.GetProperty("access_token").GetString());
        Assert.Contains(ApiScopes.ApiResource, token.Audiences);

        // The same token, re-signed with the server's own key but for another resource: refused.
        var key = RSA.Create();
        key.ImportFromPem(File.ReadAllText(Path.Combine(factory.Folder, "keys", "oidc-signing.pem")));
        string Forge(string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = token.Issuer,
            Audience = audience,
            TokenType = token.Typ,
            Subject = new ClaimsIdentity(token.Claims.Where(c => c.Type is not ("aud" or "iss" or "exp" or "nbf" or "iat" or "jti"))),
            Expires = DateTime.UtcNow.AddMinutes(10),
            IssuedAt = DateTime.UtcNow,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = token.Kid }, SecurityAlgorithms.RsaSha256),
        });
        using var api = factory.CreateClient();

        // The forgery is otherwise sound: with the API's own audience it is accepted …
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forge(ApiScopes.ApiResource));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/institutions/" + LibraryCode())).StatusCode);

        // … and with any other audience it is not.
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forge("some-other-api"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/institutions/" + LibraryCode())).StatusCode);

        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/institutions/" + LibraryCode())).StatusCode); // the genuine token still works
    }

    private string LibraryCode()
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(factory.Services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Portal.Infrastructure.Data.PortalDbContext>(scope.ServiceProvider);
        return db.Institutions.Where(i => i.Current.Name == "浦江县图书馆").Select(i => i.Code).Single();
    }

    [Fact]
    public async Task Discovery_TakesEveryAddressFromTheConfiguredPublicUrl_NeverFromHost()
    {
        using var http = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Host = "evil.example";
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil.example", json);
        var doc = JsonDocument.Parse(json).RootElement;
        foreach (var name in new[] { "issuer", "authorization_endpoint", "token_endpoint", "jwks_uri" })
        {
            Assert.StartsWith("http://localhost:5000/", doc.GetProperty(name).GetString());
        }

        // The login redirect is a path: nothing of the Host header in it.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/institution");
        page.Headers.Host = "evil.example";
        var redirect = await factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/account/login", redirect.Headers.Location!.OriginalString);
    }
}
