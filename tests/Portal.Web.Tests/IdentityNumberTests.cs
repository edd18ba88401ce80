using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>
/// One rule for the legal representative's identity number (README): in full only to staff of the office that registers the
/// institution; masked for the institution's own users on every page, edit pages included; not at all on public pages.
/// </summary>
public class IdentityNumberTests
{
    private const string Institution = "浦江县乡村振兴技术服务中心"; // the demo manager's institution

    [Fact]
    public async Task EveryPageThatShowsTheNumber_ShowsItAsTheRuleSays_ForEachRole()
    {
        using var factory = new PortalFactory();
        Guid institutionId;
        string code, Full;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var row = await db.Institutions.Where(i => i.Current.Name == Institution).Select(i => new { i.Id, i.Code, i.Current.LegalRepresentativeIdNumber }).SingleAsync();
            (institutionId, code, Full) = (row.Id, row.Code, row.LegalRepresentativeIdNumber);
            Assert.Equal(18, Full.Length);
        }

        var masked = IdentityNumberMask.Mask(Full);

        // Public: none of it, neither full nor masked.
        using var anonymous = factory.Client();
        foreach (var path in new[] { $"/register/{code}", "/register?q=" + Uri.EscapeDataString(Institution) })
        {
            var text = (await anonymous.PageAsync(path)).Body!.InnerHtml;
            Assert.DoesNotContain(Full, text);
            Assert.DoesNotContain(masked, text);
            Assert.DoesNotContain(Full[..3] + "***", text);
        }

        // The institution's own users: masked everywhere.
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var home = await manager.PageAsync("/institution");
        Assert.Contains(masked, home.Body!.TextContent);
        Assert.DoesNotContain(Full, home.Body.InnerHtml);

        var filing = await manager.StartAsync(FilingKind.Change);
        var edit = await manager.PageAsync($"/filings/{filing}/edit");
        Assert.Equal(masked, ((IHtmlInputElement)edit.QuerySelector("#LegalRepresentativeIdNumber")!).Value);
        Assert.DoesNotContain(Full, edit.DocumentElement.OuterHtml);
        Assert.DoesNotContain(Full, (await manager.PageAsync($"/filings/{filing}")).DocumentElement.OuterHtml);

        // Posting the masked number back keeps the stored one; only a newly typed full number replaces it.
        var fields = PortalClient.FormFields(edit, $"/filings/{filing}/edit");
        fields["Domicile"] = "浙江省金华市浦江县浦阳街道和平北路60号";
        fields["PlannedMoveDate"] = DateTime.UtcNow.AddHours(8).AddDays(30).ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync($"/filings/{filing}/edit", $"/filings/{filing}/edit", fields)).StatusCode);
        Assert.Equal(Full, await ProposedIdAsync(factory, filing));
        Assert.DoesNotContain(Full, (await manager.PageAsync($"/filings/{filing}/submit")).DocumentElement.OuterHtml);

        var newNumber = ResidentIdNumber.WithCheck("33072619900101123");
        fields["LegalRepresentativeIdNumber"] = newNumber;
        fields["LegalRepresentative"] = "楼新";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync($"/filings/{filing}/edit", $"/filings/{filing}/edit", fields)).StatusCode);
        Assert.Equal(newNumber, await ProposedIdAsync(factory, filing));
        Assert.DoesNotContain(newNumber, (await manager.PageAsync($"/filings/{filing}/edit")).DocumentElement.OuterHtml);

        var year = DateTime.UtcNow.AddHours(8).Year - 1;
        var report = (await manager.SubmitAsync("/annual-reports", "/annual-reports/start", new Dictionary<string, string> { ["year"] = year.ToString() })).Headers.Location!.OriginalString;
        var reportPage = await manager.PageAsync(report);
        Assert.Contains(masked, reportPage.Body!.TextContent);
        Assert.DoesNotContain(Full, reportPage.DocumentElement.OuterHtml);

        // Staff of the registering office: in full. Staff of another office: not even the page.
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Contains(Full, (await registrar.PageAsync($"/registry/institutions/{institutionId}")).Body!.TextContent);
        using var city = factory.Client();
        await city.LoginOkAsync(Demo.CityRegistrar);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/registry/institutions/{institutionId}")).StatusCode);
    }

    private static async Task<string?> ProposedIdAsync(PortalFactory factory, Guid filing)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Filings.Where(f => f.Id == filing).Select(f => f.Proposed!.LegalRepresentativeIdNumber).SingleAsync();
    }
}
