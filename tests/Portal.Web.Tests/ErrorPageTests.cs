using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>The app with one extra route at the end of its pipeline that throws, to see the 500 page.</summary>
public sealed class ThrowingPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ThrowAtTheEnd>());
    }

    private sealed class ThrowAtTheEnd : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);

            // Reached only when nothing in the app handled the request, i.e. inside the app's exception handler.
            app.Use(async (context, inner) =>
            {
                if (context.Request.Path == "/__throw")
                {
                    throw new InvalidOperationException("boom: something private 330726198001010011");
                }

                await inner(context);
            });
        };
    }
}

public class ErrorPageTests(ThrowingPortalFactory factory) : IClassFixture<ThrowingPortalFactory>
{
    [Theory]
    [InlineData("zh-CN", "系统出现问题", "错误编号")]
    [InlineData("en", "Something went wrong", "Reference")]
    public async Task UnhandledException_ShowsAFriendlyPageWithACorrelationId(string language, string title, string reference)
    {
        using var client = factory.Client();
        var response = await client.GetAsync("/__throw", language);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(title, html);
        Assert.Contains(reference, html);
        var id = PortalClient.Parse(html).QuerySelector("main code")?.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(id));
        Assert.DoesNotContain("boom", html); // no exception detail leaks to the visitor
        Assert.DoesNotContain("330726198001010011", html);

        // The id on the page finds the error in the JSON log: the line's own field and its request's trace scope.
        var line = Assert.Single(factory.JsonLogs, l => l.Contains("\"CorrelationId\":\"" + id + "\"", StringComparison.Ordinal));
        using var entry = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("Error", entry.RootElement.GetProperty("LogLevel").GetString());
        Assert.Contains(entry.RootElement.GetProperty("Scopes").EnumerateArray(),
            s => s.ValueKind == System.Text.Json.JsonValueKind.Object && s.TryGetProperty("TraceId", out var trace) && trace.GetString() == id);
    }
}

/// <summary>Outside Development: HSTS for a year and Secure cookies.</summary>
public sealed class ProductionPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Settings["Portal:PublicBaseUrl"] = "https://portal.example";
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public class ProductionHeaderTests(ProductionPortalFactory factory) : IClassFixture<ProductionPortalFactory>
{
    [Fact]
    public async Task Https_GetsHstsOfAtLeastAYear_AndSecureCookies()
    {
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://portal.example"), // HSTS is never sent to localhost
            AllowAutoRedirect = false,
        });
        var response = await http.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts);
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}
