using System.Net;
using Portal.Domain.Agencies;
using Portal.Domain.AnnualReports;
using Portal.Domain.Filings;
using Portal.Domain.Services;
using Portal.Web.Features.Services;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>办事指南: every guide's materials and time limits are the rules the portal enforces, and offices edit their own desk.</summary>
public class ServiceGuideTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// What the checks demand, asked of the enforcing functions directly: always (a filing that changes nothing), when one
    /// item changes or for one cause, or never.
    /// </summary>
    private static Dictionary<string, string> Enforced(FilingKind kind)
    {
        IReadOnlyList<AttachmentKind> Demanded(IReadOnlyCollection<RegisteredItem> items, IReadOnlyCollection<AgencyItem> agencyItems, ReissueCause? cause) =>
            FilingKinds.IsAgency(kind) ? FilingMaterials.RequiredForAgency(kind, agencyItems, cause) : FilingMaterials.Required(kind, items);

        var always = Demanded([], [], null);
        var sometimes = Enum.GetValues<RegisteredItem>().SelectMany(i => Demanded([i], [], null))
            .Concat(Enum.GetValues<AgencyItem>().SelectMany(i => Demanded([], [i], null)))
            .Concat(Enum.GetValues<ReissueCause>().SelectMany(c => Demanded([], [], c)))
            .ToHashSet();
        return FilingMaterials.Allowed(kind).ToDictionary(
            m => "Attachment." + m,
            m => always.Contains(m) ? "Always" : sometimes.Contains(m) ? "When" : "Optional");
    }

    public static TheoryData<string> Slugs() => [.. ServiceCatalogue.All.Select(s => s.Slug)];

    [Theory]
    [MemberData(nameof(Slugs))]
    public async Task EveryGuide_ListsExactlyTheMaterialsTheChecksDemand(string slug)
    {
        using var client = factory.Client();
        var page = await client.PageAsync("/services/" + slug);
        var shown = page.QuerySelectorAll("[data-material]").ToDictionary(r => r.GetAttribute("data-material")!, r => r.GetAttribute("data-required")!);
        var service = ServiceCatalogue.BySlug(slug)!;
        var expected = service.Kind is { } kind ? Enforced(kind)
            : service.Item == ServiceItem.AnnualReport
                ? Enum.GetValues<ReportAttachmentKind>().ToDictionary(k => "ReportAttachment." + k, k => AnnualReport.RequiredAttachments.Contains(k) ? "Always" : "Optional")
                : [];
        Assert.Equal(expected.OrderBy(e => e.Key), shown.OrderBy(e => e.Key));

        // Each section a guide owes its reader is there, with the fee and at least one citation.
        foreach (var section in new[] { "g-cond", "g-mat", "g-time", "g-fee", "g-basis", "g-steps", "g-result", "g-office" })
        {
            Assert.NotNull(page.GetElementById(section));
        }

        Assert.Contains("不收费", page.GetElementById("g-fee")!.ParentElement!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("[data-basis] li"));
        Assert.NotEmpty(page.QuerySelectorAll("#g-steps + ol li"));
    }

    [Fact]
    public async Task AnnualReportGuide_AgreesWithWhatKeepsAReportFromBeingSubmitted()
    {
        // A report with every other part filled in is held back by exactly the materials the guide marks required.
        using var client = factory.Client();
        var page = await client.PageAsync("/services/annual-report");
        var required = page.QuerySelectorAll("[data-required=Always]").Select(r => r.GetAttribute("data-material")).ToList();
        Assert.Equal(["ReportAttachment.BalanceSheet", "ReportAttachment.SponsorConfirmation"], required);
        Assert.Equal(2, AnnualReport.RequiredAttachments.Count);
    }

    [Fact]
    public async Task TimeLimits_ComeFromTheClockSettingsAndEachOfficesPromise()
    {
        using var client = factory.Client();
        var page = await client.PageAsync("/services/setup");
        var limits = page.QuerySelector("[data-time-limits]")!.TextContent;
        Assert.Contains("3 个工作日", limits);
        Assert.Contains("30 日", limits);

        // The county promises 5 working days (demo seed); the city promises nothing and works to the legal limit.
        var promises = page.QuerySelectorAll("[data-office]").ToDictionary(o => o.QuerySelector("h3")!.TextContent, o => o.QuerySelector("[data-promise]")!.TextContent);
        Assert.Contains("5 个工作日", promises["浦江县事业单位登记管理局"]);
        Assert.Contains("法定时限", promises.Single(p => p.Key != "浦江县事业单位登记管理局").Value);

        // The annual report shows each office's window instead of a decision clock.
        var report = await client.PageAsync("/services/annual-report");
        Assert.Null(report.QuerySelector("[data-time-limits]"));
        Assert.Contains("1月1日至3月31日", report.QuerySelector("[data-window]")!.TextContent);
    }

    [Fact]
    public async Task Guides_SpeakEnglish_AndAnUnknownServiceIs404()
    {
        using var client = factory.Client();
        var response = await client.GetAsync("/services/change", "en-US");
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Change registration", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("when the domicile changes", page.QuerySelector("[data-material='Attachment.DomicileProof']")!.TextContent);
        Assert.Contains("Administrative Licensing Law of the PRC, art. 32", page.QuerySelector("[data-basis]")!.TextContent);

        var zh = await client.PageAsync("/services/change");
        Assert.Contains("变更住所时", zh.QuerySelector("[data-material='Attachment.DomicileProof']")!.TextContent);
        Assert.Contains("《中华人民共和国行政许可法》第三十二条", zh.QuerySelector("[data-basis]")!.TextContent);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/services/no-such-service")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/services/Setup")).StatusCode); // slugs are exact
    }

    [Fact]
    public async Task TheListLinksEveryGuide_AndAGuideLeadsToTheNewFilingPageNarrowedToItsKind()
    {
        using var client = factory.Client();
        var list = await client.PageAsync("/services");
        var links = list.QuerySelectorAll("main a[href^='/services/']").Select(a => a.GetAttribute("href")!).ToHashSet();
        Assert.Equal(ServiceCatalogue.All.Select(s => "/services/" + s.Slug).ToHashSet(), links);

        var guide = await client.PageAsync("/services/setup");
        var start = guide.QuerySelector("[data-start]")!.GetAttribute("href")!;
        Assert.Equal("/filings/new?kind=Setup", start);

        await client.LoginOkAsync(Demo.Applicant);
        var narrowed = await client.PageAsync(start);
        Assert.Equal(["设立登记"], narrowed.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim()));
        Assert.NotNull(narrowed.QuerySelector("form[action='/filings/new'] input[name=kind][value=Setup]"));

        // The full page names every kind it offers and links each to its guide.
        var all = await client.PageAsync("/filings/new");
        var kinds = all.QuerySelectorAll("input[name=kind]").Select(i => Enum.Parse<FilingKind>(i.GetAttribute("value")!)).ToList();
        Assert.NotEmpty(kinds);
        foreach (var kind in kinds)
        {
            Assert.NotNull(all.QuerySelector($"a[href='/services/{ServiceCatalogue.ForKind(kind).Slug}']"));
        }
    }

    [Fact]
    public async Task TheSupervisorEditsTheDesk_InBothLanguages_AndARegistrarCannot()
    {
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var fields = new Dictionary<string, string>
        {
            ["AddressZh"] = "浦江县行政服务中心三楼12号窗口",
            ["AddressEn"] = "Desk 12, 3rd floor, County Administrative Service Centre",
            ["HoursZh"] = "工作日 9:00–17:00",
            ["HoursEn"] = "Working days 9:00–17:00",
            ["NotesZh"] = "请提前预约。",
            ["NotesEn"] = "Please book ahead.",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.SubmitAsync("/registry", "/registry/service-desk", fields)).StatusCode);

        using var anyone = factory.Client();
        var zh = await anyone.PageAsync("/services/deregistration");
        var county = zh.QuerySelectorAll("[data-office]").Single(o => o.TextContent.Contains("浦江县事业单位登记管理局"));
        Assert.Contains("浦江县行政服务中心三楼12号窗口", county.TextContent);
        Assert.Contains("请提前预约。", county.TextContent);
        var en = PortalClient.Parse(await (await anyone.GetAsync("/services/deregistration", "en-US")).Content.ReadAsStringAsync());
        Assert.Contains("Desk 12, 3rd floor", en.QuerySelectorAll("[data-office]").Single(o => o.TextContent.Contains("Pujiang")).TextContent);

        // Too long is refused whole: the desk keeps what it had.
        fields["NotesZh"] = new string('长', 1001);
        await supervisor.SubmitAsync("/registry", "/registry/service-desk", fields);
        Assert.Contains("请提前预约。", (await anyone.PageAsync("/services/deregistration")).Body!.TextContent);

        // A registrar sees the desk but has no form, and a post of their own is refused.
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var home = await registrar.PageAsync("/registry");
        Assert.Null(home.QuerySelector("form[action='/registry/service-desk']"));
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        fields["NotesZh"] = "登记员改的";
        var refused = await registrar.PostAsync("/registry/service-desk", fields, token);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.DoesNotContain("登记员改的", (await anyone.PageAsync("/services/deregistration")).Body!.TextContent);
    }

    public static TheoryData<string> FilingSlugs() => [.. ServiceCatalogue.All.Where(s => s.IsFiling).Select(s => s.Slug)];

    [Theory]
    [MemberData(nameof(FilingSlugs))]
    public async Task EveryFilingsTemplate_IsAPdfListingTheGuidesMaterials(string slug)
    {
        using var client = factory.Client();
        var guide = await client.PageAsync("/services/" + slug);
        Assert.Equal($"/services/{slug}/template.pdf", guide.QuerySelector("[data-template]")!.GetAttribute("href"));

        var response = await client.GetAsync($"/services/{slug}/template.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty);

        // Every material of the guide (in its Chinese name) is on the checklist, with the form's title and a signature line.
        var names = guide.QuerySelectorAll("[data-material] td:first-child").Select(td => td.TextContent.Trim().Replace(" ", string.Empty)).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains(n, text));
        Assert.Contains("申请书", text);
        Assert.Contains("样表", text);
        Assert.Contains("（签字）", text);
    }

    [Fact]
    public async Task TheChangeTemplate_HasARowForEveryRegisteredItem_AndNonFilingsHaveNoTemplate()
    {
        using var client = factory.Client();
        var pdf = await (await client.GetAsync("/services/change/template.pdf")).Content.ReadAsByteArrayAsync();
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty);
        foreach (var item in new[] { "名称", "住所", "宗旨和业务范围", "法定代表人", "经费来源", "开办资金", "举办单位", "变更前", "变更后" })
        {
            Assert.Contains(item, text);
        }

        Assert.Contains("变更住所时必需", text);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/services/annual-report/template.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/services/certificate-verification/template.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/services/nothing/template.pdf")).StatusCode);
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(8, "八")]
    [InlineData(10, "十")]
    [InlineData(13, "十三")]
    [InlineData(32, "三十二")]
    [InlineData(100, "一百")]
    [InlineData(108, "一百零八")]
    [InlineData(113, "一百一十三")]
    [InlineData(250, "二百五十")]
    public void ArticlesAreNumberedInChinese(int n, string expected) => Assert.Equal(expected, LegalCitation.ChineseNumber(n));
}
