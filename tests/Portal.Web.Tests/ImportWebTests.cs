using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class ImportWebTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Row(int n, string? code = null) => string.Join(',', code ?? SyntheticRegister.Code("330726", 300_000 + n), $"浦江县网页导入单位{n}", "", "浦江县示例路1号", "公共服务。", "张三",
        ResidentIdNumber.WithCheck("33072619800101" + (n % 1000).ToString("000")), "财政补助（全额拨款）", "10", "浦江县人民政府", "2001-03-04", "", "");

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient client, byte[] content, string name = "register.csv")
    {
        var page = await client.PageAsync("/registry/import");
        var token = ((IHtmlInputElement)page.QuerySelector("form[data-import-upload] input[name=__RequestVerificationToken]")!).Value;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return await client.Http.PostAsync("/registry/import", form);
    }

    [Fact]
    public async Task ADryRunShowsErrorsByRowAndColumn_InTheUsersLanguage_AndWritesNothing()
    {
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        int before;
        using (var scope = factory.Services.CreateScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.CountAsync();
        }

        var csv = "统一社会信用代码,名称,第二名称,住所,宗旨和业务范围,法定代表人,法定代表人身份证号码,经费来源,开办资金（万元）,举办单位,登记日期,证书编号,证书有效期至\r\n"
            + Row(1) + "\r\n" + Row(2, code: "123307260000000000") + "\r\n";
        var response = await UploadAsync(supervisor, Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await supervisor.PageAsync(response.Headers.Location!.ToString());
        var rows = page.QuerySelectorAll("[data-import-errors] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Single(rows);
        Assert.Equal("3", rows[0][0]);
        Assert.Equal("code", rows[0][1]);
        Assert.StartsWith("统一社会信用代码无效", rows[0][2]);
        Assert.Null(page.QuerySelector("form[action$='/start']"));

        var english = PortalClient.Parse(await (await supervisor.GetAsync(response.Headers.Location!.ToString(), "en-US")).Content.ReadAsStringAsync());
        Assert.StartsWith("Not a valid unified social credit code", english.QuerySelector("[data-import-errors] tbody td:nth-child(3)")!.TextContent.Trim());
        var errors = await supervisor.GetAsync(response.Headers.Location + "/errors.csv");
        Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(before, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.CountAsync());
        }
    }

    [Fact]
    public async Task AGb18030File_ImportsThroughTheBackgroundWorker_AndTheProgressIsInTheDatabase()
    {
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = "code,name,second_name,domicile,purpose_and_scope,legal_representative,legal_representative_id,funding_source,startup_capital,sponsor,registered_on,certificate_number,certificate_valid_until\r\n"
            + string.Join("\r\n", Enumerable.Range(10, 25).Select(n => Row(n))) + "\r\n";
        var response = await UploadAsync(supervisor, Encoding.GetEncoding("GB18030").GetBytes(csv));
        var runUrl = response.Headers.Location!.ToString();
        var page = await supervisor.PageAsync(runUrl);
        Assert.Contains("GB18030", page.QuerySelector("h1 + p")!.TextContent);
        var start = await supervisor.SubmitAsync(runUrl, runUrl + "/start", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);

        var running = JsonDocument.Parse(await (await supervisor.GetAsync(runUrl + "/progress")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Running", running.GetProperty("state").GetString());
        await factory.Services.GetRequiredService<Portal.Web.Features.Import.ImportWorker>().RunPendingAsync(CancellationToken.None);
        var done = JsonDocument.Parse(await (await supervisor.GetAsync(runUrl + "/progress")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Completed", done.GetProperty("state").GetString());
        Assert.Equal(25, done.GetProperty("inserted").GetInt32());

        using var visitor = factory.Client();
        var found = PortalClient.Parse(await (await visitor.GetAsync("/register?q=" + Uri.EscapeDataString("网页导入单位12"))).Content.ReadAsStringAsync());
        Assert.Contains("浦江县网页导入单位12", found.QuerySelector("[data-results]")!.TextContent);
    }

    [Fact]
    public async Task OnlyTheOfficesSupervisor_SeesItsImports()
    {
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var response = await UploadAsync(supervisor, Encoding.UTF8.GetBytes("code,name\r\n"));
        var runUrl = response.Headers.Location!.ToString();

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.GetAsync("/registry/import")).StatusCode);

        using var city = factory.Client();
        await city.LoginOkAsync(Demo.CityRegistrar);
        Assert.Equal(HttpStatusCode.Forbidden, (await city.GetAsync(runUrl)).StatusCode);

        // A binary file renamed .csv is refused before any parsing.
        var binary = await UploadAsync(supervisor, [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0], "register.csv");
        Assert.Equal("/registry/import", binary.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AnImportedInstitution_KeepsItsPaperCertificateOnRecord_UntilItsFirstChangeIssuesTheElectronicOne()
    {
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var code = SyntheticRegister.Code("330726", 400_001);
        var csv = "code,name,second_name,domicile,purpose_and_scope,legal_representative,legal_representative_id,funding_source,startup_capital,sponsor,registered_on,certificate_number,certificate_valid_until\r\n"
            + string.Join(',', code, "浦江县纸质证书单位", "", "浦江县示例路2号", "公共服务。", "李四", ResidentIdNumber.WithCheck("33072619800202002"), "FULL", "20", "浦江县人民政府", "2003-03-03", "事证第133072699999号", "2029-03-02") + "\r\n";
        var runUrl = (await UploadAsync(supervisor, Encoding.UTF8.GetBytes(csv))).Headers.Location!.ToString();
        await supervisor.SubmitAsync(runUrl, runUrl + "/start", new Dictionary<string, string>());
        await factory.Services.GetRequiredService<Portal.Web.Features.Import.ImportWorker>().RunPendingAsync(CancellationToken.None);

        using var visitor = factory.Client();
        var profile = await visitor.PageAsync("/register/" + code);
        Assert.Contains("事证第133072699999号", profile.Body!.TextContent); // the certificate on record
        using (var scope = factory.Services.CreateScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Certificates.AnyAsync(c => c.Code == code));
        }

        // Its first change on the portal: approved, and the electronic certificate is issued.
        await factory.AddInstitutionUserAsync("浦江县纸质证书单位", "paper.manager@test.portal");
        using var manager = factory.Client();
        await manager.LoginOkAsync("paper.manager@test.portal");
        var id = await manager.StartAsync(Portal.Domain.Filings.FilingKind.Change);
        var edit = await manager.PageAsync($"/filings/{id}/edit");
        var fields = PortalClient.FormFields(edit, "/edit");
        fields["Sponsor"] = "浦江县文化和广电旅游体育局";
        fields["Explanation"] = "举办单位调整";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SaveAsync(id, fields)).StatusCode);
        await manager.UploadAllAsync(id, Portal.Domain.Filings.FilingMaterials.Required(Portal.Domain.Filings.FilingKind.Change, [Portal.Domain.Filings.RegisteredItem.Sponsor]));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.ConfirmSubmitAsync(id)).StatusCode);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "accept");
        await registrar.DecideAsync(id, "approve");
        Assert.Equal(Portal.Domain.Filings.FilingState.Approved, await factory.StateAsync(id));

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.Code == code);
            Assert.Equal(Portal.Domain.Certificates.CertificateStatus.Valid, certificate.Status);
            var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Code == code);
            Assert.Equal(certificate.Number, institution.CertificateNumber);
            Assert.Equal("事证第133072699999号", institution.LegacyCertificateNumber);
        }
    }
}
