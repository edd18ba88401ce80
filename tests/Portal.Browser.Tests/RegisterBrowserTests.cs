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

        // A profile with a history of changes (old → new) and the open-data box on the search page.
        await page.GotoAsync(fixture.BaseUrl + "/register?q=" + Uri.EscapeDataString("农业技术推广"));
        await Assertions.Expect(page.Locator("[data-open-data]")).ToBeVisibleAsync();
        await page.Locator("[data-results] a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-history]")).ToContainTextAsync("浦江县农业农村局（浦江县乡村振兴局）");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
