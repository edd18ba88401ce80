using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public partial class AuthenticationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task WrongPasswordAndUnknownUser_ReadTheSame()
    {
        using var client = factory.Client();
        var wrong = await client.LoginAsync(Demo.Supervisor, "not the right password at all");
        var unknown = await client.LoginAsync("nobody@demo.portal", "not the right password at all");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(ErrorText(await wrong.Content.ReadAsStringAsync()), ErrorText(await unknown.Content.ReadAsStringAsync()));
        Assert.Contains("电子邮箱或密码不正确", ErrorText(await unknown.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_EvenAgainstTheRightPassword()
    {
        using var client = factory.Client();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(Demo.CityRegistrar, "wrong password number " + i)).StatusCode);
        }

        var locked = await client.LoginAsync(Demo.CityRegistrar);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode); // the form again, not a redirect into the portal
        Assert.Contains("电子邮箱或密码不正确", ErrorText(await locked.Content.ReadAsStringAsync()));

        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.SingleAsync(u => u.Email == Demo.CityRegistrar);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task ForgottenPassword_SendsALinkThatResetsThePassword()
    {
        using var client = factory.Client();
        var response = await client.SubmitAsync("/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = Demo.User });
        await factory.ResetLinksSentAsync();
        Assert.Equal("/account/forgot-password/sent", response.Headers.Location?.OriginalString);

        string body;
        using (var scope = factory.Services.CreateScope())
        {
            var message = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.SingleAsync(m => m.To == Demo.User && m.Kind == "password-reset");
            body = message.Body;
            Assert.Equal("重置您的登记平台密码", message.Subject);
        }

        var link = new Uri(LinkPattern().Match(body).Value);
        var reset = await client.SubmitAsync(link.PathAndQuery, "/account/reset-password", new Dictionary<string, string>
        {
            ["Email"] = Demo.User,
            ["Code"] = System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!,
            ["Password"] = "a brand new passphrase",
            ["ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Equal("/account/login", reset.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(Demo.User, "a brand new passphrase")).StatusCode);

        // A used link does not work twice.
        using var other = factory.Client();
        var again = await other.SubmitAsync(link.PathAndQuery, "/account/reset-password", new Dictionary<string, string>
        {
            ["Email"] = Demo.User,
            ["Code"] = System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!,
            ["Password"] = "yet another passphrase",
            ["ConfirmPassword"] = "yet another passphrase",
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("重置链接无效或已过期", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ForgottenPassword_ForAnUnknownAddress_LooksTheSameAndSendsNothing()
    {
        using var client = factory.Client();
        var response = await client.SubmitAsync("/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = "stranger@example.org" });
        Assert.Equal("/account/forgot-password/sent", response.Headers.Location?.OriginalString);
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AnyAsync(m => m.To == "stranger@example.org"));
    }

    [Theory]
    [InlineData("password1234", "这个密码过于常见")]
    [InlineData("short pass", "密码至少需要12个字符")]
    public async Task ChangePassword_EnforcesTheRules(string newPassword, string message)
    {
        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Applicant);
        var response = await client.SubmitAsync("/account/change-password", "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.DemoPassword,
            ["NewPassword"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InvalidForm_IsRedisplayedWithLocalizedMessages()
    {
        using var client = factory.Client();
        var zh = await client.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = "not-an-email", ["Password"] = "" });
        var html = await zh.Content.ReadAsStringAsync();
        Assert.Contains("请输入有效的电子邮箱地址", html);
        Assert.Contains("请填写密码", html);
    }

    private static string ErrorText(string html) =>
        PortalClient.Parse(html).QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? string.Empty;

    [GeneratedRegex(@"http://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
