using Microsoft.Playwright;
using Portal.Web.Tests.Support;

namespace Portal.Browser.Tests;

/// <summary>
/// The heart of the portal, clicked through in Chinese: an applicant files a setup with its materials,
/// the registrar returns it for a supplement, the applicant fixes and resubmits, the registrar accepts
/// and approves, and the new institution appears on the public announcements page. axe on every page.
/// </summary>
public class FilingBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [BrowserFact]
    public async Task Setup_ReturnedFixedResubmittedApproved_AppearsInAnnouncements()
    {
        const string name = "浦江县数据资源服务中心";
        var applicant = await fixture.LoginAsync(Demo.Applicant);

        // Start a setup filing.
        await applicant.GotoAsync(fixture.BaseUrl + "/filings/new");
        await Axe.AssertNoSeriousViolationsAsync(applicant);
        await applicant.GetByRole(AriaRole.Region, new() { Name = "设立登记" }).GetByLabel("登记管理机关").SelectOptionAsync(new SelectOptionValue { Label = "浦江县事业单位登记管理局" });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "开始填写 设立登记" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("h1")).ToHaveTextAsync("设立登记");

        // Fill in the items and save.
        await applicant.GetByLabel("名称", new() { Exact = true }).FillAsync(name);
        await applicant.GetByLabel("住所", new() { Exact = true }).FillAsync("浙江省金华市浦江县浦阳街道通江路8号");
        await applicant.GetByLabel("宗旨和业务范围").FillAsync("为全县数据资源管理提供技术保障。数据归集治理；公共数据开放；数据安全技术支持。");
        await applicant.GetByLabel("法定代表人", new() { Exact = true }).FillAsync("钱立新");
        await applicant.GetByLabel("法定代表人身份证号码").FillAsync(Portal.Domain.Common.ResidentIdNumber.WithCheck("33072619840512331"));
        await applicant.GetByLabel("经费来源").SelectOptionAsync("FULL");
        await applicant.GetByLabel("开办资金（万元）").FillAsync("60");
        await applicant.GetByLabel("举办单位").FillAsync("浦江县人民政府办公室");
        await applicant.GetByLabel("批准文件文号").FillAsync("浦编〔2026〕15号");
        await applicant.GetByLabel("批准日期").FillAsync("2026-02-26");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存");
        await Axe.AssertNoSeriousViolationsAsync(applicant);

        // Attach the seven required materials, each in its own slot: all chosen, then one save.
        foreach (var kind in new[] { "ApplicationForm", "DraftCharter", "ApprovalDocument", "LegalRepresentativeAppointment", "LegalRepresentativeId", "CapitalConfirmation", "DomicileProof" })
        {
            await applicant.SetInputFilesAsync("#material-" + kind, new FilePayload { Name = kind + ".pdf", MimeType = "application/pdf", Buffer = Pdf });
        }

        await applicant.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).Last.ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Status)).ToContainTextAsync("文件已上传");
        await Assertions.Expect(applicant.Locator(".material-slot a[download]")).ToHaveCountAsync(7);

        // Review and submit.
        await applicant.GetByRole(AriaRole.Button, new() { Name = "保存并核对提交" }).ClickAsync();
        await Assertions.Expect(applicant.Locator("h1").First).ToHaveTextAsync("核对并提交");
        await Axe.AssertNoSeriousViolationsAsync(applicant);
        await applicant.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "filing-confirm-zh.png"), FullPage = true });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Status)).ToContainTextAsync("申请已提交");
        var filingUrl = applicant.Url;

        // The registrar returns it with one complete list.
        var registrar = await fixture.LoginAsync(Demo.Registrar);
        await registrar.GotoAsync(fixture.BaseUrl + "/registry/filings");
        await Axe.AssertNoSeriousViolationsAsync(registrar);
        await registrar.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(registrar.Locator("h1")).ToHaveTextAsync("设立登记");
        await Axe.AssertNoSeriousViolationsAsync(registrar);
        await registrar.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "filing-review-zh.png"), FullPage = true });
        var returnForm = registrar.Locator("form[data-action=return]");
        await returnForm.GetByLabel("材料：住所证明").CheckAsync();
        await returnForm.GetByLabel("说明（可选）").FillAsync("住所证明须为房产证或一年以上租赁合同。");
        await returnForm.GetByRole(AriaRole.Button, new() { Name = "退回补正" }).ClickAsync();
        await Assertions.Expect(registrar.GetByRole(AriaRole.Status)).ToContainTextAsync("已退回补正");

        // The applicant sees the list at the top, and downloads the written notice (补正材料通知书) from the timeline.
        await applicant.GotoAsync(filingUrl);
        await Assertions.Expect(applicant.Locator("[data-return-checklist]")).ToContainTextAsync("材料：住所证明");
        await Axe.AssertNoSeriousViolationsAsync(applicant);
        var notice = await Download(applicant, applicant.Locator("[data-instrument=Supplement] a"));
        Assert.StartsWith("补正材料通知书-", notice.Name);
        Assert.Contains("住所证明须为房产证或一年以上租赁合同", notice.Text);
        await applicant.ReloadAsync();
        await Assertions.Expect(applicant.Locator("[data-instrument=Supplement]")).ToContainTextAsync("已送达");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "填写申请" }).ClickAsync();
        await applicant.SetInputFilesAsync("#material-DomicileProof", new FilePayload { Name = "租赁合同.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await applicant.Locator("#material-DomicileProof ~ button").ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Status)).ToContainTextAsync("文件已上传");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "保存并核对提交" }).ClickAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "确认重新提交" }).ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Status)).ToContainTextAsync("已重新提交");

        // The registrar accepts and approves.
        await registrar.ReloadAsync();
        await registrar.Locator("form[data-action=accept]").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(registrar.GetByRole(AriaRole.Status)).ToContainTextAsync("已受理");
        var approve = registrar.Locator("form[data-action=approve]");
        await approve.GetByRole(AriaRole.Checkbox).CheckAsync();
        await approve.GetByRole(AriaRole.Button, new() { Name = "核准登记" }).ClickAsync();
        await Assertions.Expect(registrar.GetByRole(AriaRole.Status)).ToContainTextAsync("已核准");
        await Axe.AssertNoSeriousViolationsAsync(registrar);

        // The registrar's timeline carries the notice of acceptance and the decision; the applicant has all three in the documents list.
        await Assertions.Expect(registrar.Locator("[data-instrument=Acceptance]")).ToContainTextAsync("受理通知书");
        await Assertions.Expect(registrar.Locator("[data-instrument=Approval]")).ToContainTextAsync("准予登记决定书");
        await applicant.GotoAsync(fixture.BaseUrl + "/institution/documents");
        await Assertions.Expect(applicant.Locator("tbody tr")).ToHaveCountAsync(3);
        await Axe.AssertNoSeriousViolationsAsync(applicant);
        var decision = await Download(applicant, applicant.Locator("tr[data-document=Approval] a[data-number]"));
        Assert.Contains("准予设立登记", decision.Text);
        var number = System.Text.RegularExpressions.Regex.Match(decision.Text, "事登准〔\\d{4}〕\\d+号").Value;
        var checkCode = System.Text.RegularExpressions.Regex.Match(decision.Text, "核验码：([0-9A-Z]{5}-[0-9A-Z]{5})").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(number) || string.IsNullOrEmpty(checkCode), decision.Text);

        // The public sees the announcement.
        var visitor = await fixture.NewPageAsync("zh-CN");
        await visitor.GotoAsync(fixture.BaseUrl + "/announcements");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = name + "设立登记公告" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "announcements-zh.png"), FullPage = true });

        // Anyone confirms the decision by its number and check code, as printed on it.
        await visitor.GotoAsync(fixture.BaseUrl + "/documents/check");
        await visitor.GetByLabel("文号").FillAsync(number);
        await visitor.GetByLabel("核验码").FillAsync(checkCode);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查验" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("[data-document-authentic]")).ToContainTextAsync("准予登记决定书");
        await Assertions.Expect(visitor.Locator("[data-document-authentic]")).ToContainTextAsync(number);
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "document-check-zh.png"), FullPage = true });

        foreach (var page in new[] { applicant, registrar, visitor })
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Clicks a link that downloads a PDF and reads it back: its file name and its text.</summary>
    private static async Task<(string Name, string Text)> Download(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await File.ReadAllBytesAsync(path));
        var text = string.Concat(pdf.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty);
        return (download.SuggestedFilename, text);
    }
}
