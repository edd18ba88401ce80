using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Tests.Support;

/// <summary>Drives filings through the real pages and forms, as a person would.</summary>
public static class FilingDriver
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static async Task<Guid> StartAsync(this PortalClient client, FilingKind kind, Guid? officeId = null)
    {
        var fields = new Dictionary<string, string> { ["kind"] = kind.ToString() };
        if (officeId is { } o)
        {
            fields["officeId"] = o.ToString();
        }

        var page = await client.PageAsync("/filings/new");
        var form = page.Forms.First(f => f.GetAttribute("action") == "/filings/new" && f.QuerySelector($"input[name=kind][value={kind}]") is not null);
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var response = await client.PostAsync("/filings/new", fields, token);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"start {kind}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.OriginalString;
        return Guid.Parse(location.Split('/')[2]);
    }

    public static async Task<HttpResponseMessage> SaveAsync(this PortalClient client, Guid id, IDictionary<string, string> fields) =>
        await client.SubmitAsync($"/filings/{id}/edit", $"/filings/{id}/edit", fields);

    public static Dictionary<string, string> SetupFields(string name) => new()
    {
        ["Name"] = name,
        ["Domicile"] = "浙江省金华市浦江县浦阳街道通江路8号",
        ["PurposeAndScope"] = "为全县数字化改革提供技术保障。数据资源管理；信息系统运维；数字化应用推广。",
        ["LegalRepresentative"] = "钱立新",
        ["LegalRepresentativeIdNumber"] = Portal.Domain.Common.ResidentIdNumber.WithCheck("33072619840512331"),
        ["FundingSourceCode"] = "FULL",
        ["StartupCapital"] = "80.00",
        ["Sponsor"] = "浦江县人民政府办公室",
        ["ApprovalDocumentNumber"] = "浦编〔2026〕12号",
        ["ApprovalDocumentDate"] = "2026-02-20",
        ["StaffingQuota"] = "8",
    };

    /// <summary><paramref name="editPage"/>: "edit" for institution filings, "agency" for the agency filings' page.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this PortalClient client, Guid id, AttachmentKind kind, byte[]? content = null, string fileName = "material.pdf", string editPage = "edit")
    {
        var page = await client.PageAsync($"/filings/{id}/{editPage}");
        var form = page.Forms.First(f => f.GetAttribute("action") == $"/filings/{id}/{editPage}"); // the page's one form (uploads post with it)
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind.ToString()), "kind" },
        };
        var file = new ByteArrayContent(content ?? Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        multipart.Add(file, "file", fileName);
        return await client.Http.PostAsync($"/filings/{id}/attachments", multipart);
    }

    public static async Task UploadAllAsync(this PortalClient client, Guid id, IEnumerable<AttachmentKind> kinds, string editPage = "edit")
    {
        foreach (var kind in kinds)
        {
            var response = await client.UploadAsync(id, kind, editPage: editPage);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    /// <summary>Submits (or resubmits) from the confirmation page, as a person clicking "confirm".</summary>
    public static async Task<HttpResponseMessage> ConfirmSubmitAsync(this PortalClient client, Guid id)
    {
        var page = await client.PageAsync($"/filings/{id}/submit");
        var form = page.Forms.First(f => f.GetAttribute("action") == $"/filings/{id}/submit");
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=token]")!).Value;
        return await client.SubmitAsync($"/filings/{id}/submit", $"/filings/{id}/submit", new Dictionary<string, string> { ["token"] = token });
    }

    /// <summary>A registry action from the review page: the form's own concurrency token and antiforgery token.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this PortalClient client, Guid id, string slug, string? note = null, IEnumerable<string>? checklist = null, bool confirmed = true)
    {
        var page = await client.PageAsync($"/registry/filings/{id}");
        var form = page.Forms.FirstOrDefault(f => f.GetAttribute("action") == $"/registry/filings/{id}/{slug}")
            ?? throw new InvalidOperationException($"No '{slug}' form on the review page of {id}.");
        return await client.PostDecisionAsync(id, slug, ((IHtmlInputElement)form.QuerySelector("input[name=Token]")!).Value,
            ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value, note, checklist, confirmed);
    }

    public static async Task<HttpResponseMessage> PostDecisionAsync(this PortalClient client, Guid id, string slug, string token, string antiforgery, string? note = null, IEnumerable<string>? checklist = null, bool confirmed = true)
    {
        var values = new List<KeyValuePair<string, string>>
        {
            new("Token", token),
            new("__RequestVerificationToken", antiforgery),
            new("Note", note ?? string.Empty),
        };
        if (confirmed)
        {
            values.Add(new("Confirmed", "true"));
        }

        foreach (var c in checklist ?? [])
        {
            values.Add(new("Checklist", c));
        }

        return await client.Http.PostAsync($"/registry/filings/{id}/{slug}", new FormUrlEncodedContent(values));
    }

    public static async Task<FilingState> StateAsync(this PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Filings.Where(f => f.Id == id).Select(f => f.State).SingleAsync();
    }

    /// <summary>Adds a user to a demo institution (by name) so tests can file for it.</summary>
    public static async Task<string> AddInstitutionUserAsync(this PortalFactory factory, string institutionName, string email)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var institutionId = await db.Institutions.Where(i => i.Current.Name == institutionName).Select(i => i.Id).SingleAsync();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "测试用户", InstitutionId = institutionId, CreatedUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, PortalFactory.DemoPassword);
        Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
        await users.AddToRolesAsync(user, [Roles.InstitutionUser, Roles.InstitutionManager]);
        return email;
    }

    /// <summary>A new applicant account with no institution yet (a sponsor's officer about to file a setup), with a mobile.</summary>
    public static async Task<string> AddApplicantAsync(this PortalFactory factory, string email, string? mobile = null)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "申请人", PhoneNumber = mobile, CreatedUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, PortalFactory.DemoPassword);
        Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Code)));
        await users.AddToRoleAsync(user, Roles.InstitutionUser);
        return email;
    }
}
