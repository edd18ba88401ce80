using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Issue 14: what an institution clerk types is kept exactly, numbers mean what was typed, and every error can be acted on.</summary>
public class TypedInputTests
{
    private static async Task<Portal.Domain.Filings.Filing> FilingAsync(PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Filings.AsNoTracking().Include(f => f.Attachments).SingleAsync(f => f.Id == id);
    }

    private static async Task<HttpResponseMessage> SaveAsync(PortalClient client, Guid id, Dictionary<string, string> fields, string next)
    {
        var page = await client.PageAsync($"/filings/{id}/edit");
        var token = ((IHtmlInputElement)page.QuerySelector($"form[action='/filings/{id}/edit'] input[name=__RequestVerificationToken]")!).Value;
        return await client.PostAsync($"/filings/{id}/edit", new Dictionary<string, string>(fields) { ["next"] = next }, token);
    }

    /// <summary>Each typed 开办资金, in each language: stored exactly, or refused with a message that names the field, the text kept in the field.</summary>
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task StartupCapital_IsStoredExactly_OrRefusedNamingTheField(string culture)
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        await applicant.GetAsync($"/culture?culture={culture}&returnUrl=%2F");
        var id = await applicant.StartAsync(FilingKind.Setup, DemoDataSeeder.CountyOfficeId);
        var label = culture == "zh-CN" ? "开办资金" : "Start-up capital";

