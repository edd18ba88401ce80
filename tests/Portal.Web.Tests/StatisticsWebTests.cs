using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.Statistics;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class StatisticsWebTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string ThisYear = "from=" + DateTime.UtcNow.AddHours(8).Year + "-01-01&to=" + DateTime.UtcNow.AddHours(8).Year + "-12-31";

    private async Task<PortalClient> CitySupervisorAsync()
    {
        const string email = "city.supervisor@test.portal";
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "市局科长", OfficeId = DemoDataSeeder.CityOfficeId };
                Assert.True((await users.CreateAsync(user, PortalFactory.DemoPassword)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.RegistrySupervisor)).Succeeded);
            }
        }

        var client = factory.Client();
        await client.LoginOkAsync(email);
        return client;
    }

    private static Dictionary<string, int[]> Figures(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-figures] tbody tr").ToDictionary(
            r => r.GetAttribute("data-metric")!,
            r => r.QuerySelectorAll("td").Select(td => int.Parse(td.TextContent.Trim())).ToArray());

    [Fact]
    public async Task TheSentence_QuotesTheTablesFigures_AndEachFigureListsItsRecords()
    {
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var page = await registrar.PageAsync("/registry/statistics?" + ThisYear);
        var figures = Figures(page);
        Assert.Equal(Enum.GetValues<Metric>().Length, figures.Count);
        Assert.All(figures.Values, v => Assert.Single(v)); // a registrar sees their own office only

        foreach (var lang in new[] { "zh-CN", "en" })
        {
            var sentence = page.QuerySelector($"[data-sentence='{lang}']")!;
            var quoted = sentence.QuerySelectorAll("a[data-figure]").ToList();
            Assert.Equal(8, quoted.Count);
            foreach (var a in quoted)
            {
                Assert.Equal(figures[a.GetAttribute("data-figure")!][0], int.Parse(a.TextContent));
            }
        }

        Assert.Matches(@"^\d{4}年，办理事业单位设立登记\d+家、变更登记\d+家、注销登记\d+家；换发新《事业单位法人证书》\d+家；办理《统一社会信用代码证书》赋码\d+家、变更登记\d+家、注销\d+家；完成事业单位年度报告受理审核\d+家。$", page.QuerySelector("[data-sentence='zh-CN']")!.TextContent);

        foreach (var metric in new[] { "ChangeApproved", "CertificatesExchanged", "ReportsReviewed", "SetupApproved" })
        {
            var records = await registrar.PageAsync($"/registry/statistics/records?metric={metric}&{ThisYear}");
            Assert.Equal(figures[metric][0], records.QuerySelectorAll("[data-records] tbody tr").Length);
        }
    }

    [Fact]
    public async Task AParentOfficesSupervisor_SeesEachChildOffice_AndTheirSum()
    {
        using var supervisor = await CitySupervisorAsync();
        var page = await supervisor.PageAsync("/registry/statistics?" + ThisYear);
        var figures = Figures(page);
        Assert.All(figures, kv => Assert.Equal(3, kv.Value.Length)); // city, county, total
        Assert.All(figures, kv => Assert.Equal(kv.Value[0] + kv.Value[1], kv.Value[2]));
        Assert.Contains(figures.Values, v => v[1] > 0); // the county's work shows up

        using var countyRegistrar = factory.Client();
        await countyRegistrar.LoginOkAsync(Demo.Registrar);
        var county = Figures(await countyRegistrar.PageAsync("/registry/statistics?" + ThisYear));
        Assert.All(county, kv => Assert.Equal(kv.Value[0], figures[kv.Key][1]));

        // The child office's records are listed for the parent's supervisor.
        var records = await supervisor.PageAsync($"/registry/statistics/records?metric=ChangeApproved&office={DemoDataSeeder.CountyOfficeId}&{ThisYear}");
        Assert.Equal(figures["ChangeApproved"][1], records.QuerySelectorAll("[data-records] tbody tr").Length);
    }

    [Fact]
    public async Task ARegistrarOfAnotherOffice_GetsNothingOfTheCounty()
    {
        using var city = factory.Client();
        await city.LoginOkAsync(Demo.CityRegistrar);
        var page = await city.PageAsync("/registry/statistics?" + ThisYear);
        Assert.DoesNotContain("浦江县", page.QuerySelector("h1 + p")!.TextContent);
        var cityFigures = Figures(page);
        Assert.All(cityFigures.Values, v => Assert.Single(v));
        var response = await city.GetAsync($"/registry/statistics/records?metric=ChangeApproved&office={DemoDataSeeder.CountyOfficeId}&{ThisYear}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        using var anonymous = factory.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/registry/statistics")).StatusCode);
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/registry/statistics")).StatusCode);
    }

    [Fact]
    public async Task Exports_AreExcelFriendlyCsv_AndABackwardsRangeIsExplained()
    {
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var export = await registrar.GetAsync("/registry/statistics/export.csv?" + ThisYear);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("表,项目,浦江县事业单位登记管理局", lines[0]);
        Assert.Equal(Enum.GetValues<Metric>().Length, lines.Count(l => l.StartsWith("统计数字,", StringComparison.Ordinal)));
        Assert.StartsWith("统计数字,设立登记,", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("按事项统计的变更,举办单位,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("登记簿规模（当前）,登记,", StringComparison.Ordinal));

        var list = await registrar.GetAsync("/registry/statistics/records?metric=SetupApproved&format=csv&" + ThisYear);
        Assert.Equal("text/csv", list.Content.Headers.ContentType?.MediaType);

        var backwards = await registrar.PageAsync("/registry/statistics?from=2026-05-01&to=2026-01-01");
        Assert.Contains("起始日期不能晚于截止日期", backwards.QuerySelector("[role=alert]")!.TextContent);
        var english = PortalClient.Parse(await (await registrar.GetAsync("/registry/statistics?from=2026-05-01&to=2026-01-01", "en-US")).Content.ReadAsStringAsync());
        Assert.Contains("start date is after the end date", english.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(3, english.QuerySelectorAll("svg.chart[role=img]").Length);
        Assert.Equal(3, english.QuerySelectorAll("[data-chart-table]").Length);
    }
}
