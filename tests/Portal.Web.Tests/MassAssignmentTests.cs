using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.AnnualReports;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Fields a form does not show (status, institution, office, code, number) change nothing when posted anyway.</summary>
public class MassAssignmentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Dictionary<string, string> Smuggled = new()
    {
        ["State"] = "Approved", ["Status"] = "Revoked", ["InstitutionId"] = Guid.NewGuid().ToString(), ["OfficeId"] = DemoDataSeeder.CityOfficeId.ToString(),
        ["Code"] = "12330700MB0000000X", ["Number"] = "HACKED-1", ["ApplicantUserId"] = "someone-else", ["Id"] = Guid.NewGuid().ToString(), // a form must not re-aim the action (route values bind from the route only)
        ["Year"] = "1999", ["Late"] = "true", ["Version"] = "9", ["PublishedOn"] = "2020-01-01", ["ConcurrencyToken"] = Guid.NewGuid().ToString(),
    };

    [Fact]
    public async Task AFilingForm_IgnoresFieldsItDoesNotShow()
    {
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.CertificateReissue);
        var fields = new Dictionary<string, string>(Smuggled) { ["Explanation"] = "证书遗失" };
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SaveAsync(id, fields)).StatusCode);

        using var scope = factory.Services.CreateScope();
        var filing = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Filings.AsNoTracking().SingleAsync(f => f.Id == id);
        Assert.Equal(FilingState.Draft, filing.State);
        Assert.Equal(DemoDataSeeder.CountyOfficeId, filing.OfficeId);
        Assert.NotEqual("HACKED-1", filing.Number);
        Assert.NotEqual(Guid.Parse(Smuggled["InstitutionId"]), filing.InstitutionId);
        Assert.Equal("证书遗失", filing.Explanation); // the shown field was saved
    }

    [Fact]
    public async Task AReportForm_IgnoresFieldsItDoesNotShow()
    {
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var year = DateTime.UtcNow.AddHours(8).Year - 1;
        var start = await manager.SubmitAsync("/annual-reports", "/annual-reports/start", new Dictionary<string, string> { ["year"] = year.ToString() });
        var edit = start.Headers.Location!.ToString();
        var fields = new Dictionary<string, string>(Smuggled) { ["BusinessActivities"] = "全年开展业务。" };
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(edit, edit, fields)).StatusCode);

        using var scope = factory.Services.CreateScope();
        var id = Guid.Parse(edit.Split('/')[2]);
        var report = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal(ReportState.Draft, report.State);
        Assert.Equal(year, report.Year);
        Assert.Equal(1, report.Version);
        Assert.False(report.Late);
        Assert.Null(report.PublishedOn);
        Assert.Equal(DemoDataSeeder.CountyOfficeId, report.OfficeId);
        Assert.Equal("全年开展业务。", report.Content.BusinessActivities);
    }

    [Fact]
    public async Task OfficeSettings_ChangeOnlyTheSupervisorsOwnOffice()
    {
        int? cityBefore;
        using (var scope = factory.Services.CreateScope())
        {
            cityBefore = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Offices.Where(o => o.Id == DemoDataSeeder.CityOfficeId).Select(o => o.PromisedDecisionWorkingDays).SingleAsync();
        }

        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var fields = new Dictionary<string, string>(Smuggled) { ["promisedDays"] = "7", ["opensMonth"] = "1", ["opensDay"] = "1", ["closesMonth"] = "3", ["closesDay"] = "31", ["officeId"] = DemoDataSeeder.CityOfficeId.ToString() };
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.SubmitAsync("/registry", "/registry/settings", fields)).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(7, await db.Offices.Where(o => o.Id == DemoDataSeeder.CountyOfficeId).Select(o => o.PromisedDecisionWorkingDays).SingleAsync());
            Assert.Equal(cityBefore, await db.Offices.Where(o => o.Id == DemoDataSeeder.CityOfficeId).Select(o => o.PromisedDecisionWorkingDays).SingleAsync());
        }
    }
}
