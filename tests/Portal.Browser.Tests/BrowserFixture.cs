using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Portal.Web.Tests.Support;

namespace Portal.Browser.Tests;

/// <summary>The real app on Kestrel at a free loopback port over a temporary database, and one headless chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private PortalFactory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app is not running.");

    public static string ScreenshotFolder
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        if (!BrowserEnvironment.ChromiumAvailable && !BrowserEnvironment.Required)
        {
            return;
        }

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _factory = new PortalFactory();
        _factory.Settings["Portal:PublicBaseUrl"] = BaseUrl; // links and QR codes point where the browser is
        _factory.UseKestrel(port);
        _factory.StartServer();

        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(30_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(string locale, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: CI shares two cores between the app, the browser and the test host.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as <paramref name="email"/> with the demo password, through the real login form.</summary>
    public async Task<IPage> LoginAsync(string email, string locale = "zh-CN")
    {
        var page = await NewPageAsync(locale);
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.GetByLabel(locale == "zh-CN" ? "电子邮箱" : "email address").FillAsync(email);
        await page.GetByLabel(locale == "zh-CN" ? "密码" : "password", new() { Exact = true }).FillAsync(Portal.Web.Tests.Support.PortalFactory.DemoPassword);
        await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();
        await page.Locator("h1").WaitForAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _factory?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
