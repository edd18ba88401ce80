using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Issue 12, findings 8 and 10 and plain HTTP: what a Production portal sets and answers over the wire.</summary>
public class ProductionTransportTests(HttpsProductionFactory factory) : IClassFixture<HttpsProductionFactory>
{
    /// <summary>Keeps every Set-Cookie header of every response, including the pages a form was scraped from.</summary>
    private sealed class CookieRecorder : DelegatingHandler
    {
        public List<(string Request, string Cookie)> SetCookies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                SetCookies.AddRange(values.Select(v => ($"{request.Method} {request.RequestUri!.PathAndQuery}", v)));
            }

            return response;
        }
    }

    [Fact]
    public async Task EveryCookieOfTheMainFlows_IsSecureAndHttpOnly()
    {
        var recorder = new CookieRecorder();
        using var client = new PortalClient(factory.CreateDefaultClient(HttpsProductionFactory.PublicAddress, recorder, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler()));
        await client.GetAsync("/");
        await client.GetAsync("/culture?culture=en-US&returnUrl=%2F");
        await client.GetAsync("/register?q=浦江");
        await client.LoginOkAsync(Demo.Manager);
        await client.GetAsync("/institution");
        await client.SubmitAsync("/account", "/account/reminder-emails", new Dictionary<string, string> { ["send"] = "false" }); // a flash message: TempData
        await client.GetAsync("/account");
        await client.SubmitAsync("/account", "/account/logout", new Dictionary<string, string>());

        var names = recorder.SetCookies.Select(c => c.Cookie.Split('=')[0]).Distinct().ToList();
        Assert.Contains("portal.auth", names);
        Assert.Contains("portal.af", names);
        Assert.Contains("portal.tempdata", names);
        Assert.Contains(names, n => n.Contains("Culture", StringComparison.OrdinalIgnoreCase));
        foreach (var (request, cookie) in recorder.SetCookies)
        {
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributes.Contains("secure") && attributes.Contains("httponly"), $"{request} set a cookie without Secure or HttpOnly: {cookie}");
        }
    }

    [Fact]
    public async Task PlainHttp_IsSentToTheHttpsAddress_NeverAnswers500()
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example"), AllowAutoRedirect = false });
        var page = await http.GetAsync("/account/login?returnUrl=%2Finstitution");
        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.Equal("https://portal.example/account/login?returnUrl=%2Finstitution", page.Headers.Location!.ToString());

        var form = await http.PostAsync("/account/login", new FormUrlEncodedContent([new("Email", Demo.Manager), new("Password", "x")]));
        Assert.Equal(HttpStatusCode.PermanentRedirect, form.StatusCode);
        Assert.Equal("https://portal.example/account/login", form.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AnotherHost_IsRefused_AndDiscoveryNamesOnlyThePublicAddress()
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = HttpsProductionFactory.PublicAddress, AllowAutoRedirect = false });
        using var evil = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        evil.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(evil)).StatusCode);

        var discovery = await http.GetStringAsync("/.well-known/openid-configuration");
        Assert.Contains("\"token_endpoint\": \"https://portal.example/connect/token\"", discovery.Replace("\":\"", "\": \"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "Portal:PublicBaseUrl is not set")]
    [InlineData("http://portal.example", "must be an absolute https:// address")]
    public async Task Production_WithoutAnHttpsPublicAddress_RefusesToStart_NamingTheSetting(string? address, string expected)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        if (address is not null)
        {
            start.Environment["Portal__PublicBaseUrl"] = address;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.NotEqual(0, process.ExitCode);
        Assert.StartsWith("Portal cannot start: ", stderr);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }
}
