using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.AnnualReports;
using Portal.Domain.Certificates;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Issue 14: pages say what happened in the reader's language, show only what belongs to the reader, and the demo data tells one story.</summary>
public class PageWordingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnnualReport_AMistypedAmount_StaysInItsField_NamedInTheMessage_WhileTheRestOfTheDraftIsSaved()
    {
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var year = DateTime.UtcNow.AddHours(8).Year - 1;
        var started = await manager.SubmitAsync("/annual-reports", "/annual-reports/start", new Dictionary<string, string> { ["year"] = year.ToString() });
        var url = started.Headers.Location?.OriginalString ?? (await manager.PageAsync("/annual-reports")).QuerySelector($"a[href$='/edit']")!.GetAttribute("href")!;
        var id = Guid.Parse(url.Split('/')[2]);
        var empty = await manager.PageAsync($"/annual-reports/{id}/edit");
        var links = empty.QuerySelectorAll("[data-problems] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#BusinessActivities", links); // each problem before submission links to where it is fixed
        Assert.Contains("#attachments", links);

        var fields = new Dictionary<string, string> { ["BusinessActivities"] = "全年开展技术服务。", ["Income"] = "12,5", ["Expenditure"] = "１２.５", ["StaffOnRoll"] = "25.0" };
        var response = await manager.SubmitAsync($"/annual-reports/{id}/edit", $"/annual-reports/{id}/edit", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("12,5", ((IHtmlInputElement)page.QuerySelector("#Income")!).Value);
        Assert.Contains("收入", page.QuerySelector("#Income-error")!.TextContent);
        Assert.Contains("如", page.QuerySelector("#Income-error")!.TextContent); // with an example
        Assert.NotNull(page.QuerySelector("#StaffOnRoll-error"));

        using var scope = factory.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal("全年开展技术服务。", report.Content.BusinessActivities); // saved although an amount was refused
        Assert.Equal(12.5m, report.Content.Expenditure);                    // full-width digits read exactly
        Assert.Null(report.Content.Income);                                  // never 125
        Assert.Contains("12,5", report.UnreadInput);                         // but kept exactly as typed

        // Reloaded later: the mistyped amount is still in its field, and the report cannot be submitted until it is fixed.
        var again = await manager.PageAsync($"/annual-reports/{id}/edit");
        Assert.Equal("12,5", ((IHtmlInputElement)again.QuerySelector("#Income")!).Value);
        Assert.Contains("收入", again.QuerySelector("#Income-error")!.TextContent);
        Assert.Contains(again.QuerySelectorAll("[data-problems] li"), li => li.TextContent.Contains("未能识别"));
    }

    [Fact]
    public async Task EnglishPages_ShowNoRawCodes_AndNoRoleLabelsInPeoplesNames()
    {
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        await supervisor.GetAsync("/culture?culture=en-US&returnUrl=%2F");
        var audit = await supervisor.PageAsync("/registry/audit");
        var rows = audit.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, r => r.Contains("filing.Accept") || r.Contains("report.Submit") || r.Contains("login.success") || r.Contains("→Submitted"));
        foreach (var label in new[] { "登记员", "单位管理人", "系统管理员", "单位经办人" })
        {
            Assert.DoesNotContain(label, audit.Body!.TextContent);
        }

        var records = await supervisor.PageAsync($"/registry/statistics/records?metric=CertificatesForSetup&from={DateTime.UtcNow.Year - 4}-01-01&to={DateTime.UtcNow.Year}-12-31");
        var details = records.QuerySelectorAll("[data-records] tbody tr td:last-child").Select(t => t.TextContent).ToList();
        Assert.NotEmpty(details);
        Assert.All(details, d => Assert.DoesNotMatch("[\u4e00-\u9fff]", d));
        Assert.All(records.QuerySelectorAll("[data-records] tbody tr td:nth-child(3)"), td => Assert.Equal("zh-CN", td.GetAttribute("lang")));
    }

    [Fact]
    public async Task TheFavicon_IsServed_AndEveryPageLinksIt()
    {
        using var anonymous = factory.Client();
        var icon = await anonymous.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await icon.Content.ReadAsStringAsync());
        Assert.Equal("/favicon.svg", (await anonymous.PageAsync("/")).QuerySelector("link[rel=icon]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.MovedPermanently, (await anonymous.GetAsync("/favicon.ico")).StatusCode);
    }

    [Fact]
    public async Task AnApplicantWithoutAnInstitution_IsNotOfferedAnnualReportsOrCertificates()
    {
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var nav = (await applicant.PageAsync("/filings")).QuerySelectorAll("nav.portal-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/filings", nav);
        Assert.DoesNotContain("/annual-reports", nav);
        Assert.DoesNotContain("/institution/certificates", nav);

        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var managerNav = (await manager.PageAsync("/filings")).QuerySelectorAll("nav.portal-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/annual-reports", managerNav);
        Assert.Contains("/institution/certificates", managerNav);
    }

    [Fact]
    public async Task TheDemoData_TellsOneStory()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        // A code counts as assigned on the day its institution was registered.
        var institutions = await db.Institutions.AsNoTracking().Select(i => new { i.Id, i.Code, i.RegisteredOn }).ToListAsync();
        var codes = await db.IssuedCodes.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.IssuedUtc);
        Assert.All(institutions, i => Assert.Equal(i.RegisteredOn, DateOnly.FromDateTime(codes[i.Code].AddHours(8))));

        // Each institution's first electronic certificate was issued for its setup (设立), not as a renewal.
        var first = await db.Certificates.AsNoTracking().GroupBy(c => c.InstitutionId).Select(g => g.OrderBy(c => c.IssuedOn).ThenBy(c => c.Number).First().Reason).ToListAsync();
        Assert.NotEmpty(first);
        Assert.All(first, reason => Assert.Equal(CertificateIssueReason.Setup, reason));

        // Every step of every seeded filing happened on the day its header shows.
        var filings = await db.Filings.AsNoTracking().Include(f => f.Events).ToListAsync();
        foreach (var f in filings)
        {
            DateOnly Day(FilingAction action) => DateOnly.FromDateTime(f.Events.Where(e => e.Action == action).Max(e => e.AtUtc).AddHours(8));
            if (f.SubmittedOn is { } submitted && f.Events.Any(e => e.Action == FilingAction.Submit))
            {
                Assert.Equal(f.FirstSubmittedOn ?? submitted, DateOnly.FromDateTime(f.Events.Where(e => e.Action == FilingAction.Submit).Min(e => e.AtUtc).AddHours(8)));
            }

            if (f.AcceptedOn is { } accepted)
            {
                Assert.Equal(accepted, Day(FilingAction.Accept));
            }
        }
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 2)]
    [InlineData(3, 4, 4)]
    [InlineData(7, 10, 5)]
    [InlineData(23, 25, 5)]
    [InlineData(170, 200, 4)]
    public void ChartAxes_ForCounts_HaveWholeNumberTicks(double max, double top, int steps)
    {
        var ticks = Portal.Web.Features.Statistics.SvgCharts.WholeTicks(max);
        Assert.Equal((top, steps), ticks);
        Assert.Equal(0, ticks.Top % ticks.Steps); // every tick a whole number
    }

    [Fact]
    public async Task TheStatisticsCharts_LabelTheirAxesWithWholeNumbers_InsideTheChart()
    {
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.GetAsync("/culture?culture=en-US&returnUrl=%2F");
        var page = await registrar.PageAsync("/registry/statistics");
        var charts = page.QuerySelectorAll("svg.chart").ToList();
        Assert.NotEmpty(charts);
        foreach (var chart in charts)
        {
            var ticks = chart.QuerySelectorAll("text[data-tick]").Select(t => t.TextContent).ToList();
            Assert.NotEmpty(ticks);
            Assert.All(ticks, t => Assert.Matches("^[0-9]+$", t));
            var height = double.Parse(chart.GetAttribute("viewBox")!.Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture);
            Assert.All(chart.QuerySelectorAll("text"), t => Assert.True(double.Parse(t.GetAttribute("y") ?? "0", System.Globalization.CultureInfo.InvariantCulture) <= height, "a label below the chart's bottom edge"));
        }
    }

    [Theory]
    [InlineData(1, "registered 1 new public institution, approved 1 change and 1 deregistration, issued 1 new legal-person certificate on a change or renewal, assigned codes to 1 organ or people's organisation with their code certificates, changed 1 code certificate and cancelled 1 code, and completed the review of 1 annual report.")]
    [InlineData(2, "registered 2 new public institutions, approved 2 changes and 2 deregistrations, issued 2 new legal-person certificates on a change or renewal, assigned codes to 2 organs and people's organisations with their code certificates, changed 2 code certificates and cancelled 2 codes, and completed the review of 2 annual reports.")]
    [InlineData(0, "registered 0 new public institutions, approved 0 changes and 0 deregistrations, issued 0 new legal-person certificates on a change or renewal, assigned codes to 0 organs and people's organisations with their code certificates, changed 0 code certificates and cancelled 0 codes, and completed the review of 0 annual reports.")]
    public void TheEnglishWorkSummary_UsesTheSingularForOne(int n, string expected)
    {
        var counts = new[] { Portal.Infrastructure.Statistics.Metric.SetupApproved, Portal.Infrastructure.Statistics.Metric.ChangeApproved, Portal.Infrastructure.Statistics.Metric.DeregistrationApproved,
            Portal.Infrastructure.Statistics.Metric.CertificatesExchanged, Portal.Infrastructure.Statistics.Metric.ReportsReviewed, Portal.Infrastructure.Statistics.Metric.AgencyCodesAssigned,
            Portal.Infrastructure.Statistics.Metric.AgencyChangesApproved, Portal.Infrastructure.Statistics.Metric.AgencyCancellations }.ToDictionary(m => m, _ => n);
        var figures = new Portal.Infrastructure.Statistics.OfficeFigures(null, counts, new Dictionary<RegisteredItem, int>(), new Dictionary<FilingState, int>(),
            new Dictionary<Portal.Domain.Oversight.EnforcementKind, int>(), new Portal.Infrastructure.Statistics.ProcessingFigures(0, null, null, 30, null, 0, 0, []),
            new Dictionary<Portal.Domain.Institutions.InstitutionStatus, int>(), new Dictionary<string, int>(), [], [], [], 0);
        var text = Portal.Web.Features.Statistics.WorkSummary.Text(Portal.Web.Features.Statistics.WorkSummary.English(Portal.Infrastructure.Statistics.Period.Year(2026), figures));
        Assert.Equal("In 2026, the office " + expected, text);
    }

    [Fact]
    public void AReport_IsDueOnlyFromTheYearOfRegistration()
    {
        Assert.False(AnnualReport.IsDue(new DateOnly(2026, 3, 1), 2025));
        Assert.True(AnnualReport.IsDue(new DateOnly(2025, 12, 31), 2025));
        Assert.True(AnnualReport.IsDue(new DateOnly(2020, 5, 1), 2025));
    }
}
