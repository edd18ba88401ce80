using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Tests.Support;

namespace Portal.Browser.Tests;

/// <summary>Issue 18 in the back office and after a decision: a registrar works a counter's list; an applicant rates 不满意 and the supervisor closes the follow-up.</summary>
public class WorkbenchBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static async Task<int> CountAsync(IPage page, string counter) =>
        int.Parse((await page.Locator($"[data-counter='{counter}']").GetAttributeAsync("data-count"))!);

    [BrowserFact]
    public async Task InEnglish_ARegistrarOpensACounter_TakesAFilingFromIt_AndAcceptsIt()
    {
        var registrar = await fixture.LoginAsync(Demo.Registrar, "en-US");
        await registrar.GotoAsync(fixture.BaseUrl + "/registry");
        await Axe.AssertNoSeriousViolationsAsync(registrar);
        var waiting = await CountAsync(registrar, "QueueStage.AwaitingAcceptance");
        var mine = await CountAsync(registrar, "Review.Who.Mine");
        Assert.True(waiting > 0, "the demo has a filing awaiting acceptance");

        await registrar.Locator("[data-counter='QueueStage.AwaitingAcceptance']").ClickAsync();
        await Assertions.Expect(registrar.Locator("h1")).ToHaveTextAsync("Filing queue");
        await Assertions.Expect(registrar.Locator("table.queue tbody tr[data-id]")).ToHaveCountAsync(waiting);
        await Axe.AssertNoSeriousViolationsAsync(registrar);

        // Open the first (soonest deadline), take it, accept it.
        await registrar.Locator("table.queue tbody tr[data-id] a").First.ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(registrar);
        await registrar.GetByRole(AriaRole.Button, new() { Name = "I'll take it" }).ClickAsync();
        await Assertions.Expect(registrar.Locator("[data-assignee-name]")).ToContainTextAsync("赵雪");
        var url = registrar.Url.Split('#')[0];

        await registrar.GotoAsync(fixture.BaseUrl + "/registry");
        Assert.Equal(mine + 1, await CountAsync(registrar, "Review.Who.Mine"));
        await registrar.Locator("[data-counter='Review.Who.Mine']").ClickAsync();
        await Assertions.Expect(registrar.Locator("table.queue tbody tr[data-id] [data-assignee]").First).ToHaveTextAsync("赵雪");
        await registrar.GotoAsync(url);
        await registrar.Locator("form[data-action=accept]").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(registrar.GetByRole(AriaRole.Status)).ToContainTextAsync("Accepted");

        await registrar.GotoAsync(fixture.BaseUrl + "/registry");
        Assert.Equal(waiting - 1, await CountAsync(registrar, "QueueStage.AwaitingAcceptance"));
    }

    [BrowserFact]
    public async Task AnApplicantRatesAClosedFilingDissatisfied_AndTheSupervisorClosesTheFollowUpInEnglish()
    {
        // A clerk of the media centre, whose certificate re-issue the demo approved.
        const string clerkEmail = "media.clerk@example.org";
        using (var scope = fixture.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var institutionId = await db.Institutions.Where(i => i.Current.Name == "浦江县融媒体中心").Select(i => i.Id).SingleAsync();
            var user = new PortalUser { UserName = clerkEmail, Email = clerkEmail, EmailConfirmed = true, DisplayName = "融媒体中心办事员", InstitutionId = institutionId, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, PortalFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.InstitutionUser);
        }

        var clerk = await fixture.LoginAsync(clerkEmail);
        await clerk.GotoAsync(fixture.BaseUrl + "/filings");
        await clerk.Locator("tr", new() { HasText = "证书补领" }).Locator("a").First.ClickAsync();
        var panel = clerk.Locator("[data-rating-panel]");
        await Assertions.Expect(panel.Locator("h2")).ToHaveTextAsync("服务评价（好差评）");
        await Axe.AssertNoSeriousViolationsAsync(clerk);
        await panel.GetByLabel("不满意", new() { Exact = true }).CheckAsync();
        await panel.GetByLabel("办理速度").SelectOptionAsync(new SelectOptionValue { Label = "非常不满意" });
        await panel.GetByLabel("意见建议（选填，500 字以内）").FillAsync("补正要求前后不一致，来回跑了两次。");
        await panel.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status).First).ToContainTextAsync("感谢您的评价");
        await Assertions.Expect(panel.Locator("[data-follow-up=Open]")).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("form[data-action=rate]")).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(clerk);
        var filingUrl = clerk.Url.Split('#')[0];

        // The supervisor, in English, finds it from the workbench and closes the follow-up.
        var supervisor = await fixture.LoginAsync(Demo.Supervisor, "en-US");
        await supervisor.GotoAsync(fixture.BaseUrl + "/registry");
        Assert.True(await CountAsync(supervisor, "Rating.FollowUpsOpen") >= 1);
        await supervisor.Locator("[data-counter='Rating.FollowUpsOpen']").ClickAsync();
        await Assertions.Expect(supervisor.Locator("h1")).ToContainTextAsync("Service ratings");
        await Axe.AssertNoSeriousViolationsAsync(supervisor);
        await supervisor.Locator("[data-rating-list] tbody tr[data-id] a").First.ClickAsync();
        await Assertions.Expect(supervisor.Locator("[data-level]")).ToHaveTextAsync("Dissatisfied");
        await Axe.AssertNoSeriousViolationsAsync(supervisor);
        var form = supervisor.Locator("form[data-action=answer]");
        await form.GetByLabel("Date the rater was contacted").FillAsync(DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"));
        await form.GetByLabel("Finding").FillAsync("窗口两次告知的补正要求不一致。");
        await form.GetByLabel("Rectification or explanation").FillAsync("已统一补正清单，并电话向申请人致歉。");
        supervisor.Dialog += (_, dialog) => dialog.AcceptAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Answer and close the follow-up" }).ClickAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Status).First).ToContainTextAsync("Follow-up closed");
        await Assertions.Expect(supervisor.Locator("dd[data-follow-up]")).ToContainTextAsync("Answered");

        // The clerk reads the answer and says it resolved the problem.
        await clerk.GotoAsync(filingUrl);
        await Assertions.Expect(panel.Locator("[data-rectification]")).ToHaveTextAsync("已统一补正清单，并电话向申请人致歉。");
        await panel.GetByLabel("已解决").CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(panel.Locator("[data-resolved=true]")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(clerk);
    }
}
