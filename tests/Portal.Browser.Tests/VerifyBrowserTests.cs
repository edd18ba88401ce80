using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Certificates;
using Portal.Infrastructure.Data;

namespace Portal.Browser.Tests;

/// <summary>The scan: a phone opens a demo certificate's QR URL, in both languages, and reads a clear verdict.</summary>
public class VerifyBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserTheory]
    [InlineData("zh-CN", "有效")]
    [InlineData("en-US", "Valid")]
    public async Task ScanningADemoCertificate_OnAPhone_ShowsValid_AxeClean(string locale, string verdict)
    {
        var url = await QrUrlAsync(CertificateStatus.Valid);
        var page = await fixture.NewPageAsync(locale, new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync(fixture.BaseUrl + new Uri(url).PathAndQuery);
        await Assertions.Expect(page.Locator(".verdict-word")).ToHaveTextAsync(verdict);
        var box = await page.Locator(".verdict").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width <= 390, "the verdict fits the phone's width");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"verify-phone-{locale}.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task ScanningASupersededCertificate_LeadsToTheCurrentOne()
    {
        var url = await QrUrlAsync(CertificateStatus.Superseded);
        var page = await fixture.NewPageAsync("zh-CN", new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync(fixture.BaseUrl + new Uri(url).PathAndQuery);
        await Assertions.Expect(page.Locator(".verdict-word")).ToHaveTextAsync("已被新证书替代");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.Locator("[data-successor]").ClickAsync();
        await Assertions.Expect(page.Locator(".verdict-word")).ToHaveTextAsync("有效");
        await page.Context.CloseAsync();
    }

    private async Task<string> QrUrlAsync(CertificateStatus status)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Certificates
            .Where(c => c.Status == status).OrderBy(c => c.Number).Select(c => c.QrUrl).FirstAsync();
    }
}
