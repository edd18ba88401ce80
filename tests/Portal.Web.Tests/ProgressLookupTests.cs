using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Progress;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>进度查询: a number and a code (or the applicant mobile's last four) show the state and dates, nothing else.</summary>
public class ProgressLookupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page, TimeSpan Took)> LookUpAsync(PortalClient client, string number, string key)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await client.SubmitAsync("/progress", "/progress", new Dictionary<string, string> { ["number"] = number, ["key"] = key });
        var took = Stopwatch.GetElapsedTime(started);
        return (response, PortalClient.Parse(await response.Content.ReadAsStringAsync()), took);
    }

    /// <summary>The answer part of the page with the form's per-render token taken out, to compare answers byte for byte.</summary>
    private static string Answer(IHtmlDocument page)
    {
        foreach (var token in page.QuerySelectorAll("input[name=__RequestVerificationToken]").ToList())
        {
            token.Remove();
        }

        return page.QuerySelector("main")!.InnerHtml;
    }

    private async Task<(Guid Id, string Number)> SubmittedSetupAsync(PortalClient applicant, string name)
    {
        var id = await applicant.StartAsync(FilingKind.Setup, DemoDataSeeder.CountyOfficeId);
        var fields = FilingDriver.SetupFields(name);
        fields["Explanation"] = "进度查询测试说明文字";
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SaveAsync(id, fields)).StatusCode);
        await applicant.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Setup, []));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.ConfirmSubmitAsync(id)).StatusCode);
        using var scope = factory.Services.CreateScope();
        var number = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Filings.Where(f => f.Id == id).Select(f => f.Number).SingleAsync();
        return (id, number);
    }

    [Fact]
    public async Task ASetup_IsFoundByTheApplicantMobilesLastFour_AndShowsStateDatesAndInstrumentsOnly()
    {
        const string name = "浦江县进度查询测试中心";
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var (id, number) = await SubmittedSetupAsync(applicant, name);

        using var anyone = factory.Client();
        var last4 = DemoDataSeeder.DemoApplicantMobile[^4..];
        var (_, submitted, took) = await LookUpAsync(anyone, number, last4);
        Assert.True(took >= ProgressController.MinimumAnswerTime, $"answered in {took}");
        var answer = submitted.QuerySelector("[data-progress-answer]");
        Assert.NotNull(answer);
        Assert.Equal("Submitted", answer.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Equal(["Submit"], answer.QuerySelectorAll("[data-step]").Select(s => s.GetAttribute("data-step")));
        Assert.NotNull(answer.QuerySelector("[data-acceptance-due]"));
        Assert.Equal("0", answer.QuerySelector("[data-instruments]")!.GetAttribute("data-instruments"));

        // Accepted: the acceptance notice awaits the applicant, a decision date runs, and still no content shows.
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "accept", note: "内部审查备注不得外泄")).StatusCode);
        var (_, accepted, _) = await LookUpAsync(anyone, number, last4);
        answer = accepted.QuerySelector("[data-progress-answer]")!;
        Assert.Equal("Accepted", answer.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Equal(["Submit", "Accept"], answer.QuerySelectorAll("[data-step]").Select(s => s.GetAttribute("data-step")));
        Assert.Null(answer.QuerySelector("[data-acceptance-due]"));
        Assert.NotNull(answer.QuerySelector("[data-decision-due]"));
        Assert.Equal("1", answer.QuerySelector("[data-instruments]")!.GetAttribute("data-instruments"));

        var text = accepted.Body!.TextContent;
        foreach (var secret in new[] { name, "吴强", "进度查询测试说明文字", "内部审查备注不得外泄", "赵雪", DemoDataSeeder.DemoApplicantMobile })
        {
            Assert.DoesNotContain(secret, text);
        }

        // The key typed is never echoed back into the page.
        Assert.DoesNotContain($"value=\"{last4}\"", accepted.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task WrongPairs_AllAnswerAlike_AndNoSoonerThanTheMinimum()
    {
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(await factory.AddApplicantAsync("progress.pairs@example.cn", "13705791111"));
        var (_, number) = await SubmittedSetupAsync(applicant, "浦江县进度查询对照中心");
        string otherCode;
        using (var scope = factory.Services.CreateScope())
        {
            otherCode = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.Select(i => i.Code).FirstAsync();
        }

        using var anyone = factory.Client();
        var answers = new List<string>();
        foreach (var key in new[] { "0000", "1112", otherCode, "not a code", "11111", " " })
        {
            var (response, page, took) = await LookUpAsync(anyone, number, key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(page.QuerySelector("[data-progress-none]"));
            Assert.Null(page.QuerySelector("[data-progress-answer]"));
            Assert.True(took >= ProgressController.MinimumAnswerTime, $"{key}: answered in {took}");
            answers.Add(Answer(page));
        }

        Assert.Single(answers.Distinct());

        // An unknown number answers the same way (only the echoed number differs), and so does a draft's number.
        var (_, unknown, _) = await LookUpAsync(anyone, number[..^1] + (number[^1] == '9' ? '8' : '9'), "1111");
        Assert.NotNull(unknown.QuerySelector("[data-progress-none]"));
        var draftId = await applicant.StartAsync(FilingKind.AgencyFirstApplication, DemoDataSeeder.CountyOfficeId);
        string draftNumber;
        using (var scope = factory.Services.CreateScope())
        {
            draftNumber = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Filings.Where(f => f.Id == draftId).Select(f => f.Number).SingleAsync();
        }

        var (_, draft, _) = await LookUpAsync(anyone, draftNumber, "1111");
        Assert.NotNull(draft.QuerySelector("[data-progress-none]"));
    }

    [Fact]
    public async Task AChange_IsFoundByItsInstitutionsCodeInAnySpelling_NeverByMobileDigits()
    {
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.Change);
        var fields = PortalClient.FormFields(await manager.PageAsync($"/filings/{id}/edit"), "/edit");
        fields["Explanation"] = "变更举办单位说明";
        fields["Sponsor"] = "浦江县农业农村局（新）";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SaveAsync(id, fields)).StatusCode);
        await manager.UploadAllAsync(id, [AttachmentKind.ApplicationForm, AttachmentKind.ChangeProof]);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.ConfirmSubmitAsync(id)).StatusCode);

        string number, code;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var filing = await db.Filings.SingleAsync(f => f.Id == id);
            number = filing.Number;
            code = await db.Institutions.Where(i => i.Id == filing.InstitutionId).Select(i => i.Code).SingleAsync();
        }

        using var anyone = factory.Client();
        var spaced = string.Join(' ', code.Chunk(6).Select(c => new string(c))).ToLowerInvariant();
        var (_, found, _) = await LookUpAsync(anyone, number.ToLowerInvariant(), spaced);
        Assert.Equal("Submitted", found.QuerySelector("[data-state]")?.GetAttribute("data-state"));
        Assert.DoesNotContain("浦江县农业农村局（新）", found.Body!.TextContent);

        var (_, byDigits, _) = await LookUpAsync(anyone, number, code[^4..]);
        Assert.NotNull(byDigits.QuerySelector("[data-progress-none]"));
    }

    [Fact]
    public async Task TheMobileOnTheAccountPage_IsCheckedAndLooksUpASetup()
    {
        using var client = factory.Client();
        await client.LoginOkAsync(await factory.AddApplicantAsync("progress.mobile@example.cn", "13605792222"));
        await client.SubmitAsync("/account", "/account/mobile", new Dictionary<string, string> { ["mobile"] = "2390579000" });
        Assert.Equal("13605792222", (await client.PageAsync("/account")).QuerySelector("#mobile")!.GetAttribute("value"));

        await client.SubmitAsync("/account", "/account/mobile", new Dictionary<string, string> { ["mobile"] = "139 0579 7777" });
        Assert.Equal("13905797777", (await client.PageAsync("/account")).QuerySelector("#mobile")!.GetAttribute("value"));
        var (_, number) = await SubmittedSetupAsync(client, "浦江县手机号测试中心");
        using var anyone = factory.Client();
        Assert.NotNull((await LookUpAsync(anyone, number, "7777")).Page.QuerySelector("[data-progress-answer]"));
        Assert.NotNull((await LookUpAsync(anyone, number, "2222")).Page.QuerySelector("[data-progress-none]"));

        // Cleared: the setup can no longer be found by any four digits.
        await client.SubmitAsync("/account", "/account/mobile", new Dictionary<string, string> { ["mobile"] = "" });
        Assert.NotNull((await LookUpAsync(anyone, number, "7777")).Page.QuerySelector("[data-progress-none]"));
    }
}

