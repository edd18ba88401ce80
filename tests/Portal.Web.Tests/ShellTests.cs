using System.Net;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class ShellTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/account/forgot-password")]
    public async Task AnonymousPages_AnswerInChineseByDefault(string url)
    {
        using var client = factory.Client();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("事业单位登记管理服务平台", html);
        Assert.DoesNotContain("&#x", html); // Chinese is emitted as characters, not entities
    }

    [Theory]
    [InlineData("/", "en")]
    [InlineData("/account/login", "en-GB,en;q=0.9")]
    [InlineData("/account/forgot-password", "en-US")]
    public async Task AnonymousPages_AnswerInEnglishForAcceptLanguageEn(string url, string acceptLanguage)
    {
        using var client = factory.Client();
        var response = await client.GetAsync(url, acceptLanguage);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Public Institution Registration Portal", html);
    }

    [Fact]
    public async Task LanguageSwitch_IsRememberedInACookie()
    {
        using var client = factory.Client();
        var link = (await client.PageAsync("/")).QuerySelector("a[data-culture-switch]")!.GetAttribute("href")!;
        Assert.StartsWith("/culture?culture=en-US", link);
        var switched = await client.GetAsync("/culture?culture=en-US&returnUrl=%2Faccount%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", switched.Headers.Location?.OriginalString);
        var page = await client.PageAsync("/account/login");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));

        // The switch wins over the browser's language.
        var html = await (await client.GetAsync("/", "zh-CN")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html);
    }

    [Fact]
    public async Task LanguageSwitch_RefusesAnOffSiteReturnUrl()
    {
        using var client = factory.Client();
        var response = await client.GetAsync("/culture?culture=en-US&returnUrl=" + Uri.EscapeDataString("https://evil.example/"));
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        using var client = factory.Client();
        foreach (var url in new[] { "/", "/no-such-page", "/health/live" })
        {
            var response = await client.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Cookies_AreHttpOnlyAndSameSite()
    {
        using var client = factory.Client();
        var response = await client.GetAsync("/account/login");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var antiforgery = Assert.Single(cookies, c => c.StartsWith("portal.af=", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);

        var login = await client.LoginAsync(Demo.User);
        var auth = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownPage_Gives404PageInBothLanguages()
    {
        using var client = factory.Client();
        var zh = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, zh.StatusCode);
        Assert.Contains("页面不存在", await zh.Content.ReadAsStringAsync());
        var en = await client.GetAsync("/no-such-page", "en");
        Assert.Equal(HttpStatusCode.NotFound, en.StatusCode);
        Assert.Contains("Page not found", await en.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_Is400()
    {
        using var client = factory.Client();
        await client.PageAsync("/account/login"); // gets the antiforgery cookie, but the token is not sent
        var response = await client.PostAsync("/account/login", new Dictionary<string, string> { ["Email"] = Demo.User, ["Password"] = PortalFactory.DemoPassword }, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("portal.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Health_LiveAndReadyAnswer200()
    {
        using var client = factory.Client();
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["database"] = "Healthy", ["signing-keys"] = "Healthy" }, checks); // no Redis configured: not checked
    }

    [Fact]
    public async Task Pages_HaveLandmarksSkipLinkAndLabelledFields()
    {
        using var client = factory.Client();
        var page = await client.PageAsync("/account/login");
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("header nav[aria-label]"));
        foreach (var input in page.QuerySelectorAll("form input:not([type=hidden])"))
        {
            var id = input.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id));
            Assert.NotNull(page.QuerySelector($"label[for='{id}']"));
        }
    }
}
