using Microsoft.Playwright;

namespace Portal.Browser.Tests;

public class RegisterBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserTheory]
    [InlineData("zh-CN", "zh-CN", "登记")]
    [InlineData("en-US", "en", "Registered")]
    public async Task SearchFromTheHomePage_AndOpenAProfile_AxeClean(string locale, string lang, string status)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.Locator("#home-q").FillAsync("卫生");
        await page.Locator("form[action='/register'] button").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-results]")).ToContainTextAsync("浦江县黄宅镇中心卫生院");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Locator("[data-results] a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("浦江县黄宅镇中心卫生院");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(status);
        await Axe.AssertNoSeriousViolationsAsync(page);
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
        await page.Context.CloseAsync();
    }
}
