using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Certificates;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Registers API clients the way an administrator does and gets their tokens the way a client system does.</summary>
public static class ApiClientsForTests
{
    public sealed record Registered(string ClientId, string Secret);

    public static async Task<Registered> RegisterAsync(PortalFactory factory, string name, IEnumerable<string> scopes, IEnumerable<string>? institutionCodes = null, string? redirectUri = null)
    {
        using var admin = factory.Client();
        await admin.LoginOkAsync(Demo.Admin);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Name", name),
            new("Kind", redirectUri is null ? "Service" : "Interactive"),
            new("InstitutionCodes", string.Join('\n', institutionCodes ?? [])),
            new("RedirectUri", redirectUri ?? string.Empty),
        };
        fields.AddRange(scopes.Select(s => new KeyValuePair<string, string>("Scopes", s)));
        var response = await admin.SubmitAsync("/admin/api-clients/new", "/admin/api-clients", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        var id = page.QuerySelector("[data-client-id]")?.TextContent ?? throw new InvalidOperationException("No client id shown: " + page.QuerySelector(".alert")?.TextContent);
        return new Registered(id, page.QuerySelector("[data-client-secret]")!.TextContent);
    }

    public static async Task<HttpResponseMessage> TokenResponseAsync(HttpClient http, Registered client, string? scope = null)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials"), new("client_id", client.ClientId), new("client_secret", client.Secret) };
        if (scope is not null)
        {
            form.Add(new("scope", scope));
        }

