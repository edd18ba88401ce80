using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>The demo register plus 1,200 synthetic institutions: more than an anonymous listing shows.</summary>
public sealed class LargerRegisterFactory : PortalFactory
{
    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        SyntheticRegister.GenerateAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), 1_200, SyntheticRegister.For(scope.ServiceProvider)).GetAwaiter().GetResult();
        return host;
    }
}

/// <summary>
/// Issue 12, finding 9: an anonymous deep page made the database count and skip its way through the
/// whole register. Anonymous listings now stop at 50 pages and count no further.
/// </summary>
public class PublicListingBoundsTests(LargerRegisterFactory factory) : IClassFixture<LargerRegisterFactory>
{
    [Theory]
    [InlineData("/register?status=Registered&page=100000")]
    [InlineData("/register?status=0&page=100000")]
    [InlineData("/register?status=Registered&page=51")]
    public async Task ADeepPageOfTheRegister_ShowsTheLastAllowedPage_AndAsksToNarrow(string url)
    {
        using var client = factory.Client();
        var page = await client.PageAsync(url);
        Assert.NotNull(page.QuerySelector("[data-more-than]"));
        Assert.Equal(20, page.QuerySelectorAll("[data-results] > li").Length);
        Assert.Contains("50", page.QuerySelector(".pagination [aria-current=page]")!.TextContent);
        Assert.Null(page.QuerySelector(".pagination .page-item:last-child:not(.disabled) a")); // no page 51
    }

    [Fact]
    public async Task ADeepPageOfAnnouncements_IsBounded()
    {
        using var client = factory.Client();
        var page = await client.PageAsync("/announcements?page=100000");
        Assert.NotNull(page.QuerySelector("h1"));
    }
}

public sealed class TightPublicLimitFactory : PortalFactory
{
    public TightPublicLimitFactory()
    {
        Settings["RateLimits:PublicPerMinute"] = "5";
    }
}

public class PublicListingRateLimitTests(TightPublicLimitFactory factory) : IClassFixture<TightPublicLimitFactory>
{
    [Fact]
    public async Task OneAddress_OverThePublicLimit_Gets429WithRetryAfter_AcrossTheListings()
    {
        using var client = factory.Client();
        var answers = new List<HttpStatusCode>();
        foreach (var url in new[] { "/register?q=浦江", "/announcements", "/register?status=Registered", "/reports", "/register?q=图书馆" })
        {
            answers.Add((await client.GetAsync(url)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], answers.Take(5));
        var over = await client.GetAsync("/announcements?page=2");
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.True(over.Headers.RetryAfter is not null || over.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode); // other pages are not counted
    }
}
