using System.Net;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class AdminTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admin_EditsAFundingSource()
    {
        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Admin);
        var response = await client.SubmitAsync("/admin/funding-sources/SELF", "/admin/funding-sources", new Dictionary<string, string>
        {
            ["IsNew"] = "false",
            ["Code"] = "SELF",
            ["NameZh"] = "自收自支（经营性）",
            ["NameEn"] = "Self-financing (commercial)",
            ["SortOrder"] = "40",
            ["IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.PageAsync("/admin/funding-sources");
        Assert.Contains("自收自支（经营性）", list.Body!.TextContent);
    }

    [Fact]
    public async Task Admin_AddsNextYearsHoliday_AndInvalidInputIsRedisplayed()
    {
        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Admin);
        var added = await client.SubmitAsync("/admin/calendar", "/admin/calendar", new Dictionary<string, string>
        {
            ["Date"] = "2027-01-01",
            ["Kind"] = "Holiday",
            ["NameZh"] = "元旦",
            ["NameEn"] = "New Year's Day",
        });
        Assert.Equal("/admin/calendar?year=2027", added.Headers.Location?.OriginalString);
        var page = await client.PageAsync("/admin/calendar?year=2027");
        Assert.Contains("2027-01-01", page.Body!.TextContent);

        var bad = await client.SubmitAsync("/admin/calendar", "/admin/calendar", new Dictionary<string, string> { ["Date"] = "2027-13-45", ["Kind"] = "Holiday", ["NameZh"] = "", ["NameEn"] = "x" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写中文名称", html);
    }

    [Fact]
    public async Task Admin_RegionCodeMustBeSixDigits()
    {
        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Admin);
        var bad = await client.SubmitAsync("/admin/regions", "/admin/regions", new Dictionary<string, string> { ["Code"] = "12AB", ["NameZh"] = "某地", ["NameEn"] = "Somewhere" });
        Assert.Contains("行政区划代码为6位数字", await bad.Content.ReadAsStringAsync());
        var ok = await client.SubmitAsync("/admin/regions", "/admin/regions", new Dictionary<string, string> { ["Code"] = "330182", ["NameZh"] = "建德市", ["NameEn"] = "Jiande City" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("建德市", (await client.PageAsync("/admin/regions")).Body!.TextContent);
    }
}