        var cases = new (string Input, decimal? Stored)[]
        {
            ("12,5", null), ("1,234.5", null), ("１２.５", 12.5m), (" 12.50 ", 12.5m), ("abc", null), ("-1", null), ("1e3", null),
            ("12.345", null), ("", null), ("100000000", null), ("80", 80m),
        };
        foreach (var (input, stored) in cases)
        {
            var fields = FilingDriver.SetupFields("浦江县数字化改革服务中心");
            fields["StartupCapital"] = input;
            var response = await SaveAsync(applicant, id, fields, "confirm");
            var filing = await FilingAsync(factory, id);
            if (stored is { } value)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"'{input}' ({culture}): {response.StatusCode}");
                Assert.Equal(value, filing.Proposed!.StartupCapital);
                Assert.Null(filing.DraftInput);
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"'{input}' ({culture}) was accepted");
            var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
            var field = (IHtmlInputElement)page.QuerySelector("#StartupCapital")!;
            Assert.Equal(input, field.Value); // never cleared
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            Assert.Equal("StartupCapital-error", field.GetAttribute("aria-describedby")!.Split(' ').Last());
            var message = page.QuerySelector("#StartupCapital-error")!.TextContent;
            Assert.Contains(label, message);
            Assert.DoesNotContain(culture == "zh-CN" ? "填写的值无效" : "The value is not valid", page.Body!.TextContent);

            // The summary lists it as a link to the field; the draft keeps exactly what was typed.
            Assert.Contains(page.QuerySelectorAll("#error-summary a"), a => a.GetAttribute("href") == "#StartupCapital");
            Assert.Contains(input.Length == 0 ? "\"StartupCapital\":null" : "\"StartupCapital\":\"" + input + "\"", filing.DraftInput ?? string.Empty);
            Assert.NotEqual(125m, filing.Proposed?.StartupCapital); // "12,5" is never 125
        }
    }

    [Fact]
    public async Task ADraft_IsSavedAsTyped_IncompleteOrNot_AndTheCheckPageLinksEachProblemToItsField()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await applicant.StartAsync(FilingKind.Setup, DemoDataSeeder.CountyOfficeId);

        // Only a name and a half-typed sponsor: "保存草稿" saves them, no complaint about what is still empty.
        var saved = await SaveAsync(applicant, id, new() { ["Name"] = "浦江县草稿测试中心", ["Sponsor"] = "浦江县人民政府办" }, "stay");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var edit = await applicant.PageAsync($"/filings/{id}/edit");
        Assert.Equal("浦江县草稿测试中心", ((IHtmlInputElement)edit.QuerySelector("#Name")!).Value);
        Assert.Equal("浦江县人民政府办", ((IHtmlInputElement)edit.QuerySelector("#Sponsor")!).Value);
        Assert.Null(edit.QuerySelector("#error-summary"));

        // The check page: each missing field and each missing material is a link to the place that fixes it.
        var confirm = await applicant.PageAsync($"/filings/{id}/submit");
        var links = confirm.QuerySelectorAll("[data-problems] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains($"/filings/{id}/edit#Domicile", links);
        Assert.Contains($"/filings/{id}/edit#StartupCapital", links);
        Assert.Contains($"/filings/{id}/edit#material-ApplicationForm", links);
        Assert.True(links.IndexOf($"/filings/{id}/edit#Domicile") < links.IndexOf($"/filings/{id}/edit#StartupCapital"), "problems in the order of the fields");
        Assert.True(confirm.QuerySelector("form[action$='/submit'] button")!.HasAttribute("disabled"));

        // "保存并核对提交" with the form still incomplete: every problem at once, in page order, focus on the summary.
        var refused = await SaveAsync(applicant, id, new() { ["Name"] = "浦江县草稿测试中心" }, "confirm");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        var summary = page.QuerySelector("#error-summary")!;
        Assert.True(summary.HasAttribute("autofocus"));
        var order = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(order.OrderBy(h => Portal.Web.Features.Filings.FilingDetailsForm.FieldOrder.ToList().IndexOf(h.TrimStart('#'))).ToList(), order);
        Assert.Equal("浦江县草稿测试中心", ((IHtmlInputElement)page.QuerySelector("#Name")!).Value);

        // Completed: the description is stored and the draft copy is gone.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(applicant, id, FilingDriver.SetupFields("浦江县草稿测试中心"), "confirm")).StatusCode);
        var filing = await FilingAsync(factory, id);
        Assert.Null(filing.DraftInput);
        Assert.Equal("浦江县草稿测试中心", filing.Proposed!.Name);
        confirm = await applicant.PageAsync($"/filings/{id}/submit");
        var change = confirm.QuerySelectorAll(".items-table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/filings/{id}/edit#Name", change); // each row of what will be registered has its 修改 link
        Assert.Contains($"/filings/{id}/edit#FundingSourceCode", change);
    }

    [Fact]
    public async Task AttachingAMaterial_SavesWhatWasTypedWithIt_AndEachMaterialHasItsSlotInChecklistOrder()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await applicant.StartAsync(FilingKind.Setup, DemoDataSeeder.CountyOfficeId);

        var edit = await applicant.PageAsync($"/filings/{id}/edit");
        var slots = edit.QuerySelectorAll(".material-slot input[type=file]").Select(i => i.GetAttribute("name")!).ToList();
        Assert.Equal(FilingMaterials.Allowed(FilingKind.Setup).Select(k => "material-" + k).ToList(), slots);
        var form = edit.QuerySelector($"form[action='/filings/{id}/edit']")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        var all = form.QuerySelectorAll("input[type=file], button[value=confirm]").ToList();
        Assert.Equal("confirm", all.Last().GetAttribute("value")); // the slots come before the submit button

        // Type, choose a file, press the slot's 上传: both are saved.
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("upload"), "next" },
            { new StringContent("浦江县上传测试中心"), "Name" },
            { new StringContent("情况说明：先上传申请表。"), "Explanation" },
        };
        var file = new ByteArrayContent(FilingDriver.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        multipart.Add(file, "material-ApplicationForm", "application.pdf");
        var response = await applicant.Http.PostAsync($"/filings/{id}/edit", multipart);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("#materials", response.Headers.Location!.OriginalString);

        edit = await applicant.PageAsync($"/filings/{id}/edit");
        Assert.Equal("浦江县上传测试中心", ((IHtmlInputElement)edit.QuerySelector("#Name")!).Value);
        Assert.Equal("情况说明：先上传申请表。", ((IHtmlTextAreaElement)edit.QuerySelector("#Explanation")!).Value);
        var filing = await FilingAsync(factory, id);
        Assert.Equal(AttachmentKind.ApplicationForm, Assert.Single(filing.Attachments).Kind);

        // A file refused by its content: the message sits in its slot, the typing is still kept.
        token = ((IHtmlInputElement)edit.QuerySelector($"form[action='/filings/{id}/edit'] input[name=__RequestVerificationToken]")!).Value;
        using var bad = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("upload"), "next" },
            { new StringContent("浦江县上传测试中心二"), "Name" },
        };
        var notPdf = new ByteArrayContent("MZ this is not a pdf"u8.ToArray());
        notPdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        bad.Add(notPdf, "material-DraftCharter", "charter.pdf");
        response = await applicant.Http.PostAsync($"/filings/{id}/edit", bad);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("#material-DraftCharter-error"));
        Assert.Equal("true", page.QuerySelector("#material-DraftCharter")!.GetAttribute("aria-invalid"));
        Assert.Equal("浦江县上传测试中心二", ((IHtmlInputElement)page.QuerySelector("#Name")!).Value);
        Assert.Contains("浦江县上传测试中心二", (await FilingAsync(factory, id)).DraftInput);
    }

    [Fact]
    public async Task Resubmitting_DoesNotPromiseAcceptanceWithinThreeWorkingDays()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await applicant.StartAsync(FilingKind.Setup, DemoDataSeeder.CountyOfficeId);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SaveAsync(id, FilingDriver.SetupFields("浦江县重提测试中心"))).StatusCode);
        await applicant.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Setup, []));
        var first = await applicant.ConfirmSubmitAsync(id);
        var shown = await applicant.PageAsync(first.Headers.Location!.OriginalString);
        Assert.Contains("3个工作日", shown.QuerySelector("[role=status]")!.TextContent);

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "return", "请补充章程草案的签字页。", [nameof(AttachmentKind.DraftCharter)])).StatusCode);

        var again = await applicant.ConfirmSubmitAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        shown = await applicant.PageAsync(again.Headers.Location!.OriginalString);
        var flash = shown.QuerySelector("[role=status]")!.TextContent;
        Assert.Contains("已重新提交", flash);
        Assert.DoesNotContain("3个工作日", flash);
    }
}
