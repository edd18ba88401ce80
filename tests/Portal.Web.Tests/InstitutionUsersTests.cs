using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class InstitutionUsersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Manager_InvitesAUser_WhoGetsAnEmailAndAppearsInTheList()
    {
        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Manager);
        var response = await client.SubmitAsync("/institution/users/invite", "/institution/users/invite", new Dictionary<string, string>
        {
            ["DisplayName"] = "新同事 钱程",
            ["Email"] = "qian@example.org",
        });
        Assert.Equal("/institution/users", response.Headers.Location?.OriginalString);
        var list = await client.PageAsync("/institution/users");
        Assert.Contains("新同事 钱程", list.Body!.TextContent);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var invitation = await db.OutboxMessages.SingleAsync(m => m.To == "qian@example.org");
        Assert.Equal("invitation", invitation.Kind);
        Assert.Contains("浦江县乡村振兴技术服务中心", invitation.Body);
        var invited = await db.Users.SingleAsync(u => u.Email == "qian@example.org");
        var manager = await db.Users.SingleAsync(u => u.Email == Demo.Manager);
        Assert.Equal(manager.InstitutionId, invited.InstitutionId);
    }

    [Fact]
    public async Task Manager_RemovesAUser_AfterConfirmation_AndTheUserCanNoLongerLogIn()
    {
        string id;
        using (var scope = factory.Services.CreateScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Where(u => u.Email == Demo.User).Select(u => u.Id).SingleAsync();
        }

        using var user = factory.Client();
        await user.LoginOkAsync(Demo.User);

        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Manager);
        var confirm = await client.PageAsync($"/institution/users/{id}/remove");
        Assert.Contains("确定要移除", confirm.Body!.TextContent);
        var removed = await client.SubmitAsync($"/institution/users/{id}/remove", $"/institution/users/{id}/remove", new Dictionary<string, string>());
        Assert.Equal("/institution/users", removed.Headers.Location?.OriginalString);

        using var again = factory.Client();
        Assert.Equal(HttpStatusCode.OK, (await again.LoginAsync(Demo.User)).StatusCode); // the login form again

        // The session the user already had ends too (the security stamp changed).
        var stale = await user.GetAsync("/institution");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/account/login", stale.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Manager_Gets404ForUsersOutsideTheInstitution_AndForThemselves()
    {
        string applicant, manager;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            applicant = await db.Users.Where(u => u.Email == Demo.Applicant).Select(u => u.Id).SingleAsync();
            manager = await db.Users.Where(u => u.Email == Demo.Manager).Select(u => u.Id).SingleAsync();
        }

        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Manager);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/institution/users/{applicant}/remove")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/institution/users/{manager}/remove")).StatusCode);
    }

    [Fact]
    public async Task PlainUser_CannotManageUsers()
    {
        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Applicant);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/institution/users")).StatusCode);
    }
}
