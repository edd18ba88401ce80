using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class RegisterSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<List<string>> NamesAsync(string query, string? language = null)
    {
        using var client = factory.Client();
        var html = await (await client.GetAsync("/register?" + query, language)).Content.ReadAsStringAsync();
        return PortalClient.Parse(html).QuerySelectorAll("[data-results] h2 a").Select(a => a.TextContent.Trim()).ToList();
    }

    [Theory]
    [InlineData("卫生", "浦江县黄宅镇中心卫生院")]
    [InlineData("小学", "浦江县实验小学")]
    [InlineData("疾病预防", "浦江县疾病预防控制中心")]
    public async Task TwoCharacterAndLongerChineseSubstrings_FindTheInstitution(string q, string expected)
    {
        var names = await NamesAsync("q=" + Uri.EscapeDataString(q));
        Assert.Contains(expected, names);
        Assert.All(names, n => Assert.Contains(q, n));
    }

    [Fact]
    public async Task TheCode_IsFoundInAnyCaseAndWithSpaces()
    {
        string code;
        using (var scope = factory.Services.CreateScope())
        {
            code = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.Where(i => i.Current.Name == "浦江县图书馆").Select(i => i.Code).SingleAsync();
        }

        var spaced = string.Join(' ', code.ToLowerInvariant().Chunk(6).Select(c => new string(c)));
        Assert.Equal(["浦江县图书馆"], await NamesAsync("q=" + Uri.EscapeDataString(spaced)));
    }

    [Fact]
    public async Task AFormerName_FindsTheRenamedInstitution_ShownAsFormerly()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var institution = await db.Institutions.SingleAsync(i => i.Current.Name == "浦江县社会保险服务中心");
            institution.RecordChange(institution.Current with { Name = "浦江县社会保障服务中心" }, new DateOnly(2025, 6, 1), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        using var client = factory.Client();
        var page = PortalClient.Parse(await (await client.GetAsync("/register?q=" + Uri.EscapeDataString("社会保险"))).Content.ReadAsStringAsync());
        var hit = Assert.Single(page.QuerySelectorAll("[data-results] li"));
        Assert.Contains("浦江县社会保障服务中心", hit.TextContent);
        Assert.Contains("曾用名：浦江县社会保险服务中心", hit.QuerySelector("[data-formerly]")!.TextContent);
    }

    [Fact]
    public async Task Filters_NarrowTheResults_AndProfilesNeverShowIdentityNumbers()
    {
        var city = await NamesAsync("q=" + Uri.EscapeDataString("中心") + "&office=" + Portal.Infrastructure.Seeding.DemoDataSeeder.CityOfficeId);
        Assert.Equal(new[] { "金华市中心医院", "金华市公共资源交易服务中心" }.Order(), city.Order()); // the city office's only, both contain 中心
        var partial = await NamesAsync("funding=PARTIAL");
        Assert.Contains("浦江县职业技术学校", partial);
        Assert.DoesNotContain("浦江县图书馆", partial);

        using var client = factory.Client();
        var html = await (await client.GetAsync("/register?q=" + Uri.EscapeDataString("浦江县"))).Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"\d{17}[\dX]", html); // no full identity number anywhere in the results
    }

    [Fact]
    public async Task TheProfile_ShowsTheHistoryOfChanges_AndAnnouncements_ButNoIdentityNumber()
    {
        string code;
        const string newId = "330726199003070031";
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var institution = await db.Institutions.SingleAsync(i => i.Current.Name == "浦江县农业技术推广中心");
            institution.RecordChange(institution.Current with { LegalRepresentative = "陈晓东", LegalRepresentativeIdNumber = newId }, new DateOnly(2026, 2, 2), DateTime.UtcNow);
            await db.SaveChangesAsync();
            code = institution.Code;
        }

        using var client = factory.Client();
        var response = await client.GetAsync("/register/" + code);
        var html = await response.Content.ReadAsStringAsync();
        var page = PortalClient.Parse(html);
        var rows = page.QuerySelectorAll("[data-history] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "2026-02-02" && r[2] != r[3] && r[3] == "陈晓东");
        Assert.Contains(rows, r => r[3] == "浦江县农业农村局（浦江县乡村振兴局）"); // the demo's sponsor change, old → new
        Assert.DoesNotContain(newId, html);
        Assert.DoesNotMatch(@"\d{17}[\dX]", html);

        string announcedCode, title;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var announcement = await db.Announcements.AsNoTracking().Where(a => a.InstitutionId != null).OrderBy(a => a.PublishedUtc).FirstAsync();
            announcedCode = await db.Institutions.Where(i => i.Id == announcement.InstitutionId).Select(i => i.Code).SingleAsync();
            title = announcement.TitleZh;
        }

        var announced = PortalClient.Parse(await (await client.GetAsync("/register/" + announcedCode)).Content.ReadAsStringAsync());
        Assert.Contains(title, announced.QuerySelector("[data-public-announcements]")!.TextContent);
    }

    [Fact]
    public async Task TheOpenDataExport_IsAnExcelFriendlyCsvWithFormulasNeutralised_AndJson_MadeOncePerDay()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var institution = await db.Institutions.SingleAsync(i => i.Current.Name == "浦江县图书馆");
            institution.RecordChange(institution.Current with { Sponsor = "=HYPERLINK(\"http://evil.example\",\"点我\")" }, new DateOnly(2026, 1, 10), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var job = factory.Services.GetRequiredService<Portal.Web.Features.Register.OpenDataExportJob>();
        int total, agencies;
        using (var scope = factory.Services.CreateScope())
        {
            total = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.CountAsync();
            agencies = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.CountAsync();
        }

        Assert.Equal(5, agencies); // the demo's organs and people's organisations are in the open data too
        Assert.Equal(total + agencies, await job.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None)); // once per day

        using var client = factory.Client();
        var csv = await client.GetAsync("/register/open-data.csv");
        Assert.Equal(System.Net.HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(total + agencies + 1, lines.Length);
        Assert.StartsWith("统一社会信用代码 code,名称 name", lines[0]);
        Assert.EndsWith("类别 category", lines[0]);
        Assert.Equal(total, lines.Count(l => l.EndsWith(",PublicInstitution", StringComparison.Ordinal)));
        Assert.EndsWith(",PeopleOrganisation", lines.Single(l => l.Contains("浦江县总工会")));
        var library = lines.Single(l => l.Contains("浦江县图书馆"));
        Assert.Contains("\"'=HYPERLINK(", library);
        Assert.DoesNotContain(",=HYPERLINK", library);
        Assert.DoesNotMatch(@"\d{17}[\dX]", text);

        var json = await client.GetAsync("/register/open-data.json");
        var doc = System.Text.Json.JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(total, doc.GetProperty("count").GetInt32());
        Assert.Equal(total, doc.GetProperty("institutions").GetArrayLength());
        Assert.Equal(agencies, doc.GetProperty("agencyCount").GetInt32());
        Assert.Contains(doc.GetProperty("agencies").EnumerateArray(), a => a.GetProperty("name").GetString() == "中共浦江县委组织部" && a.GetProperty("category").GetString() == "Organ");

        // A client that takes gzip gets the stored stream as it is; it unpacks to the same file, SHA-256 as published.
        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, "/register/open-data.csv");
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        var packed = await client.Http.SendAsync(gzipRequest);
        Assert.Equal("gzip", Assert.Single(packed.Content.Headers.ContentEncoding));
        await using (var unzip = new System.IO.Compression.GZipStream(await packed.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress))
        using (var copy = new MemoryStream())
        {
            await unzip.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), Assert.Single(csv.Headers.GetValues("X-Content-SHA256")));
        }

        var register = PortalClient.Parse(await (await client.GetAsync("/register")).Content.ReadAsStringAsync());
        var box = register.QuerySelector("[data-open-data]")!;
        Assert.Contains(DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), box.TextContent);
        Assert.NotNull(box.QuerySelector("a[href='/register/open-data.csv']"));
    }
}
