using System.Net;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Staff two-factor as in production (Portal:RequireStaffTwoFactor = true).</summary>
public class TwoFactorTests(StrictPortalFactory factory) : IClassFixture<StrictPortalFactory>
{
    [Theory]
    [InlineData(Demo.Supervisor, "/registry")]
    [InlineData(Demo.Admin, "/admin")]
    public async Task StaffWithoutTwoFactor_AreSentToEnrol(string email, string page)
    {
        using var client = factory.Client();
        await client.LoginOkAsync(email);
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/two-factor?required=true", response.Headers.Location?.OriginalString);
        var enrol = await client.PageAsync("/account/two-factor?required=true");
        Assert.NotNull(enrol.QuerySelector("[data-shared-key]"));
        var svg = enrol.QuerySelector(".qr-box svg");
        Assert.NotNull(svg);
        Assert.Empty(svg.QuerySelectorAll("[style]")); // the CSP forbids inline styles: the QR must not rely on them
        Assert.Null(svg.GetAttribute("style"));
    }

    [Fact]
    public async Task InstitutionUsers_AreNotForcedToEnrol()
    {
        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Manager);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/institution")).StatusCode);
    }

    [Fact]
    public async Task Enrolling_OpensTheBackOffice_AndTheNextLoginAsksForACode()
    {
        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Registrar);
        var enrol = await client.PageAsync("/account/two-factor?required=true");
        var key = enrol.QuerySelector("[data-shared-key]")!.TextContent;

        var wrong = await client.SubmitAsync("/account/two-factor", "/account/two-factor/enable", new Dictionary<string, string> { ["Password"] = PortalFactory.DemoPassword, ["Code"] = "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync());

        var enabled = await client.SubmitAsync("/account/two-factor", "/account/two-factor/enable", new Dictionary<string, string> { ["Password"] = PortalFactory.DemoPassword, ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var enabledPage = PortalClient.Parse(await enabled.Content.ReadAsStringAsync());
        var recoveryCodes = enabledPage.QuerySelectorAll("[data-recovery-code]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/registry")).StatusCode);

        // A new session: password, then the authenticator code.
        using var next = factory.Client();
        var login = await next.LoginAsync(Demo.Registrar);
        Assert.StartsWith("/account/login-2fa", login.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/registry")).StatusCode); // not signed in yet
        // The enrolment code's step is spent (codes are single-use): the next step's code, within the ±1 window.
        var verified = await next.SubmitAsync("/account/login-2fa", "/account/login-2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        Assert.Equal("/registry", verified.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/registry")).StatusCode);

        // A recovery code works once.
        using var third = factory.Client();
        await third.LoginAsync(Demo.Registrar);
        var recovered = await third.SubmitAsync("/account/login-recovery", "/account/login-recovery", new Dictionary<string, string> { ["RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal("/registry", recovered.Headers.Location?.OriginalString);
        using var fourth = factory.Client();
        await fourth.LoginAsync(Demo.Registrar);
        var reused = await fourth.SubmitAsync("/account/login-recovery", "/account/login-recovery", new Dictionary<string, string> { ["RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("验证码不正确", await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TwoFactorCodes_AreSingleUse_AndAcceptedOnlyWithinOneStep()
    {
        await factory.AddInstitutionUserAsync("浦江县融媒体中心", "totp.user@test.portal");
        using var client = factory.Client();
        await client.LoginOkAsync("totp.user@test.portal");
        var key = (await client.PageAsync("/account/two-factor")).QuerySelector("[data-shared-key]")!.TextContent;
        if (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30 > 20)
        {
            await Task.Delay(TimeSpan.FromSeconds(11)); // start early in a step, so the checks below all fall in it
        }

        var now = DateTimeOffset.UtcNow;
        var enabled = await client.SubmitAsync("/account/two-factor", "/account/two-factor/enable", new Dictionary<string, string> { ["Password"] = PortalFactory.DemoPassword, ["Code"] = Totp.Code(key, now) });
        Assert.Contains("data-recovery-code", await enabled.Content.ReadAsStringAsync());

        async Task<bool> LoginWithAsync(string code)
        {
            using var c = factory.Client();
            Assert.StartsWith("/account/login-2fa", (await c.LoginAsync("totp.user@test.portal")).Headers.Location?.OriginalString);
            var r = await c.SubmitAsync("/account/login-2fa", "/account/login-2fa", new Dictionary<string, string> { ["Code"] = code });
            return r.StatusCode == HttpStatusCode.Redirect;
        }

        Assert.False(await LoginWithAsync(Totp.Code(key, now)));                  // the same code again: refused
        Assert.False(await LoginWithAsync(Totp.Code(key, now.AddSeconds(-60))));  // two steps old: refused
        Assert.False(await LoginWithAsync(Totp.Code(key, now.AddSeconds(60))));   // two steps ahead: outside the window
        Assert.True(await LoginWithAsync(Totp.Code(key, now.AddSeconds(30))));    // the next step: accepted once
        Assert.False(await LoginWithAsync(Totp.Code(key, now.AddSeconds(30))));   // … and only once
    }

    [Fact]
    public async Task TurningOnTwoFactor_EndsTheAccountsOtherSessions()
    {
        await factory.AddInstitutionUserAsync("浦江县实验小学", "two.sessions@test.portal");
        using var laptop = factory.Client();
        using var phone = factory.Client();
        await laptop.LoginOkAsync("two.sessions@test.portal");
        await phone.LoginOkAsync("two.sessions@test.portal");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/institution")).StatusCode);

        var key = (await laptop.PageAsync("/account/two-factor")).QuerySelector("[data-shared-key]")!.TextContent;
        await laptop.SubmitAsync("/account/two-factor", "/account/two-factor/enable", new Dictionary<string, string> { ["Password"] = PortalFactory.DemoPassword, ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/institution")).StatusCode); // signed out
    }
}
