using Microsoft.Playwright;
using Portal.Web.Tests.Support;

namespace Portal.Browser.Tests;

/// <summary>
/// 机关、群团赋码, clicked through in Chinese: an organ's staff member changes the address on its 《统一社会信用代码证书》, the
/// registrar accepts and approves, the organ downloads the new certificate, whose QR page says valid while the old one's says
/// superseded. axe on every page.
/// </summary>
public class AgencyBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [BrowserFact]
    public async Task AnOrgan_ChangesItsAddress_AndItsNewCertificateSaysValid()
    {
        const string address = "浙江省金华市浦江县浦阳街道和平南路2号";
        var organ = await fixture.LoginAsync(Demo.Organ);
        await organ.GotoAsync(fixture.BaseUrl + "/filings/new");
        await Axe.AssertNoSeriousViolationsAsync(organ);
        await organ.GetByRole(AriaRole.Button, new() { Name = "开始填写 统一社会信用代码证书变更" }).ClickAsync();
        await Assertions.Expect(organ.Locator("h1")).ToHaveTextAsync("统一社会信用代码证书变更");
        await Assertions.Expect(organ.GetByLabel("机构名称")).ToHaveValueAsync("浦江县人民政府办公室");

        await organ.GetByLabel("地址", new() { Exact = true }).FillAsync(address);
        await organ.SetInputFilesAsync("#material-ApplicationForm", new FilePayload { Name = "申请表.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await organ.SetInputFilesAsync("#material-AddressProof", new FilePayload { Name = "地址证明.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await organ.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).Last.ClickAsync();
        await Assertions.Expect(organ.GetByRole(AriaRole.Status)).ToContainTextAsync("文件已上传");
        await Axe.AssertNoSeriousViolationsAsync(organ);
        await organ.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "agency-change-zh.png"), FullPage = true });
        await organ.GetByRole(AriaRole.Button, new() { Name = "保存并核对提交" }).ClickAsync();
        await Assertions.Expect(organ.Locator("h1").First).ToHaveTextAsync("核对并提交");
        await Assertions.Expect(organ.Locator("tr.changed")).ToContainTextAsync(address);
        await Axe.AssertNoSeriousViolationsAsync(organ);
        await organ.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).ClickAsync();
        await Assertions.Expect(organ.GetByRole(AriaRole.Status)).ToContainTextAsync("申请已提交");

        // The certificate before the change, as the organ's list shows it.
        await organ.GotoAsync(fixture.BaseUrl + "/agency/certificates");
        var oldQr = await organ.Locator("[data-agency-certificates] tbody tr td.code a").First.GetAttributeAsync("href");

        var registrar = await fixture.LoginAsync(Demo.Registrar);
        await registrar.GotoAsync(fixture.BaseUrl + "/registry/filings");
        await registrar.GetByRole(AriaRole.Row).Filter(new() { HasText = "浦江县人民政府办公室" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(registrar.Locator("h1")).ToHaveTextAsync("统一社会信用代码证书变更");
        await Assertions.Expect(registrar.Locator("tr.changed")).ToContainTextAsync(address);
        await Axe.AssertNoSeriousViolationsAsync(registrar);
        await registrar.Locator("form[data-action=accept]").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(registrar.GetByRole(AriaRole.Status)).ToContainTextAsync("已受理");
        var approve = registrar.Locator("form[data-action=approve]");
        await approve.GetByRole(AriaRole.Checkbox).CheckAsync();
        await approve.GetByRole(AriaRole.Button, new() { Name = "核准登记" }).ClickAsync();
        await Assertions.Expect(registrar.GetByRole(AriaRole.Status)).ToContainTextAsync("已核准");

        // The organ downloads its new certificate: it prints the new address and its own wording.
        await organ.GotoAsync(fixture.BaseUrl + "/agency/certificates");
        await Axe.AssertNoSeriousViolationsAsync(organ);
        var newest = organ.Locator("[data-agency-certificates] tbody tr[data-status=Valid]");
        await Assertions.Expect(newest).ToHaveCountAsync(1);
        var download = await organ.RunAndWaitForDownloadAsync(() => newest.GetByRole(AriaRole.Link, new() { Name = "正本（PDF）" }).ClickAsync());
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await File.ReadAllBytesAsync(await download.PathAsync())))
        {
            var text = string.Concat(pdf.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty);
            Assert.Contains("统一社会信用代码证书", text);
            Assert.Contains("和平南路2号", text);
            Assert.Contains(await newest.Locator("td.code a").TextContentAsync() ?? "?", text);
        }

        // Its QR page says valid, in the agency family's wording; the old one says superseded and points to the new one.
        var newQr = await newest.Locator("td.code a").GetAttributeAsync("href");
        var phone = await fixture.NewPageAsync("zh-CN");
        await phone.SetViewportSizeAsync(320, 640);
        await phone.GotoAsync(fixture.BaseUrl + newQr);
        await Assertions.Expect(phone.Locator("[data-verdict]")).ToHaveAttributeAsync("data-verdict", "Valid");
        await Assertions.Expect(phone.Locator("[data-family]")).ToHaveTextAsync("统一社会信用代码证书 · 机关");
        await Axe.AssertNoSeriousViolationsAsync(phone);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "agency-verify-320.png"), FullPage = true });
        await phone.GotoAsync(fixture.BaseUrl + oldQr);
        await Assertions.Expect(phone.Locator("[data-verdict]")).ToHaveAttributeAsync("data-verdict", "Superseded");
        await phone.Locator("[data-successor]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-verdict]")).ToHaveAttributeAsync("data-verdict", "Valid");

        foreach (var page in new[] { organ, registrar, phone })
        {
            await page.Context.CloseAsync();
        }
    }
}
