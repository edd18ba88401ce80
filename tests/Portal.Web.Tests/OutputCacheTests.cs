using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Issue 13: public pages that change rarely come from the output cache, per language, never for a signed-in person, and a committed change evicts them.</summary>
public class OutputCacheTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(Guid Id, string Code)> LibraryAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Institutions.Where(i => i.Current.Name == "浦江县图书馆").Select(i => new ValueTuple<Guid, string>(i.Id, i.Code)).SingleAsync();
    }

    [Fact]
    public async Task AProfile_IsServedFromTheCache_UntilAChangeIsCommitted()
    {
        var (id, code) = await LibraryAsync();
        using var visitor = factory.Client();
        var first = await visitor.GetAsync("/register/" + code);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        var second = await visitor.GetAsync("/register/" + code);
        Assert.NotNull(second.Headers.Age); // served from the cache
        Assert.DoesNotContain("data-hold", await second.Content.ReadAsStringAsync());

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var institution = await db.Institutions.SingleAsync(i => i.Id == id);
            institution.Hold(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)); // a certificate hold: shown on the public page
            await db.SaveChangesAsync();
        }

        var after = await visitor.GetAsync("/register/" + code);
        Assert.Null(after.Headers.Age); // the commit evicted it
        Assert.Contains("data-hold", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EachLanguage_IsCachedApart_AndSignedInPeopleAreNeverServedFromTheCache()
    {
        using var chinese = factory.Client();
        using var english = factory.Client();
        await chinese.GetAsync("/announcements");
        var zh = await chinese.GetAsync("/announcements", "zh-CN");
        var en = await english.GetAsync("/announcements?culture=en-US");
        Assert.Contains("<html lang=\"zh-CN\">", await zh.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"en\">", await en.Content.ReadAsStringAsync());

        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        await manager.GetAsync("/announcements");
        var signedIn = await manager.GetAsync("/announcements");
        Assert.Null(signedIn.Headers.Age);
        Assert.Contains("/account", await signedIn.Content.ReadAsStringAsync()); // their own header, not a visitor's page
    }
}