        return await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public static async Task<HttpClient> ApiAsync(PortalFactory factory, Registered client, string? scope = null)
    {
        var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await TokenResponseAsync(http, client, scope);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}

public class ApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(string Code, string IdNumber, Guid Id)> InstitutionAsync(string name)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var i = await db.Institutions.AsNoTracking().Where(x => x.Current.Name == name).Select(x => new { x.Code, x.Current.LegalRepresentativeIdNumber, x.Id }).SingleAsync();
        return (i.Code, i.LegalRepresentativeIdNumber, i.Id);
    }

    [Fact]
    public async Task Discovery_OffersClientCredentialsAndCodeWithPkce_NeverImplicitOrPassword()
    {
        using var http = factory.CreateClient();
        var doc = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var grants = doc.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("client_credentials", grants);
        Assert.Contains("authorization_code", grants);
        Assert.DoesNotContain("implicit", grants);
        Assert.DoesNotContain("password", grants);
        Assert.Contains("S256", doc.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(g => g.GetString()));
        var scopes = doc.GetProperty("scopes_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.All(ApiScopes.All, s => Assert.Contains(s, scopes));
        Assert.EndsWith("/connect/token", doc.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task TheSecret_IsShownOnce_AndStoredOnlyAsAHash_AndAPasswordGrantIsRefused()
    {
        var client = await ApiClientsForTests.RegisterAsync(factory, "统计局数据交换", [ApiScopes.RegisterRead]);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var stored = await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().AsNoTracking().SingleAsync(a => a.ClientId == client.ClientId);
            Assert.False(string.IsNullOrEmpty(stored.ClientSecret));
            Assert.DoesNotContain(client.Secret, stored.ClientSecret!, StringComparison.Ordinal);
        }

        using var http = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ApiClientsForTests.TokenResponseAsync(http, client)).StatusCode);
        var wrongSecret = await ApiClientsForTests.TokenResponseAsync(http, client with { Secret = client.Secret + "x" });
        Assert.True(wrongSecret.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, wrongSecret.StatusCode.ToString());
        Assert.Contains("invalid_client", await wrongSecret.Content.ReadAsStringAsync());
        var password = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = Demo.Manager, ["password"] = PortalFactory.DemoPassword, ["client_id"] = client.ClientId, ["client_secret"] = client.Secret,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Contains("unsupported_grant_type", await password.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutAToken_401_WithAWrongScope_403_AsProblemDetails()
    {
        var (code, _, _) = await InstitutionAsync("浦江县图书馆");
        using var anonymous = factory.CreateClient();
        var none = await anonymous.GetAsync($"/api/v1/institutions/{code}");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);

        var feedOnly = await ApiClientsForTests.RegisterAsync(factory, "只读推送", [ApiScopes.FeedRead]);
        using var api = await ApiClientsForTests.ApiAsync(factory, feedOnly);
        var wrong = await api.GetAsync($"/api/v1/institutions/{code}");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/feed")).StatusCode);
    }

    [Fact]
    public async Task AnInstitution_ShowsItsPublicItems_NeverTheIdentityNumber()
    {
        var (code, idNumber, _) = await InstitutionAsync("浦江县图书馆");
        var client = await ApiClientsForTests.RegisterAsync(factory, "档案局", [ApiScopes.RegisterRead]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client);
        var response = await api.GetAsync($"/api/v1/institutions/{code.ToLowerInvariant()}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, json.GetProperty("code").GetString());
        Assert.Equal("浦江县图书馆", json.GetProperty("name").GetString());
        Assert.Equal("Registered", json.GetProperty("status").GetString());
        Assert.DoesNotContain(idNumber, body, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber[..14], body, StringComparison.Ordinal);

        var missing = await api.GetAsync("/api/v1/institutions/" + SyntheticRegister.Code("330726", 999_999));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Lookup_Answers1000CodesInOneCall_OneResultPerCodeInOrder()
    {
        List<string> real;
        using (var scope = factory.Services.CreateScope())
        {
            real = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.OrderBy(i => i.Code).Select(i => i.Code).ToListAsync();
        }

        var codes = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            codes.Add((i % 3) switch
            {
                0 => real[i % real.Count],
                1 => SyntheticRegister.Code("330726", 500_000 + i),
                _ => "91330000" + i.ToString("D10"),
            });
        }

        var client = await ApiClientsForTests.RegisterAsync(factory, "批量核对", [ApiScopes.RegisterRead]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client);
        var response = await api.PostAsJsonAsync("/api/v1/institutions/lookup", new { codes });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(1000, results.Count);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(codes[i], results[i].GetProperty("input").GetString());
            var expected = UnifiedCodeIsValid(codes[i]) ? real.Contains(codes[i]) ? "found" : "not_found" : "invalid_code";
            Assert.Equal(expected, results[i].GetProperty("result").GetString());
            Assert.Equal(expected == "found", results[i].GetProperty("institution").ValueKind == JsonValueKind.Object);
        }

        Assert.Equal(334, results.Count(r => r.GetProperty("result").GetString() == "found"));
        var tooMany = await api.PostAsJsonAsync("/api/v1/institutions/lookup", new { codes = Enumerable.Repeat(real[0], 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    private static bool UnifiedCodeIsValid(string code) => Portal.Domain.Codes.UnifiedSocialCreditCode.TryParse(code, out _);

    [Fact]
    public async Task Certificates_ByNumber_AndVerifyByToken_GiveTheVerifyPagesVerdict()
    {
        string number, token, supersededToken;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var valid = await db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Valid).OrderBy(c => c.Number).FirstAsync();
            number = valid.Number;
            token = valid.QrUrl;
            supersededToken = await db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Superseded).Select(c => c.Token).FirstAsync();
        }

        var client = await ApiClientsForTests.RegisterAsync(factory, "银行开户核验", [ApiScopes.CertificatesVerify]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client);
        var byNumber = await api.GetFromJsonAsync<JsonElement>("/api/v1/certificates/" + Uri.EscapeDataString(number));
        Assert.Equal("Valid", byNumber.GetProperty("status").GetString());
        var verdict = await (await api.PostAsJsonAsync("/api/v1/certificates/verify", new { token })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("valid", verdict.GetProperty("verdict").GetString());
        Assert.Equal(number, verdict.GetProperty("number").GetString());
        var old = await (await api.PostAsJsonAsync("/api/v1/certificates/verify", new { token = supersededToken })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("superseded", old.GetProperty("verdict").GetString());
        Assert.False(string.IsNullOrEmpty(old.GetProperty("successorNumber").GetString()));
        var forged = await (await api.PostAsJsonAsync("/api/v1/certificates/verify", new { token = token[..^4] + "AAAA" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not_issued", forged.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task ASponsorsClient_FilesForItsInstitution_And403ForAnyOther()
    {
        var (own, _, _) = await InstitutionAsync("浦江县图书馆");
        var (foreign, _, _) = await InstitutionAsync("浦江县实验小学");
        var client = await ApiClientsForTests.RegisterAsync(factory, "县文化和广电旅游体育局", [ApiScopes.ReportsSubmit], [own]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client);
        var year = DateTime.UtcNow.AddHours(8).Year - 1;
        object Body(string code, bool submit) => new
        {
            code, year, submit,
            report = new { businessActivities = "全年开放 300 天，接待读者 12 万人次。", netAssetsStart = 120.5m, netAssetsEnd = 130.25m, income = 80m, expenditure = 70.25m },
        };

        var refused = await api.PostAsJsonAsync("/api/v1/annual-reports", Body(foreign, false));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var draft = await api.PostAsJsonAsync("/api/v1/annual-reports", Body(own, false));
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var saved = await draft.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Draft", saved.GetProperty("state").GetString());
        Assert.Contains("ReportBalanceSheetMissing", saved.GetProperty("missingBeforeSubmission").EnumerateArray().Select(e => e.GetString()));

        // Submitting without the documents: the web form's rule, as a 422 problem with the rule's code.
        var early = await api.PostAsJsonAsync("/api/v1/annual-reports", Body(own, true));
        Assert.Equal((HttpStatusCode)422, early.StatusCode);
        Assert.Contains("BalanceSheetMissing", await early.Content.ReadAsStringAsync());

        // Invalid values: the web form's validation, field by field.
        var negative = await api.PostAsJsonAsync("/api/v1/annual-reports", new { code = own, year, report = new { income = -5m } });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.True((await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Report.Income", out _));
        var decimals = await api.PostAsJsonAsync("/api/v1/annual-reports", new { code = own, year, report = new { netAssetsEnd = 1.234m } });
        Assert.Equal(HttpStatusCode.BadRequest, decimals.StatusCode);
        Assert.True((await decimals.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Report.NetAssetsEnd", out _));
        using (var scope = factory.Services.CreateScope())
        {
            // Nothing that failed validation was stored: the saved draft still has the first figures.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var report = await db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == saved.GetProperty("id").GetGuid());
            Assert.Equal(130.25m, report.Content.NetAssetsEnd);
        }
    }

    [Fact]
    public async Task DisablingAClient_TakesEffectOnItsNextRequest()
    {
        var client = await ApiClientsForTests.RegisterAsync(factory, "即将停用", [ApiScopes.FeedRead]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/feed")).StatusCode);

        using var admin = factory.Client();
        await admin.LoginOkAsync(Demo.Admin);
        var disabled = await admin.SubmitAsync("/admin/api-clients", $"/admin/api-clients/{client.ClientId}/disable", new Dictionary<string, string> { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/feed")).StatusCode);
        using var http = factory.CreateClient();
        Assert.NotEqual(HttpStatusCode.OK, (await ApiClientsForTests.TokenResponseAsync(http, client)).StatusCode);
    }

    [Fact]
    public async Task TheFeed_ResumesFromACursor_WithoutGapsOrRepeats_WhileEventsAreWritten()
    {
        var client = await ApiClientsForTests.RegisterAsync(factory, "数据共享平台", [ApiScopes.FeedRead]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client);
        const int PerWriter = 25;
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var n = 0; n < PerWriter; n++)
            {
                using var scope = factory.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var template = await db.Institutions.AsNoTracking().OrderBy(i => i.Code).FirstAsync();
                var code = Portal.Domain.Codes.UnifiedSocialCreditCode.Parse(SyntheticRegister.Code("330726", 700_000 + w * 1000 + n));
                db.Institutions.Add(Institution.Register(template.OfficeId, code, template.Current with { Name = $"推送测试单位{w}-{n}" }, new DateOnly(2026, 1, 5), DateTime.UtcNow));
                await db.SaveChangesAsync();
            }
        })).ToArray();

        // Two clients read the feed while the events are written, each resuming from its own cursor.
        var second = await ApiClientsForTests.RegisterAsync(factory, "第二个订阅方", [ApiScopes.FeedRead]);
        using var api2 = await ApiClientsForTests.ApiAsync(factory, second);
        var writing = Task.WhenAll(writers);
        async Task<List<long>> ReadAllAsync(HttpClient client, int limit)
        {
            var seen = new List<long>();
            string? cursor = null;
            while (true)
            {
                var done = writing.IsCompleted;
                var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/feed?limit={limit}" + (cursor is null ? "" : "&after=" + cursor));
                seen.AddRange(page.GetProperty("events").EnumerateArray().Select(e => long.Parse(e.GetProperty("cursor").GetString()!)));
                cursor = page.GetProperty("next").GetString() ?? cursor;
                if (done && !page.GetProperty("hasMore").GetBoolean())
                {
                    return seen;
                }
            }
        }

        var readers = await Task.WhenAll(ReadAllAsync(api, 7), ReadAllAsync(api2, 3));
        await writing;
        List<long> all;
        using (var scope = factory.Services.CreateScope())
        {
            all = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().FeedEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        }

        Assert.All(readers, seen => Assert.Equal(all, seen)); // every event once, in order, for each reader
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all); // numbered without gaps
        Assert.True(readers[0].Count >= 2 * PerWriter);
    }

    [Fact]
    public async Task TheFeed_CarriesEveryKindOfRegisterEvent_FromTheWritesThatMadeThem()
    {
        var client = await ApiClientsForTests.RegisterAsync(factory, "全量订阅", [ApiScopes.FeedRead]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client);
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/feed?limit=1000");
        var events = page.GetProperty("events").EnumerateArray().ToList();
        var kinds = events.Select(e => e.GetProperty("kind").GetString()).ToHashSet();
        foreach (var kind in new[] { "institution.registered", "institution.changed", "certificate.issued", "certificate.superseded", "certificate.voided", "annual-report.published" })
        {
            Assert.Contains(kind, kinds);
        }

        var change = events.First(e => e.GetProperty("kind").GetString() == "institution.changed");
        Assert.Equal("Sponsor", change.GetProperty("data").GetProperty("changes")[0].GetProperty("item").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/feed?after=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/feed?limit=5000")).StatusCode);
    }

    [Fact]
    public async Task AuthorizationCodeWithPkce_IssuesATokenForTheSignedInPerson()
    {
        const string redirect = "https://app.example/callback";
        var client = await ApiClientsForTests.RegisterAsync(factory, "移动端应用", [ApiScopes.RegisterRead], redirectUri: redirect);
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var authorize = $"/connect/authorize?client_id={client.ClientId}&redirect_uri={Uri.EscapeDataString(redirect)}&response_type=code&scope=register.read&state=xyz&code_challenge={challenge}&code_challenge_method=S256";

        using var person = factory.Client();
        var anonymous = await person.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString());

        await person.LoginOkAsync(Demo.Manager);
        var granted = await person.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var location = granted.Headers.Location!;
        Assert.StartsWith(redirect, location.ToString());
        var code = System.Web.HttpUtility.ParseQueryString(location.Query)["code"];
        Assert.False(string.IsNullOrEmpty(code));

        using var http = factory.CreateClient();
        Dictionary<string, string> Exchange(string v) => new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code!, ["redirect_uri"] = redirect, ["client_id"] = client.ClientId, ["client_secret"] = client.Secret, ["code_verifier"] = v,
        };
        var wrongVerifier = await http.PostAsync("/connect/token", new FormUrlEncodedContent(Exchange(verifier + "x")));
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);

        // Without a code challenge the request is refused outright.
        var noPkce = await person.GetAsync(authorize[..authorize.IndexOf("&code_challenge", StringComparison.Ordinal)]);
        var refusal = noPkce.Headers.Location?.ToString() ?? await noPkce.Content.ReadAsStringAsync();
        Assert.Contains("invalid_request", refusal);
        Assert.DoesNotContain("code=", noPkce.Headers.Location?.Query ?? string.Empty);

        // A code is single-use: the failed attempt above already redeemed it, so run a fresh authorization.
        var again = await person.GetAsync(authorize);
        code = System.Web.HttpUtility.ParseQueryString(again.Headers.Location!.Query)["code"];
        var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(Exchange(verifier)));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        var (libraryCode, _, _) = await InstitutionAsync("浦江县图书馆");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/institutions/" + libraryCode)).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_AndReferencePage_DescribeTheApi()
    {
        using var http = factory.CreateClient();
        var doc = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/v1/institutions/{code}", "/api/v1/institutions/lookup", "/api/v1/certificates/{number}", "/api/v1/certificates/verify", "/api/v1/feed", "/api/v1/annual-reports" })
        {
            Assert.Contains(path, paths);
        }

        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/", StringComparison.Ordinal));
        var reference = await http.GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }
}

public sealed class TightApiLimitFactory : PortalFactory
{
    public TightApiLimitFactory()
    {
        Settings["RateLimits:ApiPerFiveMinutes"] = "5";
    }
}

public class ApiRateLimitTests(TightApiLimitFactory factory) : IClassFixture<TightApiLimitFactory>
{
    [Fact]
    public async Task AClientOverItsLimit_Gets429_WithRetryAfter()
    {
        var client = await ApiClientsForTests.RegisterAsync(factory, "频繁调用", [ApiScopes.FeedRead]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/feed")).StatusCode);
        }

        var limited = await api.GetAsync("/api/v1/feed");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero || int.Parse(limited.Headers.GetValues("Retry-After").First()) > 0);

        // Another client has its own allowance.
        var other = await ApiClientsForTests.RegisterAsync(factory, "另一个客户端", [ApiScopes.FeedRead]);
        using var otherApi = await ApiClientsForTests.ApiAsync(factory, other);
        Assert.Equal(HttpStatusCode.OK, (await otherApi.GetAsync("/api/v1/feed")).StatusCode);
    }
}
