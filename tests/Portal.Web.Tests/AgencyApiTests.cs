using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>The agencies in API v1: their own endpoint, the lookup of either family, the feed, the OpenAPI document.</summary>
public class AgencyApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AnAgency_IsServedByCode_AndByTheLookup_WithThePersonInChargeByNameOnly()
    {
        string union, unionId, institution;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Current.Name == "浦江县总工会");
            (union, unionId) = (agency.Code, agency.Current.PersonInChargeIdNumber);
            institution = await db.Institutions.Select(i => i.Code).FirstAsync();
        }

        var client = await ApiClientsForTests.RegisterAsync(factory, "组织机构代码核查", [ApiScopes.RegisterRead]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client);
        var response = await api.GetAsync($"/api/v1/agencies/{union}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(("浦江县总工会", "PeopleOrganisation", "Active", "陈建华"),
            (body.GetProperty("name").GetString(), body.GetProperty("category").GetString(), body.GetProperty("status").GetString(), body.GetProperty("personInCharge").GetString()));
        Assert.Equal("Valid", body.GetProperty("certificateStatus").GetString());
        Assert.DoesNotContain(unionId, text);
        Assert.DoesNotContain(unionId[..6] + "*", text);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/agencies/{institution}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/agencies/not-a-code")).StatusCode);

        var lookup = await api.PostAsJsonAsync("/api/v1/institutions/lookup", new { codes = new[] { union, institution, "12330726MB0000000X" } });
        var results = (await lookup.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal("found", results[0].GetProperty("result").GetString());
        Assert.Equal("浦江县总工会", results[0].GetProperty("agency").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("institution").ValueKind);
        Assert.Equal(JsonValueKind.Object, results[1].GetProperty("institution").ValueKind);
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("agency").ValueKind);
        Assert.NotEqual("found", results[2].GetProperty("result").GetString());
    }

    [Fact]
    public async Task TheFeed_CarriesAgencyEvents_AndTheOpenApiDocumentNamesTheEndpoint()
    {
        var client = await ApiClientsForTests.RegisterAsync(factory, "赋码订阅", [ApiScopes.FeedRead]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client);
        var kinds = new List<(string Kind, string Code)>();
        string? cursor = null;
        do
        {
            var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/feed?limit=1000" + (cursor is null ? "" : "&after=" + cursor));
            kinds.AddRange(page.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("code").GetString()!)));
            cursor = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("next").GetString() : null;
        }
        while (cursor is not null);

        // Five demo organs and people's organisations: each registered and issued its certificate.
        Assert.Equal(5, kinds.Count(k => k.Kind == "agency.registered"));
        Assert.Equal(5, kinds.Count(k => k.Kind == "agency-certificate.issued"));
        Assert.All(kinds.Where(k => k.Kind.StartsWith("agency", StringComparison.Ordinal)), k => Assert.True(k.Code[1] is '1' or '3' or '9', k.Code));

        using var anonymous = factory.CreateClient();
        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/agencies/{code}", openApi);
        Assert.Contains("ApiAgency", openApi);
    }
}
