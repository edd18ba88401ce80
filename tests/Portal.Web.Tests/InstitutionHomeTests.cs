using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>The institution's home as a to-do list, and the unread count in the navigation.</summary>
public class InstitutionHomeTests
{
    /// <summary>A portal whose legal clock starts at a chosen moment (10:00 in China on <paramref name="day"/>).</summary>
    private sealed class DatedPortalFactory : PortalFactory
    {
        public DatedPortalFactory(DateOnly day)
        {
            Clock = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        }
    }

    private static List<(string Kind, string Link, string? Date, string Text)> ToDo(IHtmlDocument home) =>
        home.QuerySelectorAll("[data-todo-item]").Select(li => (
            li.GetAttribute("data-todo-item")!,
            li.QuerySelector("a")!.GetAttribute("href")!,
            li.QuerySelector("[data-todo-date]")?.GetAttribute("data-todo-date"),
            li.TextContent)).ToList();

    private static int NavUnread(IHtmlDocument page) => int.Parse(page.QuerySelector("a[href='/inbox'][data-unread]")!.GetAttribute("data-unread")!);

    [Fact]
    public async Task TheAnnualReport_ShowsAsOpen_ThenDue_ThenOverdue_WithTheWindowsClosingDate()
    {
        using var factory = new DatedPortalFactory(new DateOnly(2027, 2, 10));
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);

        var report = Assert.Single(ToDo(await manager.PageAsync("/institution")), i => i.Kind.StartsWith("Report"));
        Assert.Equal(("ReportOpen", "/annual-reports", "2027-03-31"), (report.Kind, report.Link, report.Date));
        Assert.Contains("2026", report.Text);

        factory.Clock!.Advance(TimeSpan.FromDays(30)); // 12 March: 19 days left (a new sign-in: the old session has long expired)
        using var march = factory.Client();
        await march.LoginOkAsync(Demo.Manager);
        report = Assert.Single(ToDo(await march.PageAsync("/institution")), i => i.Kind.StartsWith("Report"));
        Assert.Equal(("ReportDue", "2027-03-31"), (report.Kind, report.Date));

        factory.Clock.Advance(TimeSpan.FromDays(21)); // 2 April: the window has closed
        using var april = factory.Client();
        await april.LoginOkAsync(Demo.Manager);
        var home = await april.PageAsync("/institution");
        report = Assert.Single(ToDo(home), i => i.Kind.StartsWith("Report"));
        Assert.Equal(("ReportOverdue", "2027-03-31"), (report.Kind, report.Date));
        Assert.Equal("ReportOverdue", home.QuerySelector("[data-todo-item]")!.GetAttribute("data-todo-item")); // the most pressing first

        // A draft is not a report: still overdue, now linking to the draft.
        Assert.Equal(HttpStatusCode.Redirect, (await april.SubmitAsync("/annual-reports", "/annual-reports/start", new Dictionary<string, string> { ["year"] = "2026" })).StatusCode);
        report = Assert.Single(ToDo(await april.PageAsync("/institution")), i => i.Kind.StartsWith("Report"));
        Assert.Equal("ReportOverdue", report.Kind);
        Assert.Matches("^/annual-reports/[0-9a-f-]{36}/edit$", report.Link);
    }

    [Fact]
    public async Task AReturnedFiling_ItsNotice_AndTheMessage_AreListed_AndLeaveTheListWhenDealtWith()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var before = NavUnread(await manager.PageAsync("/institution"));
        var id = await FilingWorkTests.SubmittedReissueAsync(manager);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "return", "登报声明须附原件", ["LossDeclaration"])).StatusCode);

        var home = await manager.PageAsync("/institution");
        var items = ToDo(home);
        var returned = Assert.Single(items, i => i.Kind == "FilingReturned");
        Assert.Equal($"/filings/{id}", returned.Link);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", returned.Date!);

        string number;
        Guid instrumentId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            number = await db.Filings.Where(f => f.Id == id).Select(f => f.Number).SingleAsync();
            instrumentId = await db.Instruments.Where(i => i.FilingId == id).Select(i => i.Id).SingleAsync();
        }

        Assert.Contains(number, returned.Text);
        var notice = Assert.Single(items, i => i.Kind == "InstrumentUnopened" && i.Link == $"/institution/documents/{instrumentId}.pdf");
        Assert.NotNull(notice.Date);

        // The unread count in the navigation and on the to-do list agree, and both grew by the return's message.
        var unread = NavUnread(home);
        Assert.True(unread > before, $"unread {unread}, before {before}");
        var messages = Assert.Single(items, i => i.Kind == "UnreadMessages");
        Assert.Equal("/inbox", messages.Link);
        Assert.Contains(unread.ToString(), messages.Text);
        Assert.Equal(unread.ToString(), home.QuerySelector("[data-unread-count] .visually-hidden")!.TextContent.Split(' ')[0].Trim());

        // Opening the notice and reading every message clear those items.
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(notice.Link)).StatusCode);
        var inbox = await manager.PageAsync("/inbox");
        foreach (var form in inbox.Forms.Where(f => f.GetAttribute("action")!.EndsWith("/read")).ToList())
        {
            await manager.PostAsync(form.GetAttribute("action")!, new Dictionary<string, string>(), ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value);
        }

        home = await manager.PageAsync("/institution");
        items = ToDo(home);
        Assert.DoesNotContain(items, i => i.Link == notice.Link);
        if (NavUnread(home) == 0)
        {
            Assert.DoesNotContain(items, i => i.Kind == "UnreadMessages");
            Assert.Null(home.QuerySelector("[data-unread-count]"));
        }

        Assert.Contains(items, i => i.Kind == "FilingReturned"); // still returned until resubmitted
    }

    [Fact]
    public async Task TheRenewalWindow_IsListedWhenOpen_AndNotForAnInstitutionWhoseCertificateRunsLonger()
    {
        using var factory = new PortalFactory();
        var libraryUser = await factory.AddInstitutionUserAsync("浦江县图书馆", "library.home@example.org");
        using var library = factory.Client();
        await library.LoginOkAsync(libraryUser);
        var renewal = Assert.Single(ToDo(await library.PageAsync("/institution")), i => i.Kind == "RenewalOpen");
        Assert.Equal("/filings/new?kind=CertificateRenewal", renewal.Link);
        using (var scope = factory.Services.CreateScope())
        {
            var validUntil = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions
                .Where(i => i.Current.Name == "浦江县图书馆").Select(i => i.CertificateValidUntil).SingleAsync();
            Assert.Equal(validUntil!.Value.ToString("yyyy-MM-dd"), renewal.Date);
        }

        // Once a renewal is under way, the item gives way to the filing itself.
        var id = await library.StartAsync(FilingKind.CertificateRenewal);
        Assert.DoesNotContain(ToDo(await library.PageAsync("/institution")), i => i.Kind.StartsWith("Renewal"));

        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        Assert.DoesNotContain(ToDo(await manager.PageAsync("/institution")), i => i.Kind.StartsWith("Renewal"));
        Assert.NotEqual(Guid.Empty, id);
    }
}
