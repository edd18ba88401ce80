using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class AccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> BackOfficePages => ["/registry", "/registry/institutions", "/admin", "/admin/funding-sources", "/admin/calendar"];

    [Theory]
    [MemberData(nameof(BackOfficePages))]
    [InlineData("/institution")]
    [InlineData("/account")]
    public async Task Anonymous_IsSentToLogin(string url)
    {
        using var client = factory.Client();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(BackOfficePages))]
    public async Task InstitutionUser_IsForbiddenTheBackOffice(string url)
    {
        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Manager);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权访问", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Registrar_IsForbiddenAdministration()
    {
        using var client = factory.Client();
        await client.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/registry")).StatusCode);
    }

    [Theory]
    [InlineData(Demo.Admin, "/admin")]
    [InlineData(Demo.Supervisor, "/registry")]
    [InlineData(Demo.Registrar, "/registry")]
    [InlineData(Demo.CityRegistrar, "/registry")]
    [InlineData(Demo.Manager, "/institution")]
    [InlineData(Demo.User, "/institution")]
    [InlineData(Demo.Applicant, "/institution")]
    public async Task Login_LandsOnTheRolesHome(string email, string home)
    {
        using var client = factory.Client();
        var response = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(home, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(home)).StatusCode);
    }

    [Fact]
    public async Task Registrar_SeesOwnOfficesInstitutions_And404ForAnotherOffices()
    {
        var (county, city) = await OneInstitutionPerOfficeAsync();
        using var countyClient = factory.Client();
        await countyClient.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.OK, (await countyClient.GetAsync($"/registry/institutions/{county}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await countyClient.GetAsync($"/registry/institutions/{city}")).StatusCode);

        using var cityClient = factory.Client();
        await cityClient.LoginOkAsync(Demo.CityRegistrar);
        Assert.Equal(HttpStatusCode.OK, (await cityClient.GetAsync($"/registry/institutions/{city}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cityClient.GetAsync($"/registry/institutions/{county}")).StatusCode);
    }

    [Fact]
    public async Task RegistryList_ShowsOnlyTheCallersOffice()
    {
        using var client = factory.Client();
        await client.LoginOkAsync(Demo.CityRegistrar);
        var page = await client.PageAsync("/registry/institutions");
        var names = page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(
            new[] { "金华市中心医院", "金华市公共资源交易服务中心" }.Order(StringComparer.Ordinal),
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RegistryDetail_ShowsFullIdentityNumber_ButInstitutionPageMasksIt()
    {
        var (county, _) = await OneInstitutionPerOfficeAsync();
        using var staff = factory.Client();
        await staff.LoginOkAsync(Demo.Registrar);
        var fullId = Portal.Domain.Common.ResidentIdNumber.WithCheck("33072619780315211");
        var detail = await (await staff.GetAsync($"/registry/institutions/{county}")).Content.ReadAsStringAsync();
        Assert.Contains(fullId, detail);

        using var user = factory.Client();
        await user.LoginOkAsync(Demo.User);
        var mine = await (await user.GetAsync("/institution")).Content.ReadAsStringAsync();
        Assert.Contains("浦江县乡村振兴技术服务中心", mine);
        Assert.DoesNotContain(fullId, mine);
        Assert.Contains("330*************" + fullId[^2..], mine);
    }

    private async Task<(Guid County, Guid City)> OneInstitutionPerOfficeAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var county = await db.Institutions.Where(i => i.OfficeId == DemoDataSeeder.CountyOfficeId && i.Current.Name == "浦江县乡村振兴技术服务中心").Select(i => i.Id).SingleAsync();
        var city = await db.Institutions.Where(i => i.OfficeId == DemoDataSeeder.CityOfficeId).Select(i => i.Id).FirstAsync();
        return (county, city);
    }
}