public sealed class TightProgressLimitFactory : PortalFactory
{
    public TightProgressLimitFactory()
    {
        Settings["RateLimits:ProgressPerAddressPerMinute"] = "3";
    }
}

public class ProgressThrottleTests(TightProgressLimitFactory factory) : IClassFixture<TightProgressLimitFactory>
{
    [Fact]
    public async Task LookupsBeyondTheLimit_Are429WithRetryAfter_WhileTheFormStillShows()
    {
        using var client = factory.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SubmitAsync("/progress", "/progress", new Dictionary<string, string> { ["number"] = "330726-2026-9999" + i, ["key"] = "1234" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var refused = await client.SubmitAsync("/progress", "/progress", new Dictionary<string, string> { ["number"] = "x", ["key"] = "1234" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/progress")).StatusCode);
    }
}

public sealed class TightProgressNumberLimitFactory : PortalFactory
{
    public TightProgressNumberLimitFactory()
    {
        Settings["RateLimits:ProgressPerNumberPerHour"] = "3";
    }
}

/// <summary>The per-number limit: many addresses together still get only a few guesses at one filing's key.</summary>
public class ProgressNumberThrottleTests(TightProgressNumberLimitFactory factory) : IClassFixture<TightProgressNumberLimitFactory>
{
    [Fact]
    public async Task GuessesAtOneNumber_AreLimitedWhateverTheSpelling_AndOtherNumbersAreNotHeldUp()
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var spelling in new[] { "330726-2026-77771", " 330726-2026-77771", "330726-2026-77771 ", "330726-2026-77771" })
        {
            // A fresh client each time: the limit is not per browser or per cookie.
            using var client = factory.Client();
            statuses.Add((await client.SubmitAsync("/progress", "/progress", new Dictionary<string, string> { ["number"] = spelling, ["key"] = "1234" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var other = factory.Client();
        var refused = await other.SubmitAsync("/progress", "/progress", new Dictionary<string, string> { ["number"] = "330726-2026-77771", ["key"] = "0000" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(1), $"retry after {refused.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, (await other.SubmitAsync("/progress", "/progress", new Dictionary<string, string> { ["number"] = "330726-2026-77772", ["key"] = "1234" })).StatusCode);
    }
}
