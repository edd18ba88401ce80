using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class RegisterSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<List<string>> NamesAsync(string query, string? language = null)
    {
        using var client = factory.Client();
        var html = await (await client.GetAsync("/register?" + query, language)).Content.ReadAsStringAsync();
        return PortalClient.Parse(html).QuerySelectorAll("[data-results] h2 a").Select(a => a.TextContent.Trim()).ToList();
    }

    [Theory]
    [InlineData("卫生", "浦江县黄宅镇中心卫生院")]
    [InlineData("小学", "浦江县实验小学")]
    [InlineData("疾病预防", "浦江县疾病预防控制中心")]
    public async Task TwoCharacterAndLongerChineseSubstrings_FindTheInstitution(string q, string expected)
    {
        var names = await NamesAsync("q=" + Uri.EscapeDataString(q));
        Assert.Contains(expected, names);
        Assert.All(names, n => Assert.Contains(q, n));
    }

    [Fact]
    public async Task TheCode_IsFoundInAnyCaseAndWithSpaces()
    {
        string code;
        using (var scope = factory.Services.CreateScope())
        {
            code = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.Where(i => i.Current.Name == "浦江县图书馆").Select(i => i.Code).SingleAsync();
        }

        var spaced = string.Join(' ', code.ToLowerInvariant().Chunk(6).Select(c => new string(c)));
        Assert.Equal(["浦江县图书馆"], await NamesAsync("q=" + Uri.EscapeDataString(spaced)));
    }

    [Fact]
    public async Task AFormerName_FindsTheRenamedInstitution_ShownAsFormerly()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var institution = await db.Institutions.SingleAsync(i => i.Current.Name == "浦江县社会保险服务中心");
            institution.RecordChange(institution.Current with { Name = "浦江县社会保障服务中心" }, new DateOnly(2025, 6, 1), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        using var client = factory.Client();
        var page = PortalClient.Parse(await (await client.GetAsync("/register?q=" + Uri.EscapeDataString("社会保险"))).Content.ReadAsStringAsync());
        var hit = Assert.Single(page.QuerySelectorAll("[data-results] li"));
        Assert.Contains("浦江县社会保障服务中心", hit.TextContent);
        Assert.Contains("曾用名：浦江县社会保险服务中心", hit.QuerySelector("[data-formerly]")!.TextContent);
    }

    [Fact]
    public async Task Filters_NarrowTheResults_AndProfilesNeverShowIdentityNumbers()
    {
        var city = await NamesAsync("q=" + Uri.EscapeDataString("中心") + "&office=" + Portal.Infrastructure.Seeding.DemoDataSeeder.CityOfficeId);
        Assert.Equal(new[] { "金华市中心医院", "金华市公共资源交易服务中心" }.Order(), city.Order()); // the city office's only, both contain 中心
        var partial = await NamesAsync("funding=PARTIAL");
        Assert.Contains("浦江县职业技术学校", partial);
        Assert.DoesNotContain("浦江县图书馆", partial);

        using var client = factory.Client();
        var html = await (await client.GetAsync("/register?q=" + Uri.EscapeDataString("浦江县"))).Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"\d{17}[\dX]", html); // no full identity number anywhere in the results
    }
}
