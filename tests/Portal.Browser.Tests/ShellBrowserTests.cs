using Microsoft.Playwright;
using Portal.Web.Tests.Support;

namespace Portal.Browser.Tests;

public class ShellBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task HomePage_InChinese_ThenSwitchedToEnglish_AxeClean()
    {
        var page = await fixture.NewPageAsync("zh-CN");
        await page.GotoAsync(fixture.BaseUrl + "/");
        Assert.Equal("事业单位登记管理服务平台", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "home-zh.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Equal("Public Institution Registration Portal", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task HomePage_InEnglish_FromTheBrowserLanguage_AxeClean()
    {
        var page = await fixture.NewPageAsync("en-US");
        await page.GotoAsync(fixture.BaseUrl + "/");
        Assert.Equal("Public Institution Registration Portal", (await page.Locator("h1").InnerTextAsync()).Trim());
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "home-en.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [InlineData(Demo.Admin, "/admin", "zh-CN")]
    [InlineData(Demo.Supervisor, "/registry", "zh-CN")]
    [InlineData(Demo.Registrar, "/registry", "en-US")]
    [InlineData(Demo.Manager, "/institution", "zh-CN")]
    [InlineData(Demo.User, "/institution", "en-US")]
    [InlineData(Demo.Applicant, "/institution", "zh-CN")]
    public async Task EachDemoRole_LogsIn_AndLandsOnItsHome_AxeClean(string email, string home, string locale)
    {
        var page = await fixture.NewPageAsync(locale);
        await page.GotoAsync(fixture.BaseUrl + "/account/login");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel(locale == "zh-CN" ? "电子邮箱" : "email address").FillAsync(email);
        await page.GetByLabel(locale == "zh-CN" ? "密码" : "password", new() { Exact = true }).FillAsync(PortalFactory.DemoPassword);
        await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseUrl + home);
        await page.Locator("h1").WaitForAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"home-{email.Split('@')[0]}-{locale}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
