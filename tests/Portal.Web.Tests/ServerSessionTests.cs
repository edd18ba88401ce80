using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>
/// Issue 12, finding 2: logging out only deleted the cookie in the browser; a kept copy still opened the
/// back office. Sessions are now held on the server and logout ends them there.
/// </summary>
public class ServerSessionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string> Roles => new()
    {
        { Demo.Admin, "/admin" },
        { Demo.Supervisor, "/registry" },
        { Demo.Registrar, "/registry" },
        { Demo.CityRegistrar, "/registry" },
        { Demo.Manager, "/institution" },
        { Demo.User, "/institution" },
        { Demo.Applicant, "/institution" },
    };

    /// <summary>The session cookie(s) a response sets, as a Cookie header value (the auth cookie may be chunked).</summary>
    private static string AuthCookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("portal.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));

    private async Task<HttpResponseMessage> WithCookieAsync(string cookie, string path)
    {
        using var bare = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await bare.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task AfterLogout_ACopyOfTheSessionCookie_GetsTheLoginPage(string email, string home)
    {
        using var client = factory.Client();
        var login = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var copied = AuthCookies(login);
        Assert.NotEmpty(copied);
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(copied, home)).StatusCode); // the copy works while the session lives

        var logout = await client.SubmitAsync("/account", "/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replayed = await WithCookieAsync(copied, home);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/login", replayed.Headers.Location!.OriginalString);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Assert.True(await db.UserSessions.AnyAsync(s => s.UserId == userId && s.EndReason == "logout"));
    }

    [Fact]
    public async Task LoggingOutOneSession_LeavesTheOthersOpen()
    {
        using var laptop = factory.Client();
        using var phone = factory.Client();
        await laptop.LoginOkAsync(Demo.Manager);
        await phone.LoginOkAsync(Demo.Manager);
        await laptop.SubmitAsync("/account", "/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/institution")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/institution")).StatusCode);
    }

    [Fact]
    public async Task ACookieWithoutAServerSideSession_GetsTheLoginPage()
    {
        using var client = factory.Client();
        var login = await client.LoginAsync(Demo.Manager);
        var cookie = AuthCookies(login);
        using (var scope = factory.Services.CreateScope())
        {
            // As if the session row had been purged (or the cookie came from before sessions were kept).
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var userId = await db.Users.Where(u => u.Email == Demo.Manager).Select(u => u.Id).SingleAsync();
            await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await WithCookieAsync(cookie, "/institution")).StatusCode);
    }
}
