using Microsoft.Playwright;
using Portal.Web.Tests.Support;

namespace Portal.Browser.Tests;

/// <summary>At 320 px (the narrowest phone in use) no page reachable from a role's navigation scrolls sideways.</summary>
public class PhoneWidthBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 320, Height = 740 };

    /// <summary>List pages whose first record is opened too (the filing page and its edit page were the worst).</summary>
    private static readonly string[] OpenFirstRecordOf = ["/filings", "/registry/filings", "/registry/institutions", "/registry/reports", "/register"];

    [BrowserTheory]
    [InlineData(null, "zh-CN")]
    [InlineData(Demo.Applicant, "zh-CN")]
    [InlineData(Demo.Manager, "zh-CN")]
    [InlineData(Demo.User, "en-US")]
    [InlineData(Demo.Registrar, "zh-CN")]
    [InlineData(Demo.Supervisor, "en-US")]
    [InlineData(Demo.Admin, "zh-CN")]
    public async Task EveryNavigationPage_FitsA320PixelScreen(string? email, string locale)
    {
        var page = email is null ? await fixture.NewPageAsync(locale, Phone) : await fixture.LoginAsync(email, locale);
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.GotoAsync(fixture.BaseUrl + "/");
        var pages = (await page.Locator("header a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Where(h => !h.StartsWith("/culture", StringComparison.Ordinal))
            .Prepend("/")
            .Distinct()
            .ToList();
        Assert.True(pages.Count >= 5, $"the navigation has only {pages.Count} links");

        foreach (var list in OpenFirstRecordOf.Where(pages.Contains).ToList())
        {
            await page.GotoAsync(fixture.BaseUrl + list);
            var first = page.Locator("main table a[href^='/'], main .list-group a[href^='/']").First;
            if (await first.CountAsync() > 0 && await first.GetAttributeAsync("href") is { } href)
            {
                pages.Add(href);
                if (list == "/filings")
                {
                    pages.Add(href + "/edit"); // redirects to the filing when it is not editable: still a page to check
                }
            }
        }

        var tooWide = new List<string>();
        foreach (var path in pages)
        {
            var response = await page.GotoAsync(fixture.BaseUrl + path);
            Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
            var (scroll, inner) = await WidthsAsync(page);
            if (scroll > inner)
            {
                var culprit = await page.EvaluateAsync<string>(Culprit);
                tooWide.Add($"{path}: scrollWidth {scroll} > innerWidth {inner} ({culprit})");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"phone-{email?.Split('@')[0] ?? "public"}-{path.Trim('/').Replace('/', '-')}.png"), FullPage = true });
            }
        }

        Assert.True(tooWide.Count == 0, "pages that scroll sideways at 320 px:\n" + string.Join("\n", tooWide));
        await page.Context.CloseAsync();
    }

    private static async Task<(int Scroll, int Inner)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>The widest element that sticks out on the right, to name in the failure.</summary>
    private const string Culprit = """
        () => {
          let worst = null, right = window.innerWidth;
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.right > right + 0.5) { right = r.right; worst = el; }
          }
          return worst ? worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '') + '.' + [...worst.classList].join('.') + ' right=' + Math.round(right) : 'none';
        }
        """;
}
