using Microsoft.Playwright;
using Portal.Web.Tests.Support;

namespace Portal.Browser.Tests;

/// <summary>Issue 14, as a clerk meets it: nothing typed is lost by saving a half-done draft, by uploading, or by reloading.</summary>
public class TypedInputBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [BrowserFact]
    public async Task TypeThenUpload_EveryValueIsStillThere_AndAHalfDoneDraftSurvivesAReload()
    {
        var page = await fixture.LoginAsync(Demo.Applicant);
        await page.GotoAsync(fixture.BaseUrl + "/filings/new");
        await page.GetByRole(AriaRole.Region, new() { Name = "设立登记" }).GetByLabel("登记管理机关").SelectOptionAsync(new SelectOptionValue { Label = "浦江县事业单位登记管理局" });
        await page.GetByRole(AriaRole.Button, new() { Name = "开始填写 设立登记" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("设立登记");

        // Half the form, one mistyped amount, then a file in its slot and 上传.
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("浦江县上传不丢字中心");
        await page.GetByLabel("宗旨和业务范围").FillAsync("为全县提供测试服务。");
        await page.GetByLabel("开办资金（万元）").FillAsync("12,5");
        await page.Locator("#Explanation").FillAsync("先上传申请书，其余稍后补。");
        await page.SetInputFilesAsync("#material-ApplicationForm", new FilePayload { Name = "申请书.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.Locator("#material-ApplicationForm ~ button").ClickAsync();

        // The file is attached; every typed value is still in its field; the bad amount has its message beside it.
        await Assertions.Expect(page.Locator("#material-ApplicationForm").Locator("xpath=ancestor::div[contains(@class,'material-slot')]").Locator("a[download]")).ToHaveTextAsync("申请书.pdf");
        await Assertions.Expect(page.GetByLabel("名称", new() { Exact = true })).ToHaveValueAsync("浦江县上传不丢字中心");
        await Assertions.Expect(page.GetByLabel("宗旨和业务范围")).ToHaveValueAsync("为全县提供测试服务。");
        await Assertions.Expect(page.Locator("#Explanation")).ToHaveValueAsync("先上传申请书，其余稍后补。");
        await Assertions.Expect(page.GetByLabel("开办资金（万元）")).ToHaveValueAsync("12,5");
        await Assertions.Expect(page.Locator("#StartupCapital-error")).ToContainTextAsync("开办资金");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "filing-edit-errors-zh.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "filing-edit-errors-390.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await page.SetViewportSizeAsync(1280, 900);

        // A reload (or coming back tomorrow) brings back exactly what was typed.
        await page.GotoAsync(page.Url.Split('#')[0]);
        await Assertions.Expect(page.GetByLabel("名称", new() { Exact = true })).ToHaveValueAsync("浦江县上传不丢字中心");
        await Assertions.Expect(page.GetByLabel("开办资金（万元）")).ToHaveValueAsync("12,5");
        await Assertions.Expect(page.Locator("#Explanation")).ToHaveValueAsync("先上传申请书，其余稍后补。");

        // The summary's link takes the keyboard to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并核对提交" }).ClickAsync();
        await page.Locator("#error-summary a[href='#Domicile']").ClickAsync();
        await Assertions.Expect(page.GetByLabel("住所", new() { Exact = true })).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task TheAnnualReportRestoreBanner_ShowsOnlyForReallyUnsavedInput_AndGoesAfterASave()
    {
        var page = await fixture.LoginAsync(Demo.Manager);
        await page.GotoAsync(fixture.BaseUrl + "/annual-reports");
        await page.Locator("form[action='/annual-reports/start'] button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("年度报告");
        var edit = page.Url.Split('#')[0];
        await Assertions.Expect(page.Locator("[data-keep-note]")).ToHaveCountAsync(0);

        // Typed, not saved, then the page is opened again (a session that expired): the banner and the text come back.
        await page.GetByLabel("开展业务活动情况").FillAsync("未保存的内容：全年服务农户3200户。");
        await page.GotoAsync(edit);
        await Assertions.Expect(page.Locator("[data-keep-note]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("开展业务活动情况")).ToHaveValueAsync("未保存的内容：全年服务农户3200户。");

        // Saved: the browser's copy is discarded; later visits show the saved report and no banner.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已保存");
        await Assertions.Expect(page.Locator("[data-keep-note]")).ToHaveCountAsync(0);
        await page.GotoAsync(edit);
        await Assertions.Expect(page.Locator("[data-keep-note]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("开展业务活动情况")).ToHaveValueAsync("未保存的内容：全年服务农户3200户。");
        Assert.Null(await page.EvaluateAsync<string?>("k => window.localStorage.getItem(k)", "portal.keep.report-" + edit.Split('/')[^2]));
        await page.Context.CloseAsync();
    }
}
