using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.AnnualReports;
using Portal.Domain.Filings;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>好差评 over HTTP: one rating per closed matter, follow-up of bad ratings, the rater's word, appeals, and the published rate.</summary>
public class RatingTests
{
    private static async Task<Guid> ApprovedReissueAsync(PortalFactory factory, PortalClient manager)
    {
        var id = await FilingWorkTests.SubmittedReissueAsync(manager);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "approve")).StatusCode);
        Assert.Equal(FilingState.Approved, await factory.StateAsync(id));
        return id;
    }

    private static string Antiforgery(IHtmlDocument page) => ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;

    private static async Task<HttpResponseMessage> RateAsync(PortalClient client, Guid filingId, params (string, string)[] fields)
    {
        var page = await client.PageAsync($"/filings/{filingId}");
        return await client.PostAsync($"/filings/{filingId}/rating", fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), Antiforgery(page));
    }

    private static async Task<HttpResponseMessage> PostOnPageAsync(PortalClient client, string page, string action, Dictionary<string, string> fields)
    {
        var doc = await client.PageAsync(page);
        return await client.PostAsync(action, fields, Antiforgery(doc));
    }

    private static async Task<List<ServiceRating>> RatingsAsync(PortalFactory factory, Guid subjectId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ServiceRatings.AsNoTracking().Where(r => r.SubjectId == subjectId).ToListAsync();
    }

    private static async Task<string> ErrorAfterAsync(PortalClient client, HttpResponseMessage response) =>
        (await client.PageAsync(response.Headers.Location!.OriginalString)).QuerySelector(".alert-danger")?.TextContent ?? string.Empty;

    [Fact]
    public async Task ABadRating_IsFollowedUp_AnsweredToTheRater_Appealed_AndDecidedByTheParentOffice()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await FilingWorkTests.SubmittedReissueAsync(manager);

        // Not closed yet: no form, and a direct post is refused.
        Assert.Null((await manager.PageAsync($"/filings/{id}")).QuerySelector("form[data-action=rate]"));
        var early = await RateAsync(manager, id, ("Level", "Satisfied"));
        Assert.Contains("办结后才能评价", await ErrorAfterAsync(manager, early));
        Assert.Empty(await RatingsAsync(factory, id));

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "accept");
        await registrar.DecideAsync(id, "approve");
        Assert.NotNull((await manager.PageAsync($"/filings/{id}")).QuerySelector("form[data-action=rate]"));

        // A number naming no level is no rating at all; "2" is 不满意 as the binder reads it.
        Assert.Contains("请选择评价等级", await ErrorAfterAsync(manager, await RateAsync(manager, id, ("Level", "9"))));
        Assert.Empty(await RatingsAsync(factory, id));
        Assert.Equal(HttpStatusCode.Redirect, (await RateAsync(manager, id, ("Level", "2"), ("Speed", "VeryDissatisfied"), ("StaffAttitude", "Satisfied"), ("Comment", "补正通知没有写清楚要求"))).StatusCode);
        var rating = Assert.Single(await RatingsAsync(factory, id));
        Assert.Equal((SatisfactionLevel.Dissatisfied, SatisfactionLevel.VeryDissatisfied, SatisfactionLevel.Satisfied, (SatisfactionLevel?)null), (rating.Level, rating.Speed, rating.StaffAttitude, rating.GuideClarity));
        Assert.Equal(FollowUpState.Open, rating.FollowUp);

        // 一事一评: another user of the same institution cannot rate it again.
        using var colleague = factory.Client();
        await colleague.LoginOkAsync(Demo.User);
        Assert.Null((await colleague.PageAsync($"/filings/{id}")).QuerySelector("form[data-action=rate]"));
        Assert.Contains("只能评价一次", await ErrorAfterAsync(colleague, await RateAsync(colleague, id, ("Level", "VerySatisfied"))));
        Assert.Single(await RatingsAsync(factory, id));

        // Due in 15 working days by the office's calendar; the supervisor was told.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var calendar = await scope.ServiceProvider.GetRequiredService<Portal.Infrastructure.Calendar.CalendarStore>().LoadAsync(default);
            Assert.Equal(calendar.AddWorkingDays(rating.RatedOn, 15), rating.FollowUpDueOn);
            var supervisorId = await db.Users.Where(u => u.Email == Demo.Supervisor).Select(u => u.Id).SingleAsync();
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == supervisorId && n.Link == $"/registry/ratings/{rating.Id}"));
        }

        // The office's list and workbench show it; a registrar sees but may not answer; the city office cannot see it at all.
        var list = await registrar.PageAsync("/registry/ratings?show=FollowUpOpen");
        Assert.NotNull(list.QuerySelector($"[data-rating-list] tr[data-id='{rating.Id}']"));
        Assert.Equal("1", (await registrar.PageAsync("/registry")).QuerySelector("[data-counter='Rating.FollowUpsOpen']")!.GetAttribute("data-count"));
        Assert.Null((await registrar.PageAsync($"/registry/ratings/{rating.Id}")).QuerySelector("form[data-action=answer]"));
        var forbidden = await PostOnPageAsync(registrar, $"/registry/ratings/{rating.Id}", $"/registry/ratings/{rating.Id}/answer", new() { ["contactedOn"] = rating.RatedOn.ToString("yyyy-MM-dd"), ["finding"] = "x", ["rectification"] = "y" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var cityRegistrar = factory.Client();
        await cityRegistrar.LoginOkAsync(Demo.CityRegistrar);
        Assert.Equal(HttpStatusCode.NotFound, (await cityRegistrar.GetAsync($"/registry/ratings/{rating.Id}")).StatusCode);
        Assert.Null((await cityRegistrar.PageAsync("/registry/ratings?show=All")).QuerySelector($"tr[data-id='{rating.Id}']"));

        // The county supervisor answers: incomplete first, then in full; the rater is told and sees the reply.
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var incomplete = await PostOnPageAsync(supervisor, $"/registry/ratings/{rating.Id}", $"/registry/ratings/{rating.Id}/answer", new() { ["finding"] = "已核实" });
        Assert.Contains("联系日期", await ErrorAfterAsync(supervisor, incomplete));
        var today = rating.RatedOn.ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.Redirect, (await PostOnPageAsync(supervisor, $"/registry/ratings/{rating.Id}", $"/registry/ratings/{rating.Id}/answer",
            new() { ["contactedOn"] = today, ["finding"] = "补正通知书未列明原件要求", ["rectification"] = "已修改补正清单模板并电话说明" })).StatusCode);
        rating = Assert.Single(await RatingsAsync(factory, id));
        Assert.Equal((FollowUpState.Closed, true), (rating.FollowUp, rating.AnsweredOnTime));
        var panel = (await manager.PageAsync($"/filings/{id}")).QuerySelector("[data-rating-panel]")!;
        Assert.Contains("已修改补正清单模板并电话说明", panel.TextContent);
        Assert.NotNull(panel.QuerySelector("form[data-action=feedback]"));
        Assert.Null((await colleague.PageAsync($"/filings/{id}")).QuerySelector("form[data-action=feedback]")); // only the rater answers
        var notRater = await PostOnPageAsync(colleague, $"/filings/{id}", $"/ratings/{rating.Id}/feedback", new() { ["resolved"] = "true" });
        Assert.Equal(HttpStatusCode.NotFound, notRater.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostOnPageAsync(manager, $"/filings/{id}", $"/ratings/{rating.Id}/feedback", new() { ["resolved"] = "false", ["comment"] = "仍需改进" })).StatusCode);
        rating = Assert.Single(await RatingsAsync(factory, id));
        Assert.Equal((false, "仍需改进"), (rating.Resolved, rating.FeedbackComment));

        // The county appeals; the city's supervisor (the parent office) upholds it: the rating stays but stops counting.
        Assert.Equal(HttpStatusCode.Redirect, (await PostOnPageAsync(supervisor, $"/registry/ratings/{rating.Id}", $"/registry/ratings/{rating.Id}/appeal", new() { ["reason"] = "评价针对的是法定材料要求，非服务问题" })).StatusCode);
        var decideOwn = await PostOnPageAsync(supervisor, $"/registry/ratings/{rating.Id}", $"/registry/ratings/{rating.Id}/appeal-decision", new() { ["uphold"] = "true", ["decision"] = "自己裁决" });
        Assert.Equal(HttpStatusCode.NotFound, decideOwn.StatusCode); // an office never decides its own appeal
        using var citySupervisor = factory.Client();
        await citySupervisor.LoginOkAsync(Demo.CitySupervisor);
        var appeals = await citySupervisor.PageAsync("/registry/ratings/appeals");
        Assert.Equal("Pending", appeals.QuerySelector($"tr[data-id='{rating.Id}'] [data-appeal]")!.GetAttribute("data-appeal"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostOnPageAsync(citySupervisor, $"/registry/ratings/{rating.Id}", $"/registry/ratings/{rating.Id}/appeal-decision", new() { ["uphold"] = "true", ["decision"] = "申诉成立：评价内容针对法定材料要求。" })).StatusCode);
        rating = Assert.Single(await RatingsAsync(factory, id));
        Assert.Equal(AppealState.Upheld, rating.Appeal);
        Assert.Equal(SatisfactionLevel.Dissatisfied, rating.Level); // nothing deleted

        using (var scope = factory.Services.CreateScope())
        {
            var actions = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
                .Where(a => a.RecordType == "ServiceRating" && a.RecordId == rating.Id.ToString()).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync();
            Assert.Equal(["rating.give", "rating.answer", "rating.feedback", "rating.appeal.pending", "rating.appeal.upheld"], actions);
        }
    }

    [Fact]
    public async Task ThePublishedRate_IsTheSameFigureTheOfficeSees_AndLeavesOutUpheldAppeals()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var good = await ApprovedReissueAsync(factory, manager);
        Assert.Equal(HttpStatusCode.Redirect, (await RateAsync(manager, good, ("Level", "VerySatisfied"))).StatusCode);
        var bad = await ApprovedReissueAsync(factory, manager);
        Assert.Equal(HttpStatusCode.Redirect, (await RateAsync(manager, bad, ("Level", "VeryDissatisfied"))).StatusCode);

        // An annual report is rated once published: find one the demo published and rate it as its institution.
        Guid reportId;
        string institutionName;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var report = await db.AnnualReports.AsNoTracking().Where(r => r.OfficeId == DemoDataSeeder.CountyOfficeId && r.State == ReportState.Published).FirstAsync();
            reportId = report.Id;
            institutionName = await db.Institutions.Where(i => i.Id == report.InstitutionId).Select(i => i.Current.Name).SingleAsync();
        }

        using var reporter = factory.Client();
        await reporter.LoginOkAsync(await factory.AddInstitutionUserAsync(institutionName, "rating.report@example.org"));
        var reportPage = await reporter.PageAsync($"/annual-reports/{reportId}");
        Assert.NotNull(reportPage.QuerySelector("form[data-action=rate]"));
        Assert.Equal(HttpStatusCode.Redirect, (await reporter.PostAsync($"/annual-reports/{reportId}/rating", new Dictionary<string, string> { ["Level"] = "BasicallySatisfied" }, Antiforgery(reportPage))).StatusCode);
        Assert.Equal(RatedService.AnnualReport, Assert.Single(await RatingsAsync(factory, reportId)).Service);
        // Another institution's report is 404.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/annual-reports/{reportId}/rating", new Dictionary<string, string> { ["Level"] = "Satisfied" }, Antiforgery(await manager.PageAsync("/institution")))).StatusCode);

        async Task<(string? Public, string? Office, decimal? Computed)> RatesAsync()
        {
            using var anyone = factory.Client();
            var services = await anyone.PageAsync("/services");
            var publicRate = services.QuerySelector($"[data-satisfaction] tr[data-office='{DemoDataSeeder.CountyOfficeId}']")!.GetAttribute("data-rate");
            using var registrar = factory.Client();
            await registrar.LoginOkAsync(Demo.Registrar);
            var officeRate = (await registrar.PageAsync("/registry/ratings")).QuerySelector("[data-figures] [data-rate]")!.GetAttribute("data-rate");
            using var scope = factory.Services.CreateScope();
            var all = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ServiceRatings.AsNoTracking().Where(r => r.OfficeId == DemoDataSeeder.CountyOfficeId).ToListAsync();
            return (publicRate, officeRate, SatisfactionFigures.Compute(all, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))).Rate);
        }

        var (publicRate, officeRate, computed) = await RatesAsync();
        Assert.Equal(computed?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), publicRate);
        Assert.Equal(publicRate, officeRate);
        Assert.Equal(66.7m, computed); // 2 of 3 at least 基本满意

        // The parent office upholds an appeal against the bad one: the published rate now leaves it out.
        var badRating = Assert.Single(await RatingsAsync(factory, bad));
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        await PostOnPageAsync(supervisor, $"/registry/ratings/{badRating.Id}", $"/registry/ratings/{badRating.Id}/appeal", new() { ["reason"] = "误评" });
        using var citySupervisor = factory.Client();
        await citySupervisor.LoginOkAsync(Demo.CitySupervisor);
        await PostOnPageAsync(citySupervisor, $"/registry/ratings/{badRating.Id}", $"/registry/ratings/{badRating.Id}/appeal-decision", new() { ["uphold"] = "true", ["decision"] = "成立" });
        (publicRate, officeRate, computed) = await RatesAsync();
        Assert.Equal("100.0", publicRate);
        Assert.Equal(publicRate, officeRate);
        Assert.Equal(100.0m, computed);
    }

    [Fact]
    public async Task AnotherInstitutionsFiling_CannotBeRated()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await ApprovedReissueAsync(factory, manager);
        using var stranger = factory.Client();
        await stranger.LoginOkAsync(await factory.AddInstitutionUserAsync("浦江县图书馆", "rating.stranger@example.org"));
        var response = await stranger.PostAsync($"/filings/{id}/rating", new Dictionary<string, string> { ["Level"] = "VeryDissatisfied" }, Antiforgery(await stranger.PageAsync("/institution")));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await RatingsAsync(factory, id));
    }
}
