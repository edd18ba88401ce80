using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public sealed class ClockedPortalFactory : PortalFactory
{
    public ClockedPortalFactory()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }
}

public sealed class TightAuthLimitFactory : PortalFactory
{
    public TightAuthLimitFactory()
    {
        Settings["RateLimits:AuthPerAddressPerMinute"] = "8";
        Settings["RateLimits:AuthPerAccountPer15Minutes"] = "4";
    }
}

public class SessionSecurityTests(ClockedPortalFactory factory) : IClassFixture<ClockedPortalFactory>
{
    [Fact]
    public async Task BackOfficeSessions_EndAfter30MinutesIdle()
    {
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        factory.Clock!.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await registrar.GetAsync("/registry")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await registrar.GetAsync("/registry");
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.Contains("/account/login", idle.Headers.Location!.ToString());

        // Institution users are not held to the back-office limit.
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        factory.Clock.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/institution")).StatusCode);
    }

    [Fact]
    public async Task BackOfficeSessions_EndTwelveHoursAfterLogin_EvenWhenBusy()
    {
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        for (var elapsed = 25; elapsed < 12 * 60; elapsed += 25)
        {
            factory.Clock!.Advance(TimeSpan.FromMinutes(25)); // busy: never 30 minutes idle
            var r = await supervisor.GetAsync("/registry");
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"after {elapsed} minutes: {r.StatusCode} {r.Headers.Location}");
        }

        factory.Clock!.Advance(TimeSpan.FromMinutes(25)); // now past 12 hours
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.GetAsync("/registry")).StatusCode);
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessionsAtOnce()
    {
        await factory.AddInstitutionUserAsync("浦江县图书馆", "to.disable@test.portal");
        using var user = factory.Client();
        await user.LoginOkAsync("to.disable@test.portal");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/institution")).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = await users.FindByEmailAsync("to.disable@test.portal");
            await users.SetLockoutEndDateAsync(account!, DateTimeOffset.MaxValue);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/institution")).StatusCode); // the very next request
    }

    [Fact]
    public async Task APasswordResetLink_ExpiresAfterTwoHours()
    {
        // (That a used link does not work twice: AuthenticationTests.ForgottenPassword_SendsALinkThatResetsThePassword.)
        await factory.AddInstitutionUserAsync("浦江县第二中学", "reset.me@test.portal");
        using var client = factory.Client();
        await client.SubmitAsync("/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = "reset.me@test.portal" });
        await factory.ResetLinksSentAsync();
        string body;
        using (var scope = factory.Services.CreateScope())
        {
            body = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.SingleAsync(m => m.To == "reset.me@test.portal" && m.Kind == "password-reset")).Body;
        }

        var link = new Uri(System.Text.RegularExpressions.Regex.Match(body, @"http://\S+/account/reset-password\?\S+").Value);
        factory.Clock!.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var late = await client.SubmitAsync(link.PathAndQuery, "/account/reset-password", new Dictionary<string, string>
        {
            ["Email"] = "reset.me@test.portal",
            ["Code"] = System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!,
            ["Password"] = "a brand new passphrase",
            ["ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("重置链接无效或已过期", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DataProtectionKeys_AreInTheDatabase_EncryptedAtRest()
    {
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager); // the cookie needs a key
        using var scope = factory.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<value>", xml); // an unprotected key carries its secret in <value>
        });
    }
}

public sealed class TightAddressLimitFactory : PortalFactory
{
    public TightAddressLimitFactory()
    {
        Settings["RateLimits:AuthPerAddressPerMinute"] = "8";
    }
}

public class AuthRateLimitTests(TightAuthLimitFactory factory) : IClassFixture<TightAuthLimitFactory>
{
    [Fact]
    public async Task LoginAttemptsForOneAccount_AreLimited_With429AndRetryAfter()
    {
        using var client = factory.Client();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await client.LoginAsync(Demo.User, "not the password " + i);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Contains("尝试次数过多", await last.Content.ReadAsStringAsync());

        // Even the right password waits now: the limit is on attempts, not failures.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.LoginAsync(Demo.User)).StatusCode);
    }

}

public class AddressRateLimitTests(TightAddressLimitFactory factory) : IClassFixture<TightAddressLimitFactory>
{
    [Fact]
    public async Task AuthenticationPostsFromOneAddress_AreLimited_With429()
    {
        using var client = factory.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await client.LoginAsync($"nobody{i}@example.org", "whatever password")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
    }
}
