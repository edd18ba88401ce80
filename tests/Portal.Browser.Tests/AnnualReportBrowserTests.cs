using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Browser.Tests;

public class AnnualReportBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [BrowserFact]
    public async Task InstitutionFillsAndSubmits_RegistrarPublishes_ItAppearsOnThePublicPage_AxeClean()
    {
        var page = await fixture.LoginAsync(Demo.Manager);
        await page.GotoAsync(fixture.BaseUrl + "/annual-reports");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Locator("form[action='/annual-reports/start'] button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("年度报告");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("开展业务活动情况").FillAsync("全年完成乡村振兴技术服务项目42个，培训农技人员1300人次。");
        await page.GetByLabel("净资产合计（年初数）").FillAsync("50.00");
        await page.GetByLabel("净资产合计（年末数）").FillAsync("58.35");
        await page.GetByLabel("确认人姓名").FillAsync("王立群");
        await page.GetByLabel("确认人职务").FillAsync("局长");
        await page.GetByLabel("确认日期").FillAsync(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已保存");
        foreach (var kind in new[] { "年末资产负债表", "举办单位签章的确认书" })
        {
            await page.GetByLabel("材料类型").SelectOptionAsync(new SelectOptionValue { Label = kind });
            await page.SetInputFilesAsync("#file", new FilePayload { Name = kind + ".pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("文件已上传");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "report-edit-zh.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "报送年度报告" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("年度报告已报送");
        var reportUrl = page.Url;
        var reportId = reportUrl.Split('/').Last();

        var registrar = await fixture.LoginAsync(Demo.Registrar);
        await registrar.GotoAsync(fixture.BaseUrl + "/registry/reports");
        await Axe.AssertNoSeriousViolationsAsync(registrar);
        await registrar.GotoAsync(fixture.BaseUrl + "/registry/reports/" + reportId);
        await Axe.AssertNoSeriousViolationsAsync(registrar);
        await registrar.Locator("form[data-action=publish] button[type=submit]").ClickAsync();
        await Assertions.Expect(registrar.GetByRole(AriaRole.Status).First).ToContainTextAsync("已公示");

        string code;
        using (var scope = fixture.Services.CreateScope())
        {
            code = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.Where(i => i.Current.Name == "浦江县乡村振兴技术服务中心").Select(i => i.Code).SingleAsync();
        }

        var visitor = await fixture.NewPageAsync("zh-CN");
        await visitor.GotoAsync(fixture.BaseUrl + "/register/" + code);
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        await visitor.Locator("[data-public-reports] a").First.ClickAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("全年完成乡村振兴技术服务项目42个");
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "report-public-zh.png"), FullPage = true });

        foreach (var p in new[] { page, registrar, visitor })
        {
            await p.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task WhatWasTyped_SurvivesAnExpiredSession()
    {
        var page = await fixture.LoginAsync(Demo.User);
        await page.GotoAsync(fixture.BaseUrl + "/annual-reports");
        var start = page.Locator("form[action='/annual-reports/start'] button");
        if (await start.CountAsync() > 0)
        {
            await start.ClickAsync();
        }
        else
        {
            // The class's other test may have published this year's report already: then correct it.
            await page.Locator("table a").First.ClickAsync();
            var fill = page.GetByRole(AriaRole.Link, new() { Name = "填写报告" });
            if (await fill.CountAsync() > 0)
            {
                await fill.ClickAsync();
            }
            else
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "更正已公示的报告" }).ClickAsync();
            }
        }

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("年度报告");
        var editUrl = page.Url;
        await page.GetByLabel("开展业务活动情况").FillAsync("这段文字在会话过期后不应丢失。");

        // The session ends (cookies gone) before the user saves: saving leads to the login page.
        await page.Context.ClearCookiesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await page.GotoAsync(fixture.BaseUrl + "/account/login?ReturnUrl=" + Uri.EscapeDataString(new Uri(editUrl).PathAndQuery));
        await page.GetByLabel("电子邮箱").FillAsync(Demo.User);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(PortalFactory.DemoPassword);
        await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(editUrl);
        await Assertions.Expect(page.GetByLabel("开展业务活动情况")).ToHaveValueAsync("这段文字在会话过期后不应丢失。");
        await page.Context.CloseAsync();
    }
}
