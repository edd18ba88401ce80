using Microsoft.Playwright;
using Portal.Web.Tests.Support;

namespace Portal.Browser.Tests;

public class StatisticsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task ASupervisor_OpensTheYearsStatistics_SeesChartsInBothLanguages_AndCopiesTheSentence()
    {
        var page = await fixture.LoginAsync(Demo.Supervisor);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = fixture.BaseUrl });
        await page.GotoAsync(fixture.BaseUrl + "/registry");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "统计", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("业务统计");
        await Assertions.Expect(page.Locator("svg.chart[role=img]")).ToHaveCountAsync(3);
        await Axe.AssertNoSeriousViolationsAsync(page);

        var sentence = (await page.Locator("[data-sentence='zh-CN']").TextContentAsync())!.Trim();
        Assert.Matches(@"^\d{4}年，办理事业单位设立登记\d+家", sentence);
        await page.GetByRole(AriaRole.Button, new() { Name = "复制中文" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-copied]")).ToBeVisibleAsync();
        Assert.Equal(sentence, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "statistics-zh.png"), FullPage = true });

        // Last year, then in English.
        await page.Locator("#preset").SelectOptionAsync("last-year");
        await page.Locator("form[data-period] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-sentence='zh-CN']")).ToContainTextAsync((DateTime.UtcNow.AddHours(8).Year - 1) + "年，");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Statistics");
        await Assertions.Expect(page.Locator("svg.chart title").First).ToHaveTextAsync("Registrations approved per month");
        await Assertions.Expect(page.Locator("[data-sentence='en']")).ToContainTextAsync("the office registered");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "statistics-en.png"), FullPage = true });

        // A figure opens the records it counts.
        await page.Locator("[data-sentence='en'] a[data-figure]").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Setups approved");
        await Axe.AssertNoSeriousViolationsAsync(page);

        // The import page a supervisor starts from, with its column guide open.
        await page.GotoAsync(fixture.BaseUrl + "/registry/import");
        await page.Locator("details summary").ClickAsync();
        await Assertions.Expect(page.Locator("details table")).ToContainTextAsync("legal_representative_id");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
