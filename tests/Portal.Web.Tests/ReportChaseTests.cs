using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>催报 from the overdue annual-report list: sent, recorded, and throttled to once a week per institution.</summary>
public class ReportChaseTests
{
    private sealed class AprilPortalFactory : PortalFactory
    {
        public AprilPortalFactory()
        {
            Clock = new FakeTimeProvider(new DateTimeOffset(2027, 4, 6, 2, 0, 0, TimeSpan.Zero));
        }
    }

    private static async Task<HttpResponseMessage> ChaseAsync(PortalClient registrar, Guid institutionId)
    {
        var page = await registrar.PageAsync("/registry/reports/overdue");
        var form = page.QuerySelector($"tr[data-institution='{institutionId}'] form[data-action=chase]") as IHtmlFormElement;
        if (form is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NoContent); // no button offered
        }

        return await registrar.PostAsync(form.GetAttribute("action")!, new Dictionary<string, string> { ["year"] = "2026" },
            ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value);
    }

    [Fact]
    public async Task ChasingAnOverdueInstitution_RemindsItsUsers_IsRecorded_AndIsRefusedAgainWithinAWeek()
    {
        using var factory = new AprilPortalFactory();
        Guid institutionId;
        List<string> users;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            institutionId = (await db.Users.SingleAsync(u => u.Email == Demo.Manager)).InstitutionId!.Value;
            users = await db.Users.Where(u => u.InstitutionId == institutionId).Select(u => u.Id).ToListAsync();
        }

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.NotNull((await registrar.PageAsync("/registry/reports/overdue")).QuerySelector($"tr[data-institution='{institutionId}'] form[data-action=chase]"));
        Assert.Equal(HttpStatusCode.Redirect, (await ChaseAsync(registrar, institutionId)).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var chase = await db.ReportChases.AsNoTracking().SingleAsync(c => c.InstitutionId == institutionId);
            Assert.Equal(2026, chase.Year);
            Assert.Equal(users.Count, await db.Notifications.CountAsync(n => users.Contains(n.UserId) && n.TitleZh.Contains("催报")));
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.Kind == "report-chase"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "report.chase" && a.RecordId == institutionId.ToString()));
        }

        // The list now shows when it was chased and when it may be chased again, with no button.
        var row = (await registrar.PageAsync("/registry/reports/overdue")).QuerySelector($"tr[data-institution='{institutionId}']")!;
        Assert.Null(row.QuerySelector("form[data-action=chase]"));
        Assert.Contains("2027-04-13", row.QuerySelector("[data-chase-next]")!.TextContent);

        // A second chase posted directly within the week is refused and records nothing.
        var token = ((IHtmlInputElement)(await registrar.PageAsync("/registry/reports/overdue")).QuerySelector("form input[name=__RequestVerificationToken]")!).Value;
        var again = await registrar.PostAsync($"/registry/reports/overdue/{institutionId}/chase", new Dictionary<string, string> { ["year"] = "2026" }, token);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("每周最多催报一次", (await registrar.PageAsync(again.Headers.Location!.OriginalString)).Body!.TextContent);
        factory.Clock!.Advance(TimeSpan.FromDays(6));
        using var sixDaysOn = factory.Client();
        await sixDaysOn.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.NoContent, (await ChaseAsync(sixDaysOn, institutionId)).StatusCode);

        // A week after the first, it may be chased again.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        using var weekOn = factory.Client();
        await weekOn.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await ChaseAsync(weekOn, institutionId)).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ReportChases.CountAsync(c => c.InstitutionId == institutionId));
        }
    }

    [Fact]
    public async Task AnotherOfficesRegistrar_CannotChaseTheCountysInstitution()
    {
        using var factory = new AprilPortalFactory();
        Guid institutionId;
        using (var scope = factory.Services.CreateScope())
        {
            institutionId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.SingleAsync(u => u.Email == Demo.Manager)).InstitutionId!.Value;
        }

        using var city = factory.Client();
        await city.LoginOkAsync(Demo.CityRegistrar);
        var page = await city.PageAsync("/registry/reports/overdue");
        Assert.Null(page.QuerySelector($"tr[data-institution='{institutionId}']"));
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var response = await city.PostAsync($"/registry/reports/overdue/{institutionId}/chase", new Dictionary<string, string> { ["year"] = "2026" }, token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var check = factory.Services.CreateScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<PortalDbContext>().ReportChases.AnyAsync());
    }
}
