using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>The registrar's workbench (/registry): counters of the day's work, each the same slice as the list it opens.</summary>
public class WorkbenchTests
{
    private static Dictionary<string, (int Count, string Url)> Counters(IHtmlDocument home) =>
        home.QuerySelectorAll("[data-counter]").ToDictionary(
            c => c.GetAttribute("data-counter")!,
            c => (int.Parse(c.GetAttribute("data-count")!), c.GetAttribute("href")!));

    private static async Task<HashSet<string>> ListedAsync(PortalClient client, string url)
    {
        var page = await client.PageAsync(url);
        return page.QuerySelectorAll(url.Contains("/reports") ? "main tbody tr" : url.Contains("/ratings") ? "[data-rating-list] tbody tr[data-id]" : "table.queue tbody tr[data-id]")
            .Select(r => r.GetAttribute("data-id") ?? r.TextContent).ToHashSet();
    }

    private static async Task<Guid> SubmittedSetupAsync(PortalFactory factory, string email, string name)
    {
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(await factory.AddApplicantAsync(email));
        var id = await applicant.StartAsync(FilingKind.Setup, DemoDataSeeder.CountyOfficeId);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SaveAsync(id, FilingDriver.SetupFields(name))).StatusCode);
        await applicant.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Setup, []));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.ConfirmSubmitAsync(id)).StatusCode);
        return id;
    }

    [Fact]
    public async Task EveryCounter_EqualsTheListItOpens_AndTheFilingsMoveBetweenThemAsTheyAreWorked()
    {
        using var factory = new ClockedPortalFactory();
        var waiting = await SubmittedSetupAsync(factory, "wb.one@example.cn", "浦江县工作台测试一中心");
        var accepted = await SubmittedSetupAsync(factory, "wb.two@example.cn", "浦江县工作台测试二中心");
        var returned = await SubmittedSetupAsync(factory, "wb.three@example.cn", "浦江县工作台测试三中心");
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(accepted, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(returned, "return", "申请书须签字", ["ApplicationForm"])).StatusCode);

        var home = await registrar.PageAsync("/registry");
        var counters = Counters(home);
        Assert.Equal(8, counters.Count);
        foreach (var (key, (count, url)) in counters)
        {
            var listed = await ListedAsync(registrar, url);
            Assert.True(count == listed.Count, $"{key}: counter {count}, list {listed.Count} at {url}");
        }

        Assert.Contains(waiting.ToString(), await ListedAsync(registrar, counters["QueueStage.AwaitingAcceptance"].Url));
        Assert.Contains(accepted.ToString(), await ListedAsync(registrar, counters["QueueStage.UnderReview"].Url));
        Assert.Contains(returned.ToString(), await ListedAsync(registrar, counters["QueueStage.AwaitingSupplement"].Url));
        Assert.DoesNotContain(waiting.ToString(), await ListedAsync(registrar, counters["QueueStage.Overdue"].Url));

        // Acceptance and decision deadlines in their own columns.
        var queue = await registrar.PageAsync("/registry/filings");
        var waitingRow = queue.QuerySelector($"tr[data-id='{waiting}']")!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", waitingRow.QuerySelector("[data-acceptance-due]")!.TextContent.Trim());
        var acceptedRow = queue.QuerySelector($"tr[data-id='{accepted}']")!;
        Assert.Equal("—", acceptedRow.QuerySelector("[data-acceptance-due]")!.TextContent.Trim());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}", acceptedRow.QuerySelector("[data-decision-due]")!.TextContent.Trim());

        // Three weeks on, the accepted filing has passed the county's 5-working-day promise: overdue, and counted so.
        factory.Clock!.Advance(TimeSpan.FromDays(21));
        using var later = factory.Client();
        await later.LoginOkAsync(Demo.Registrar);
        counters = Counters(await later.PageAsync("/registry"));
        var overdue = await ListedAsync(later, counters["QueueStage.Overdue"].Url);
        Assert.Contains(accepted.ToString(), overdue);
        Assert.Equal(counters["QueueStage.Overdue"].Count, overdue.Count);
        var overduePage = await later.PageAsync(counters["QueueStage.Overdue"].Url);
        Assert.All(overduePage.QuerySelectorAll("table.queue tbody tr[data-id]"), r => Assert.Equal("true", r.GetAttribute("data-overdue")));
    }

    [Fact]
    public async Task TheCityOfficesCounters_NeverCountTheCountysFilings()
    {
        using var factory = new PortalFactory();
        var county = await SubmittedSetupAsync(factory, "wb.county@example.cn", "浦江县工作台隔离中心");
        using var city = factory.Client();
        await city.LoginOkAsync(Demo.CityRegistrar);
        var counters = Counters(await city.PageAsync("/registry"));
        foreach (var (_, (_, url)) in counters)
        {
            Assert.DoesNotContain(county.ToString(), await ListedAsync(city, url));
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var cityOpen = await db.Filings.CountAsync(f => f.OfficeId != DemoDataSeeder.CountyOfficeId && f.State == FilingState.Submitted);
        Assert.Equal(cityOpen, counters["QueueStage.AwaitingAcceptance"].Count);
    }
}
