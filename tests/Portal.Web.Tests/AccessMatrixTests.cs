using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.AnnualReports;
using Portal.Domain.Certificates;
using Portal.Domain.Filings;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Import;
using Portal.Infrastructure.Seeding;
using Portal.Web.Infrastructure;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>
/// Every endpoint of the running app, for every kind of principal, against the declared access
/// (<see cref="AccessMap"/>): institution A and its users, a user of institution B, staff of office X
/// (the county, A's office) and of office Y (the city), an administrator, and API clients with and
/// without each scope. Route values point at A's and X's records, so the other institution and the
/// other office must get 404 — never 403 with data, never 200.
/// </summary>
public class AccessMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Principal(string Name, Func<HttpClient> Client, ISet<Audience> Audiences, bool Cookie, ISet<string> Scopes, bool OwnsA, bool OwnsX);

    private static readonly string[] AllScopes = ApiScopes.All;

    [Fact]
    public void EveryEndpoint_HasADeclaredAccess_MatchingItsAuthorizationMetadata()
    {
        var endpoints = Endpoints();
        var undeclared = endpoints.Keys.Where(k => !AccessMap.Endpoints.ContainsKey(k)).ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without a declared access: " + string.Join(", ", undeclared));
        var stale = AccessMap.Endpoints.Keys.Where(k => !endpoints.ContainsKey(k)).ToList();
        Assert.True(stale.Count == 0, "Declared but no longer in the app: " + string.Join(", ", stale));

        foreach (var (key, endpoint) in endpoints)
        {
            var declared = AccessMap.Endpoints[key];
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var actual = anonymous || policies.Count == 0 ? Audience.Anyone
                : policies.Contains(Policies.Administrator) ? Audience.Administrator
                : policies.Contains(Policies.Supervisor) ? Audience.Supervisor
                : policies.Contains(Policies.Registry) ? Audience.Registry
                : policies.Contains(Policies.InstitutionManager) ? Audience.InstitutionManager
                : policies.Contains(Policies.InstitutionMember) ? Audience.InstitutionMember
                : policies.Contains(Policies.Institution) ? Audience.Institution
                : policies.Any(p => p?.StartsWith("api:", StringComparison.Ordinal) == true) ? Audience.ApiClient
                : Audience.SignedIn;
            Assert.True(declared.Audience == actual, $"{key}: declared {declared.Audience}, the app says {actual}");
            if (actual == Audience.ApiClient)
            {
                Assert.Equal("api:" + declared.Scope, policies.Single());
            }
        }
    }

    [Fact]
    public void TheReadmesRolesTable_IsGeneratedFromTheDeclarations()
    {
        var readme = File.ReadAllText(Path.Combine(new Portal.Infrastructure.RepositoryPaths(AppContext.BaseDirectory).Root, "README.md"));
        var match = Regex.Match(readme, "<!-- access:begin -->\\n(.*?)<!-- access:end -->", RegexOptions.Singleline);
        Assert.True(match.Success, "README has no <!-- access:begin --> … <!-- access:end --> section");
        Assert.Equal(AccessMap.Markdown(), match.Groups[1].Value.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachPrincipal_AsDeclared_AndOtherPeoplesRecordsAre404()
    {
        var samples = await SamplesAsync();
        var principals = await PrincipalsAsync();
        var failures = new List<string>();
        var requests = 0;
        foreach (var (key, endpoint) in Endpoints())
        {
            var access = AccessMap.Endpoints[key];
            var method = key.Split(' ')[0] == "*" ? "GET" : key.Split(' ')[0];
            var url = Fill(endpoint.RoutePattern.RawText!, samples, key);
            if (url is null)
            {
                failures.Add($"{key}: no sample value for a route parameter");
                continue;
            }

            foreach (var p in principals)
            {
                var http = p.Client();
                var allowed = access.Audience switch
                {
                    Audience.Anyone => true,
                    Audience.ApiClient => p.Scopes.Contains(access.Scope!),
                    _ => p.Audiences.Contains(access.Audience),
                };
                var scoped = RecordScoped(key, access.Audience);
                var owner = access.Audience is Audience.Registry or Audience.Supervisor ? p.OwnsX : p.OwnsA;

                // Others' records are probed with a valid antiforgery token, so a POST reaches the action.
                var token = allowed && scoped && !owner && method == "POST" ? await AntiforgeryAsync(http) : null;
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "POST")
                {
                    request.Content = new FormUrlEncodedContent(token is null ? [] : [new("__RequestVerificationToken", token)]);
                }

                using var response = await http.SendAsync(request);
                requests++;
                var status = (int)response.StatusCode;
                var toLogin = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true;
                var denied = status is 401 or 403 || toLogin;
                string? problem = null;
                if (status >= 500 && key != "* /error")
                {
                    problem = $"{status}"; // only the error page itself answers 500, by design
                }
                else if (access.Audience == Audience.Anyone)
                {
                    // Open to all; some steer the visitor on (login-2fa without a pending login goes back to
                    // login, access-denied answers 403 by design), which is not a denial.
                }
                else if (!allowed && !denied)
                {
                    problem = $"allowed ({status}) but should be denied";
                }
                else if (!allowed)
                {
                    var expected = access.Audience == Audience.ApiClient ? (p.Cookie || p.Scopes.Count == 0 ? 401 : 403) : (p.Cookie ? 403 : 302);
                    if (status != expected)
                    {
                        problem = $"denied with {status}, expected {expected}";
                    }
                }
                else if (denied)
                {
                    problem = $"denied ({status}) but declared {access.Audience}";
                }
                else if (scoped && !owner && status != 404)
                {
                    problem = $"another's record answered {status}, expected 404";
                }

                if (problem is not null)
                {
                    failures.Add($"{key} as {p.Name}: {problem}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests:\n" + string.Join("\n", failures));
        Assert.True(requests > 1500, requests.ToString());
    }

    /// <summary>Endpoints whose route names a record of institution A or office X.</summary>
    private static bool RecordScoped(string key, Audience audience) =>
        audience is Audience.Institution or Audience.InstitutionMember or Audience.InstitutionManager or Audience.Registry or Audience.Supervisor or Audience.SignedIn
        && key.Contains('{', StringComparison.Ordinal) && !key.Contains("{verb}", StringComparison.Ordinal) && !key.Contains("spot-checks/{id:guid}/items", StringComparison.Ordinal);

    private Dictionary<string, RouteEndpoint> Endpoints()
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .ToDictionary(e => string.Join(',', e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]) + " /" + e.RoutePattern.RawText!.TrimStart('/'));
    }

    private static string? Fill(string template, IReadOnlyDictionary<string, string> samples, string key)
    {
        var missing = false;
        var url = "/" + Regex.Replace(template.TrimStart('/'), "\\{\\*{0,2}([^}:?]+)[^}]*\\}", m =>
        {
            if (samples.TryGetValue(key + "|" + m.Groups[1].Value, out var specific) || samples.TryGetValue(m.Groups[1].Value, out specific))
            {
                return Uri.EscapeDataString(specific);
            }

            missing = true;
            return string.Empty;
        });
        url = url.Replace(".{format}", ".csv", StringComparison.Ordinal);
        return missing ? null : url;
    }

    private static async Task<string?> AntiforgeryAsync(HttpClient http)
    {
        var html = await http.GetStringAsync("/account");
        return (PortalClient.Parse(html).QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value;
    }

    private async Task<Dictionary<string, string>> SamplesAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var manager = await users.FindByEmailAsync(Demo.Manager);
        var a = await db.Institutions.SingleAsync(i => i.Id == manager!.InstitutionId);
        var userA = await users.FindByEmailAsync(Demo.User);

        // Records of A made for the probe: a draft report with an attachment, a draft filing with one, a notification.
        var file = StoredFile.Create(FilingDriver.Pdf, DateTime.UtcNow);
        db.StoredFiles.Add(file);
        var actor = new FilingActor(manager!.Id, "李建国", FilingRole.Applicant);
        var report = await db.AnnualReports.Include(r => r.Attachments).FirstOrDefaultAsync(r => r.InstitutionId == a.Id)
            ?? AnnualReport.Start(a.Id, a.OfficeId, DateTime.UtcNow.Year - 1, new ReportContent(), actor, DateTime.UtcNow);
        if (db.Entry(report).State == EntityState.Detached)
        {
            db.AnnualReports.Add(report);
        }

        var reportAttachment = report.Attach(ReportAttachmentKind.BalanceSheet, "b.pdf", "application/pdf", file.Content.Length, file.Sha256, file.Id, DateTime.UtcNow);
        var filing = Filing.StartFor(FilingKind.Change, a.OfficeId, a.Id, a.Current, "330726-2026-M0001", actor, DateTime.UtcNow);
        var filingAttachment = filing.Attach(AttachmentKind.ApplicationForm, "a.pdf", "application/pdf", file.Content.Length, file.Sha256, file.Id, manager.Id, DateTime.UtcNow);
        db.Filings.Add(filing);
        var notification = new Notification(userA!.Id, "测试", "Test", "正文", "Body", null, DateTime.UtcNow);
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        Portal.Domain.Instruments.Instrument instrument;
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            instrument = await scope.ServiceProvider.GetRequiredService<Portal.Infrastructure.Instruments.InstrumentIssuer>().IssueAsync(
                new(a.OfficeId, Portal.Domain.Instruments.InstrumentKind.Acceptance, DateOnly.FromDateTime(DateTime.UtcNow), new(a.Current.Name, ["探针文书。"], [], []), InstitutionId: a.Id), default);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        // Records of office X the registry sees: a submitted filing and a submitted report of the demo.
        var submittedFiling = await db.Filings.Include(f => f.Attachments).Where(f => f.OfficeId == DemoDataSeeder.CountyOfficeId && f.State == FilingState.Submitted).FirstAsync();
        var submittedReport = await db.AnnualReports.Include(r => r.Attachments).Where(r => r.OfficeId == DemoDataSeeder.CountyOfficeId && r.State == ReportState.Submitted).FirstAsync();
        var certificate = await db.Certificates.Where(c => c.InstitutionId == a.Id && c.Status == CertificateStatus.Valid).SingleAsync();
        var run = await scope.ServiceProvider.GetRequiredService<RegisterImport>().CreateRunAsync(DemoDataSeeder.CountyOfficeId, "probe.csv", "code,name\r\n"u8.ToArray(), "probe");
        var spotCheck = await db.SpotChecks.Where(s => s.OfficeId == DemoDataSeeder.CountyOfficeId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync() ?? Guid.NewGuid();

        // An organ's draft filing and its certificate (机关、群团赋码): the organ's and the county office's only.
        var organUser = await users.FindByEmailAsync(Demo.Organ);
        var organ = await db.Agencies.SingleAsync(g => g.Id == organUser!.AgencyId);
        var agencyFiling = Filing.StartForAgency(FilingKind.AgencyReissue, organ.OfficeId, organ.Id, organ.Current, "330726-2026-M0002", new FilingActor(organUser!.Id, "郑晓燕", FilingRole.Applicant), DateTime.UtcNow);
        db.Filings.Add(agencyFiling);
        await db.SaveChangesAsync();
        var agencyCertificate = await db.AgencyCertificates.Where(c => c.AgencyId == organ.Id).Select(c => c.Id).FirstAsync();

        // A bad rating of a closed filing of institution A (好差评), given by A's user: office X's to follow up.
        var closed = await db.Filings.Where(f => f.InstitutionId == a.Id && f.State == FilingState.Approved).FirstOrDefaultAsync()
            ?? await db.Filings.Where(f => f.OfficeId == a.OfficeId && f.State == FilingState.Approved).FirstAsync();
        var calendar = await scope.ServiceProvider.GetRequiredService<Portal.Infrastructure.Calendar.CalendarStore>().LoadAsync(default);
        var rating = Portal.Domain.Ratings.ServiceRating.ForFiling(closed, false, userA!.Id, new(Portal.Domain.Ratings.SatisfactionLevel.Dissatisfied), calendar, DateOnly.FromDateTime(DateTime.UtcNow), DateTime.UtcNow);
        db.ServiceRatings.Add(rating);
        await db.SaveChangesAsync();

        return new Dictionary<string, string>
        {
            ["code"] = a.Code,
            ["GET /filings/{id:guid}/agency|id"] = agencyFiling.Id.ToString(),
            ["POST /filings/{id:guid}/agency|id"] = agencyFiling.Id.ToString(),
            ["GET /agency/certificates/{id:guid}/{part}.pdf|id"] = agencyCertificate.ToString(),
            ["GET /registry/agency-certificates/{id:guid}/{part}.pdf|id"] = agencyCertificate.ToString(),
            ["POST /registry/filings/{id:guid}/collected|id"] = submittedFiling.Id.ToString(),
            ["POST /filings/{id:guid}/rating|id"] = filing.Id.ToString(),
            ["POST /annual-reports/{id:guid}/rating|id"] = report.Id.ToString(),
            ["POST /ratings/{id:guid}/feedback|id"] = rating.Id.ToString(),
            ["GET /registry/ratings/{id:guid}|id"] = rating.Id.ToString(),
            ["POST /registry/ratings/{id:guid}/answer|id"] = rating.Id.ToString(),
            ["POST /registry/ratings/{id:guid}/appeal|id"] = rating.Id.ToString(),
            ["POST /registry/ratings/{id:guid}/appeal-decision|id"] = rating.Id.ToString(),
            ["POST /registry/filings/{id:guid}/take|id"] = submittedFiling.Id.ToString(),
            ["POST /registry/filings/{id:guid}/assign|id"] = submittedFiling.Id.ToString(),
            ["POST /registry/filings/{id:guid}/notes|id"] = submittedFiling.Id.ToString(),
            ["institutionId"] = a.Id.ToString(),
            ["number"] = certificate.Number,
            ["token"] = certificate.Token,
            ["part"] = "original",
            ["slug"] = "setup",
            ["format"] = "csv",
            ["documentName"] = "v1",
            ["date"] = "2026-10-01",
            ["clientId"] = "pc_probe",
            ["verb"] = "accept",
            ["region"] = "330726",
            ["itemId"] = Guid.NewGuid().ToString(),
            ["GET /admin/funding-sources/{code}|code"] = "FULL",
            ["* /error/{code:int}|code"] = "404",
            ["GET /annual-reports/{id:guid}|id"] = report.Id.ToString(),
            ["GET /annual-reports/{id:guid}/edit|id"] = report.Id.ToString(),
            ["GET /annual-reports/{id:guid}/attachments/{attachmentId:guid}|id"] = report.Id.ToString(),
            ["GET /annual-reports/{id:guid}/attachments/{attachmentId:guid}|attachmentId"] = reportAttachment.Id.ToString(),
            ["POST /annual-reports/{id:guid}/attachments|id"] = report.Id.ToString(),
            ["POST /annual-reports/{id:guid}/attachments/{attachmentId:guid}/remove|id"] = report.Id.ToString(),
            ["POST /annual-reports/{id:guid}/attachments/{attachmentId:guid}/remove|attachmentId"] = reportAttachment.Id.ToString(),
            ["POST /annual-reports/{id:guid}/correct|id"] = report.Id.ToString(),
            ["POST /annual-reports/{id:guid}/edit|id"] = report.Id.ToString(),
            ["POST /annual-reports/{id:guid}/submit|id"] = report.Id.ToString(),
            ["attachmentId"] = filingAttachment.Id.ToString(),
            ["GET /filings/{id:guid}|id"] = filing.Id.ToString(),
            ["GET /filings/{id:guid}/edit|id"] = filing.Id.ToString(),
            ["GET /filings/{id:guid}/submit|id"] = filing.Id.ToString(),
            ["GET /filings/{id:guid}/withdraw|id"] = filing.Id.ToString(),
            ["GET /filings/{id:guid}/attachments/{attachmentId:guid}|id"] = filing.Id.ToString(),
            ["POST /filings/{id:guid}/attachments|id"] = filing.Id.ToString(),
            ["POST /filings/{id:guid}/attachments/{attachmentId:guid}/remove|id"] = filing.Id.ToString(),
            ["POST /filings/{id:guid}/edit|id"] = filing.Id.ToString(),
            ["POST /filings/{id:guid}/submit|id"] = filing.Id.ToString(),
            ["POST /filings/{id:guid}/withdraw|id"] = filing.Id.ToString(),
            ["POST /inbox/{id:guid}/read|id"] = notification.Id.ToString(),
            ["GET /institution/certificates/{id:guid}/{part}.pdf|id"] = certificate.Id.ToString(),
            ["GET /institution/documents/{id:guid}.pdf|id"] = instrument.Id.ToString(),
            ["GET /registry/documents/{id:guid}.pdf|id"] = instrument.Id.ToString(),
            ["GET /documents/check/{code}|code"] = instrument.CheckCode,
            ["GET /institution/users/{id}/remove|id"] = userA.Id,
            ["POST /institution/users/{id}/remove|id"] = userA.Id,
            ["GET /registry/certificates/{id:guid}/{part}.pdf|id"] = certificate.Id.ToString(),
            ["POST /registry/certificates/{id:guid}/void|id"] = certificate.Id.ToString(),
            ["GET /registry/filings/{id:guid}|id"] = submittedFiling.Id.ToString(),
            ["GET /registry/filings/{id:guid}/attachments/{attachmentId:guid}|id"] = submittedFiling.Id.ToString(),
            ["GET /registry/filings/{id:guid}/attachments/{attachmentId:guid}|attachmentId"] = submittedFiling.Attachments.First().Id.ToString(),
            ["POST /registry/filings/{id:guid}/{verb}|id"] = submittedFiling.Id.ToString(),
            ["GET /registry/reports/{id:guid}|id"] = submittedReport.Id.ToString(),
            ["GET /registry/reports/{id:guid}/attachments/{attachmentId:guid}|id"] = submittedReport.Id.ToString(),
            ["GET /registry/reports/{id:guid}/attachments/{attachmentId:guid}|attachmentId"] = submittedReport.Attachments.First().Id.ToString(),
            ["POST /registry/reports/{id:guid}/flag|id"] = submittedReport.Id.ToString(),
            ["POST /registry/reports/{id:guid}/publish|id"] = submittedReport.Id.ToString(),
            ["POST /registry/reports/{id:guid}/return|id"] = submittedReport.Id.ToString(),
            ["GET /registry/institutions/{id:guid}|id"] = a.Id.ToString(),
            ["POST /registry/institutions/{id:guid}/enforcement|id"] = a.Id.ToString(),
            ["GET /registry/import/{id:guid}|id"] = run.Id.ToString(),
            ["GET /registry/import/{id:guid}/errors.csv|id"] = run.Id.ToString(),
            ["GET /registry/import/{id:guid}/progress|id"] = run.Id.ToString(),
            ["POST /registry/import/{id:guid}/pause|id"] = run.Id.ToString(),
            ["POST /registry/import/{id:guid}/rollback|id"] = run.Id.ToString(),
            ["POST /registry/import/{id:guid}/start|id"] = run.Id.ToString(),
            ["GET /registry/spot-checks/{id:guid}|id"] = spotCheck.ToString(),
            ["POST /registry/spot-checks/{id:guid}/close|id"] = spotCheck.ToString(),
            ["POST /registry/spot-checks/{id:guid}/items/{itemId:guid}|id"] = spotCheck.ToString(),
            ["GET /reports/{id:guid}|id"] = Guid.NewGuid().ToString(),
            ["GET /api/reference/{documentName?}|documentName"] = "v1",
        };
    }

    private async Task<List<Principal>> PrincipalsAsync()
    {
        var userB = await EnsureUserAsync("matrix.b@test.portal", "浦江县图书馆", null, Roles.InstitutionUser);
        var supervisorY = await EnsureUserAsync("matrix.city.supervisor@test.portal", null, DemoDataSeeder.CityOfficeId, Roles.RegistrySupervisor);
        async Task<Func<HttpClient>> Cookie(string email)
        {
            var client = factory.Client();
            await client.LoginOkAsync(email);
            return () => client.Http;
        }

        Func<HttpClient> Anonymous()
        {
            var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            return () => http;
        }

        async Task<Func<HttpClient>> Api(IEnumerable<string> scopes, string name)
        {
            string a;
            using (var scope = factory.Services.CreateScope())
            {
                a = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.Where(i => i.Current.Name == "浦江县图书馆").Select(i => i.Code).SingleAsync();
            }

            var list = scopes.ToList();
            var client = await ApiClientsForTests.RegisterAsync(factory, name, list, list.Contains(ApiScopes.ReportsSubmit) ? [a] : null);
            var token = (await (await ApiClientsForTests.TokenResponseAsync(factory.CreateClient(), client)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("access_token").GetString();
            var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return () => http;
        }

        HashSet<Audience> Set(params Audience[] a) => [Audience.Anyone, .. a];
        var institution = Set(Audience.SignedIn, Audience.Institution, Audience.InstitutionMember);
        var principals = new List<Principal>
        {
            new("anonymous", Anonymous(), Set(), false, new HashSet<string>(), false, false),
            new("user of A", await Cookie(Demo.User), institution, true, new HashSet<string>(), true, false),
            new("manager of A", await Cookie(Demo.Manager), Set(Audience.SignedIn, Audience.Institution, Audience.InstitutionMember, Audience.InstitutionManager), true, new HashSet<string>(), true, false),
            new("manager of B", await Cookie(userB), Set(Audience.SignedIn, Audience.Institution, Audience.InstitutionMember, Audience.InstitutionManager), true, new HashSet<string>(), false, false),
            new("registrar of X", await Cookie(Demo.Registrar), Set(Audience.SignedIn, Audience.Registry), true, new HashSet<string>(), false, true),
            new("supervisor of X", await Cookie(Demo.Supervisor), Set(Audience.SignedIn, Audience.Registry, Audience.Supervisor), true, new HashSet<string>(), false, true),
            new("registrar of Y", await Cookie(Demo.CityRegistrar), Set(Audience.SignedIn, Audience.Registry), true, new HashSet<string>(), false, false),
            new("supervisor of Y", await Cookie(supervisorY), Set(Audience.SignedIn, Audience.Registry, Audience.Supervisor), true, new HashSet<string>(), false, false),
            new("administrator", await Cookie(Demo.Admin), Set(Audience.SignedIn, Audience.Administrator), true, new HashSet<string>(), false, false),
            new("API client, every scope", await Api(AllScopes, "全部范围"), Set(), false, AllScopes.ToHashSet(), false, false),
        };
        foreach (var missing in AllScopes)
        {
            var scopes = AllScopes.Where(s => s != missing).ToHashSet();
            principals.Add(new($"API client without {missing}", await Api(scopes, "缺少 " + missing), Set(), false, scopes, false, false));
        }

        return principals;
    }

    private async Task<string> EnsureUserAsync(string email, string? institution, Guid? office, string role)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var institutionId = institution is null ? (Guid?)null
                : await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Institutions.Where(i => i.Current.Name == institution).Select(i => i.Id).SingleAsync();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, InstitutionId = institutionId, OfficeId = office, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, PortalFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, role);
            if (role == Roles.InstitutionUser)
            {
                await users.AddToRoleAsync(user, Roles.InstitutionManager);
            }
        }

        return email;
    }
}
