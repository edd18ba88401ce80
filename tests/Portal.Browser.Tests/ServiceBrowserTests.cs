using Microsoft.Playwright;
using Portal.Web.Tests.Support;

namespace Portal.Browser.Tests;

/// <summary>Issue 18 as a new clerk meets it: read the guide, take its form template, start the filing from it; track it without signing in.</summary>
public class ServiceBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task AClerkReadsTheGuide_DownloadsTheTemplate_AndStartsTheFilingFromIt()
    {
        var clerk = await fixture.LoginAsync(Demo.Applicant);
        await clerk.GotoAsync(fixture.BaseUrl + "/");
        await clerk.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "办事指南" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("办事指南");
        await Axe.AssertNoSeriousViolationsAsync(clerk);

        await clerk.GetByRole(AriaRole.Link, new() { Name = "事业单位法人设立登记" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("h1")).ToContainTextAsync("事业单位法人设立登记");
        await Axe.AssertNoSeriousViolationsAsync(clerk);
        await Assertions.Expect(clerk.Locator("[data-material][data-required=Always]")).ToHaveCountAsync(7);
        await Assertions.Expect(clerk.Locator("[data-office]").Filter(new() { HasText = "浦江县事业单位登记管理局" }).Locator("[data-promise]")).ToContainTextAsync("5 个工作日");

        var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.GetByRole(AriaRole.Link, new() { Name = "下载申请书样表（PDF）" }).ClickAsync());
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync())))
        {
            var text = string.Concat(pdf.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty);
            Assert.Contains("事业单位法人设立登记申请书", text);
            Assert.Contains("开办资金确认证明", text); // a material the guide lists is on the form's checklist
        }

        // 开始填写 leads to the one kind, where the office is chosen and the draft begins.
        await clerk.GetByRole(AriaRole.Link, new() { Name = "开始填写" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("main section")).ToHaveCountAsync(1);
        await Axe.AssertNoSeriousViolationsAsync(clerk);
        await clerk.GetByLabel("登记管理机关").SelectOptionAsync(new SelectOptionValue { Label = "浦江县事业单位登记管理局" });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "开始填写 设立登记" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("设立登记");
    }

    [BrowserFact]
    public async Task InEnglish_AGuideAndTheProgressLookup_ReadWell_AndAWrongPairSaysSoPlainly()
    {
        var page = await fixture.NewPageAsync("en-US");
        await page.GotoAsync(fixture.BaseUrl + "/services/change");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Change registration");
        await Assertions.Expect(page.Locator("[data-material='Attachment.DomicileProof']")).ToContainTextAsync("when the domicile changes");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync(fixture.BaseUrl + "/progress");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Application number").FillAsync("330726-2026-99999");
        await page.GetByLabel("Unified social credit code, or the mobile's last four digits").FillAsync("1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No submitted application matches");
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [BrowserFact]
    public async Task AtPhoneWidth_TheGuideNeverScrollsSideways()
    {
        var page = await fixture.NewPageAsync("zh-CN", new ViewportSize { Width = 320, Height = 800 });
        await page.GotoAsync(fixture.BaseUrl + "/services/agency-reissue");
        foreach (var path in new[] { "/services", "/services/agency-reissue", "/services/change", "/progress" })
        {
            await page.GotoAsync(fixture.BaseUrl + path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the phone");
        }
    }
}
