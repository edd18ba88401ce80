using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>The office's housekeeping on a filing: who works it (承办) and internal notes (内部备注).</summary>
public class FilingWorkTests
{
    internal static async Task<Guid> SubmittedReissueAsync(PortalClient manager)
    {
        var id = await manager.StartAsync(FilingKind.CertificateReissue);
        await manager.SaveAsync(id, new Dictionary<string, string> { ["Explanation"] = "证书副本遗失，已登报声明作废。" });
        await manager.UploadAllAsync(id, [AttachmentKind.ApplicationForm, AttachmentKind.LossDeclaration]);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.ConfirmSubmitAsync(id)).StatusCode);
        return id;
    }

    private static async Task<HttpResponseMessage> WorkAsync(PortalClient client, Guid id, string what, Dictionary<string, string>? fields = null)
    {
        var page = await client.PageAsync($"/registry/filings/{id}");
        var form = page.Forms.FirstOrDefault(f => f.GetAttribute("action") == $"/registry/filings/{id}/{what}")
            ?? throw new InvalidOperationException($"No '{what}' form on the review page.");
        var values = new Dictionary<string, string>(fields ?? []);
        if (form.QuerySelector("input[name=token]") is IHtmlInputElement token)
        {
            values["token"] = token.Value;
        }

        return await client.PostAsync($"/registry/filings/{id}/{what}", values, ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value);
    }

    private static async Task<string> UserIdAsync(PortalFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<(string? Id, string? Name)> AssigneeAsync(PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        var f = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Filings.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.AssigneeUserId, x.AssigneeName }).SingleAsync();
        return (f.AssigneeUserId, f.AssigneeName);
    }

    private static HashSet<string> Listed(IHtmlDocument queue) =>
        queue.QuerySelectorAll("table.queue tbody tr[data-id]").Select(r => r.GetAttribute("data-id")!).ToHashSet();

    [Fact]
    public async Task ARegistrarTakesAFiling_TheSupervisorReassignsIt_AndEveryAssignmentIsAudited()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await SubmittedReissueAsync(manager);
        var registrarId = await UserIdAsync(factory, Demo.Registrar);
        var supervisorId = await UserIdAsync(factory, Demo.Supervisor);

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Contains(id.ToString(), Listed(await registrar.PageAsync("/registry/filings?who=Unassigned")));
        Assert.DoesNotContain(id.ToString(), Listed(await registrar.PageAsync("/registry/filings?who=Mine")));

        // 我来办
        Assert.Equal(HttpStatusCode.Redirect, (await WorkAsync(registrar, id, "take")).StatusCode);
        Assert.Equal(registrarId, (await AssigneeAsync(factory, id)).Id);
        var mine = await registrar.PageAsync("/registry/filings?who=Mine");
        Assert.Contains(id.ToString(), Listed(mine));
        Assert.Equal(registrarId, mine.QuerySelector($"tr[data-id='{id}'] [data-assignee]")!.GetAttribute("data-assignee"));
        Assert.DoesNotContain(id.ToString(), Listed(await registrar.PageAsync("/registry/filings?who=Unassigned")));
        var counter = (await registrar.PageAsync("/registry")).QuerySelector("[data-counter='Review.Who.Mine']")!;
        Assert.Equal(Listed(mine).Count.ToString(), counter.GetAttribute("data-count"));

        // The filter binds numbers too (0 = Mine); a number naming no filter lists nothing rather than everything.
        Assert.Equal(Listed(mine), Listed(await registrar.PageAsync("/registry/filings?who=0")));
        Assert.Empty(Listed(await registrar.PageAsync("/registry/filings?who=7")));

        // A registrar may not assign, and the review page offers no assignment list to one.
        var page = await registrar.PageAsync($"/registry/filings/{id}");
        Assert.Null(page.QuerySelector("form[data-action=assign]"));
        var token = ((IHtmlInputElement)page.QuerySelector("form[data-action=take], form[data-action=note]")!.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var forbidden = await registrar.PostAsync($"/registry/filings/{id}/assign", new Dictionary<string, string> { ["assignee"] = registrarId, ["token"] = Guid.Empty.ToString() }, token);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        // The supervisor reassigns it to themselves; the registrar can no longer "take" it back.
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var supervisorPage = await supervisor.PageAsync($"/registry/filings/{id}");
        var options = supervisorPage.QuerySelectorAll("form[data-action=assign] select[name=assignee] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(registrarId, options);
        Assert.Contains(supervisorId, options);
        Assert.DoesNotContain(await UserIdAsync(factory, Demo.CityRegistrar), options);
        Assert.Equal(HttpStatusCode.Redirect, (await WorkAsync(supervisor, id, "assign", new() { ["assignee"] = supervisorId })).StatusCode);
        Assert.Equal(supervisorId, (await AssigneeAsync(factory, id)).Id);
        Assert.DoesNotContain(id.ToString(), Listed(await registrar.PageAsync("/registry/filings?who=Mine")));
        Assert.Null((await registrar.PageAsync($"/registry/filings/{id}")).QuerySelector("form[data-action=take]"));

        using (var scope = factory.Services.CreateScope())
        {
            var audit = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
                .Where(a => a.RecordType == "Filing" && a.RecordId == id.ToString() && a.Action.StartsWith("filing.") && a.Action.Contains("assign"))
                .OrderBy(a => a.Sequence).Select(a => new { a.Action, a.Detail, a.ActorName }).ToListAsync();
            Assert.Equal(["filing.assign", "filing.reassign"], audit.Select(a => a.Action));
            Assert.StartsWith($"{registrarId}→{supervisorId}", audit[1].Detail);
        }

        // The applicant sees no trace of it: assignment is office housekeeping, not a step of the procedure.
        var applicantView = await manager.GetAsync($"/filings/{id}");
        var html = await applicantView.Content.ReadAsStringAsync();
        Assert.DoesNotContain("承办人", html);
    }

    [Fact]
    public async Task Assignment_IsScopedToTheOffice()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await SubmittedReissueAsync(manager);
        var cityRegistrarId = await UserIdAsync(factory, Demo.CityRegistrar);

        // The county's supervisor cannot hand a filing to another office's registrar, even by typing the id.
        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var refused = await WorkAsync(supervisor, id, "assign", new() { ["assignee"] = cityRegistrarId });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Null((await AssigneeAsync(factory, id)).Id);
        Assert.Contains("请选择本机关的工作人员", (await supervisor.PageAsync(refused.Headers.Location!.OriginalString)).Body!.TextContent);

        // The city registrar cannot see, take or annotate the county's filing: 404 for each.
        using var city = factory.Client();
        await city.LoginOkAsync(Demo.CityRegistrar);
        var cityQueue = await city.PageAsync("/registry/filings");
        var antiforgery = ((IHtmlInputElement)cityQueue.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/registry/filings/{id}")).StatusCode);
        foreach (var what in new[] { "take", "notes" })
        {
            var response = await city.PostAsync($"/registry/filings/{id}/{what}", new Dictionary<string, string> { ["token"] = Guid.Empty.ToString(), ["text"] = "越权备注" }, antiforgery);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Null((await AssigneeAsync(factory, id)).Id);
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().FilingNotes.AnyAsync(n => n.FilingId == id));
    }

    [Fact]
    public async Task InternalNotes_AreListedForTheOffice_AndRefusedWhenEmpty()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await SubmittedReissueAsync(manager);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.NotNull((await registrar.PageAsync($"/registry/filings/{id}")).QuerySelector("[data-notes-empty]"));

        Assert.Equal(HttpStatusCode.Redirect, (await WorkAsync(registrar, id, "notes", new() { ["text"] = "已电话联系经办人，周五补交原件。" })).StatusCode);
        var empty = await WorkAsync(registrar, id, "notes", new() { ["text"] = "   " });
        Assert.Contains("请填写备注内容", (await registrar.PageAsync(empty.Headers.Location!.OriginalString)).Body!.TextContent);
        var tooLong = await WorkAsync(registrar, id, "notes", new() { ["text"] = new string('长', FilingNote.MaxLength + 1) });
        Assert.Contains("2000", (await registrar.PageAsync(tooLong.Headers.Location!.OriginalString)).Body!.TextContent);

        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var notes = (await supervisor.PageAsync($"/registry/filings/{id}")).QuerySelectorAll("[data-note]");
        var note = Assert.Single(notes);
        Assert.Contains("已电话联系经办人，周五补交原件。", note.TextContent);
        using var scope = factory.Services.CreateScope();
        var author = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Where(u => u.Email == Demo.Registrar).Select(u => u.DisplayName).SingleAsync();
        Assert.Contains(author, note.TextContent); // the author's name is shown
    }
}
