using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Portal.Web.Tests.Support;

/// <summary>
/// The app as an office runs it: Production, reached over HTTPS at its public address, staff two-factor
/// required, on a clock the test moves. Clients come from <see cref="HttpsClients.Client(HttpsProductionFactory)"/>.
/// </summary>
public class HttpsProductionFactory : PortalFactory
{
    public static readonly Uri PublicAddress = new("https://portal.example");

    public HttpsProductionFactory()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 10, TimeSpan.Zero));
        Settings["Portal:RequireStaffTwoFactor"] = "true";
        Settings["Portal:PublicBaseUrl"] = PublicAddress.ToString().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public static class HttpsClients
{
    /// <summary>A browser-like client of the public HTTPS address.</summary>
    public static PortalClient Client(this HttpsProductionFactory factory) =>
        new(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = HttpsProductionFactory.PublicAddress,
        }));

    /// <summary>Enrols <paramref name="email"/> in two-factor (password + first code) and returns the authenticator key.</summary>
    public static async Task<string> EnrolTwoFactorAsync(this PortalClient client, string email, FakeTimeProvider clock)
    {
        await client.LoginOkAsync(email);
        var key = (await client.PageAsync("/account/two-factor?required=true")).QuerySelector("[data-shared-key]")!.TextContent;
        var enabled = await client.SubmitAsync("/account/two-factor", "/account/two-factor/enable", new Dictionary<string, string>
        {
            ["Password"] = PortalFactory.DemoPassword,
            ["Code"] = Totp.Code(key, clock.GetUtcNow()),
        });
        Assert.Contains("data-recovery-code", await enabled.Content.ReadAsStringAsync());
        clock.Advance(TimeSpan.FromSeconds(30)); // the enrolment code's step is spent
        return key;
    }

    /// <summary>A fresh session: password, then the current code.</summary>
    public static async Task LoginWithCodeAsync(this PortalClient client, string email, string key, FakeTimeProvider clock)
    {
        var login = await client.LoginAsync(email);
        Assert.StartsWith("/account/login-2fa", login.Headers.Location?.OriginalString);
        var verified = await client.SubmitAsync("/account/login-2fa", "/account/login-2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key, clock.GetUtcNow()) });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, verified.StatusCode);
        clock.Advance(TimeSpan.FromSeconds(30));
    }
}
