using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Certificates;
using Portal.Domain.Codes;
using Portal.Domain.Filings;
using Portal.Domain.Instruments;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>The four agency filings (机关、群团赋码) from draft to decision over HTTP, and who may see them.</summary>
public class AgencyFlowTests
{
    internal const string Office = "浦江县人民政府办公室";

    private static Dictionary<string, string> ItemsOf(AgencyItems items) => new()
    {
        ["Name"] = items.Name,
        ["SecondName"] = items.SecondName ?? string.Empty,
        ["EstablishingDocument"] = items.EstablishingDocument,
        ["Functions"] = items.Functions,
        ["Address"] = items.Address,
        ["PersonInCharge"] = items.PersonInCharge,
        ["PersonInChargeIdNumber"] = items.PersonInChargeIdNumber,
    };

    internal static Task<HttpResponseMessage> SaveAsync(PortalClient client, Guid id, Dictionary<string, string> fields) =>
        client.SubmitAsync($"/filings/{id}/agency", $"/filings/{id}/agency", fields);

    internal static async Task<Agency> AgencyAsync(PortalFactory factory, string name)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.AsNoTracking().Include(a => a.Versions).SingleAsync(a => a.Current.Name == name);
    }

    internal static async Task<List<AgencyCertificate>> CertificatesAsync(PortalFactory factory, Guid agencyId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AgencyCertificates.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.Number).ToListAsync();
    }

    internal static async Task<string?> VerdictAsync(PortalClient client, string url) =>
        (await client.PageAsync(new Uri(url).PathAndQuery)).QuerySelector("[data-verdict]")?.GetAttribute("data-verdict");

    internal static async Task SubmitAndApproveAsync(PortalFactory factory, PortalClient applicant, Guid id, Action<PortalClient>? beforeApprove = null)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.ConfirmSubmitAsync(id)).StatusCode);
        Assert.Equal(FilingState.Submitted, await factory.StateAsync(id));
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "approve")).StatusCode);
        Assert.Equal(FilingState.Approved, await factory.StateAsync(id));
    }

    [Fact]
    public async Task Change_OfTheAddress_IssuesANewCertificate_ThatSaysValid_AndTheOldOneSaysSuperseded()
    {
        using var factory = new PortalFactory();
        var before = await AgencyAsync(factory, Office);
        var oldCertificate = Assert.Single(await CertificatesAsync(factory, before.Id));
        using var organ = factory.Client();
        await organ.LoginOkAsync(Demo.Organ);
        var id = await organ.StartAsync(FilingKind.AgencyChange);

        // The page shows the identity number masked; sending the mask back keeps the stored number.
        var page = await organ.PageAsync($"/filings/{id}/agency");
        Assert.Contains("*", page.QuerySelector("#PersonInChargeIdNumber")!.GetAttribute("value"));
        var fields = ItemsOf(before.Current with { Address = "浙江省金华市浦江县浦阳街道和平南路2号" });
        fields["PersonInChargeIdNumber"] = page.QuerySelector("#PersonInChargeIdNumber")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(organ, id, fields)).StatusCode);

        // The address proof is required for an address change; the registrar sees old → new.
        var confirm = await organ.PageAsync($"/filings/{id}/submit");
        Assert.Equal(2, confirm.QuerySelectorAll("[data-problems] li").Length);
        await organ.UploadAllAsync(id, [AttachmentKind.ApplicationForm, AttachmentKind.AddressProof], "agency");
        await SubmitAndApproveAsync(factory, organ, id);

        var after = await AgencyAsync(factory, Office);
        Assert.Equal(("浙江省金华市浦江县浦阳街道和平南路2号", 2), (after.Current.Address, after.Versions.Count));
        Assert.Equal(before.Current.PersonInChargeIdNumber, after.Current.PersonInChargeIdNumber);
        var certificates = await CertificatesAsync(factory, before.Id);
        Assert.Equal(2, certificates.Count);
        var fresh = certificates.Single(c => c.Id != oldCertificate.Id);
        Assert.Equal((CertificateStatus.Valid, AgencyCertificateReason.Change, oldCertificate.Id), (fresh.Status, fresh.Reason, fresh.PredecessorId));
        Assert.Equal(CertificateStatus.Superseded, certificates.Single(c => c.Id == oldCertificate.Id).Status);

        using var phone = factory.Client();
        var scanned = await phone.PageAsync(new Uri(fresh.QrUrl).PathAndQuery);
        Assert.Equal("Valid", scanned.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        Assert.Equal("统一社会信用代码证书 · 机关", scanned.QuerySelector("[data-family]")!.TextContent);
        Assert.DoesNotContain(before.Current.PersonInChargeIdNumber, scanned.Body!.TextContent);
        Assert.Equal("Superseded", await VerdictAsync(phone, oldCertificate.QrUrl));

        // The organ downloads its new certificate; the approval decision was issued to it.
        var pdf = await organ.GetAsync($"/agency/certificates/{fresh.Id}/original.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal([InstrumentKind.Acceptance, InstrumentKind.Approval], await db.Instruments.Where(i => i.FilingId == id).OrderBy(i => i.IssuedUtc).Select(i => i.Kind).ToListAsync());
        var announced = await db.Announcements.SingleAsync(a => a.AgencyId == before.Id && a.Kind == Portal.Domain.Announcements.AnnouncementKind.AgencyChange);
        Assert.Contains("和平南路2号", announced.BodyZh); // every act is announced: the change, old → new

        // The year's figures count it, in the work-summary sentence too, and the figure lists the filing.
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var year = DateTime.UtcNow.AddHours(8).Year;
        var stats = await registrar.PageAsync($"/registry/statistics?from={year}-01-01&to={year}-12-31");
        Assert.Equal("1", stats.QuerySelector("[data-sentence='zh-CN'] a[data-figure=AgencyChangesApproved]")!.TextContent);
        Assert.Contains("变更登记1家", stats.QuerySelector("[data-sentence='zh-CN']")!.TextContent);
        var records = await registrar.PageAsync($"/registry/statistics/records?metric=AgencyChangesApproved&from={year}-01-01&to={year}-12-31");
        Assert.Contains(Office, Assert.Single(records.QuerySelectorAll("[data-records] tbody tr")).TextContent);
    }

    [Fact]
    public async Task FirstApplication_KeepsTheOldOrganisationCode_AndTheApplicantBecomesTheBodysAccount()
    {
        using var factory = new PortalFactory();
        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await applicant.StartAsync(FilingKind.AgencyFirstApplication, DemoDataSeeder.CountyOfficeId);
        Assert.True(UnifiedSocialCreditCode.TryCreate(CodeCategory.PeopleOrganisation, "330726", "47051523", out var expected));
        var items = new AgencyItems
        {
            Name = "浦江县科学技术协会",
            Category = AgencyCategory.PeopleOrganisation,
            EstablishingDocument = "浦委〔1988〕5号",
            Functions = "开展科学普及，联系和服务科技工作者。",
            Address = "浙江省金华市浦江县浦阳街道和平南路22号",
            PersonInCharge = "方志平",
            PersonInChargeIdNumber = Portal.Domain.Common.ResidentIdNumber.WithCheck("33072619790618003"),
        };
        var fields = ItemsOf(items);
        fields["Category"] = nameof(AgencyCategory.PeopleOrganisation);

        // A wrong check character is refused at its field, and what was typed stays.
        fields["OldOrganisationCode"] = "47051523-" + (expected.Value[16] == '0' ? '1' : '0');
        var refused = await SaveAsync(applicant, id, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refusedPage.QuerySelector("#OldOrganisationCode-error, [id^=OldOrganisationCode][id$=error]"));
        Assert.Equal("浦江县科学技术协会", refusedPage.QuerySelector("#Name")!.GetAttribute("value"));

        fields["OldOrganisationCode"] = "47051523-" + expected.Value[16];
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(applicant, id, fields)).StatusCode);
        await applicant.UploadAllAsync(id, FilingMaterials.RequiredForAgency(FilingKind.AgencyFirstApplication, [], null), "agency");
        await SubmitAndApproveAsync(factory, applicant, id);

        var agency = await AgencyAsync(factory, "浦江县科学技术协会");
        Assert.Equal(expected.Value, agency.Code); // 1 3 330726 47051523 + checks
        Assert.Equal(CodeCategory.PeopleOrganisation, UnifiedSocialCreditCode.Parse(agency.Code).Category);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(await db.IssuedCodes.AnyAsync(c => c.Body == "47051523"));
        Assert.Equal(agency.Id, (await db.Users.SingleAsync(u => u.Email == Demo.Applicant)).AgencyId);
        var certificate = Assert.Single(await CertificatesAsync(factory, agency.Id));
        Assert.Equal((AgencyCertificateReason.FirstApplication, (DateOnly?)null), (certificate.Reason, certificate.ValidUntil)); // the county prints no validity

        // The public register finds it under both families' search and under its own filter, never under institutions only.
        using var anonymous = factory.Client();
        Assert.NotNull((await anonymous.PageAsync("/register?q=科学技术协会")).QuerySelector($"[data-agency-results] a[href='/register/{agency.Code}']"));
        Assert.NotNull((await anonymous.PageAsync("/register?q=科学技术协会&family=PeopleOrganisation")).QuerySelector($"a[href='/register/{agency.Code}']"));
        Assert.Null((await anonymous.PageAsync("/register?q=科学技术协会&family=Organ")).QuerySelector($"a[href='/register/{agency.Code}']"));
        Assert.Null((await anonymous.PageAsync("/register?q=科学技术协会&family=Institution")).QuerySelector($"a[href='/register/{agency.Code}']"));
        var profile = await anonymous.PageAsync($"/register/{agency.Code}");
        Assert.Contains("方志平", profile.Body!.TextContent);
        Assert.DoesNotContain(items.PersonInChargeIdNumber, profile.Body.TextContent);
        Assert.DoesNotContain(items.PersonInChargeIdNumber[..6] + "*", profile.Body.TextContent);
        Assert.Contains("赋码公告", profile.QuerySelector("[data-public-announcements]")!.TextContent);
    }

    [Fact]
    public async Task Reissue_AfterDamage_VoidsTheOldCertificate_AndTheNewOnePrintsTheValidityTheOfficeSet()
    {
        using var factory = new PortalFactory();
        var agency = await AgencyAsync(factory, Office);
        var old = Assert.Single(await CertificatesAsync(factory, agency.Id));
        Assert.Null(old.ValidUntil);

        // The county's supervisor decides that code certificates print a validity of 5 years.
        using (var supervisor = factory.Client())
        {
            await supervisor.LoginOkAsync(Demo.Supervisor);
            var settings = PortalClient.FormFields(await supervisor.PageAsync("/registry"), "/registry/settings");
            settings["agencyValidityYears"] = "5";
            Assert.Equal(HttpStatusCode.Redirect, (await supervisor.SubmitAsync("/registry", "/registry/settings", settings)).StatusCode);
            settings["agencyValidityYears"] = "11";
            await supervisor.SubmitAsync("/registry", "/registry/settings", settings); // refused: out of range, nothing changes
        }

        using var organ = factory.Client();
        await organ.LoginOkAsync(Demo.Organ);
        var id = await organ.StartAsync(FilingKind.AgencyReissue);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(organ, id, new() { ["ReissueCause"] = "Damage", ["Explanation"] = "证书正本被水浸损毁。" })).StatusCode);
        await organ.UploadAllAsync(id, [AttachmentKind.ApplicationForm, AttachmentKind.DamagedCertificate], "agency");
        await SubmitAndApproveAsync(factory, organ, id);

        var certificates = await CertificatesAsync(factory, agency.Id);
        var voided = certificates.Single(c => c.Id == old.Id);
        Assert.Equal((CertificateStatus.Voided, VoidReason.Damage), (voided.Status, voided.VoidReason));
        var fresh = certificates.Single(c => c.Id != old.Id);
        Assert.Equal((CertificateStatus.Valid, AgencyCertificateReason.Reissue, fresh.Id), (fresh.Status, fresh.Reason, voided.SuccessorId));
        Assert.Equal(fresh.IssuedOn.AddYears(5), fresh.ValidUntil);
        using var phone = factory.Client();
        Assert.Equal("Voided", await VerdictAsync(phone, old.QrUrl));
    }

    [Fact]
    public async Task Cancellation_NeedsTheCertificateAndSealCollected_ThenRetiresTheCode()
    {
        using var factory = new PortalFactory();
        var agency = await AgencyAsync(factory, Office);
        using var organ = factory.Client();
        await organ.LoginOkAsync(Demo.Organ);
        var id = await organ.StartAsync(FilingKind.AgencyCancellation);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(organ, id, new() { ["Explanation"] = "机构改革，职能并入县委办公室。" })).StatusCode);
        await organ.UploadAllAsync(id, [AttachmentKind.ApplicationForm, AttachmentKind.CancellingDocument], "agency");
        Assert.Equal(HttpStatusCode.Redirect, (await organ.ConfirmSubmitAsync(id)).StatusCode);

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "approve")).StatusCode);
        Assert.Equal(FilingState.Accepted, await factory.StateAsync(id)); // refused: nothing collected yet
        Assert.Contains("印章", (await registrar.PageAsync($"/registry/filings/{id}")).QuerySelector("[role=alert], .alert-danger")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await registrar.SubmitAsync($"/registry/filings/{id}", $"/registry/filings/{id}/collected", new Dictionary<string, string>
        {
            ["token"] = (await registrar.PageAsync($"/registry/filings/{id}")).QuerySelector("form[data-action=collected] input[name=token]")!.GetAttribute("value")!,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "approve")).StatusCode);
        Assert.Equal(FilingState.Approved, await factory.StateAsync(id));

        var cancelled = await AgencyAsync(factory, Office);
        Assert.Equal(AgencyStatus.Cancelled, cancelled.Status);
        Assert.All(await CertificatesAsync(factory, agency.Id), c => Assert.Equal(CertificateStatus.Voided, c.Status));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(await db.IssuedCodes.AnyAsync(c => c.Code == agency.Code)); // the body stays issued: never drawn again

        // A cancelled body cannot file a change any more.
        var newPage = await organ.PageAsync("/filings/new");
        Assert.Null(newPage.QuerySelector("input[name=kind][value=AgencyChange]"));
    }

    [Fact]
    public async Task AgencyFilings_AreInvisibleToOtherBodies_AndToAnotherOffice()
    {
        using var factory = new PortalFactory();
        using var organ = factory.Client();
        await organ.LoginOkAsync(Demo.Organ);
        var id = await organ.StartAsync(FilingKind.AgencyReissue);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(organ, id, new() { ["ReissueCause"] = "Loss", ["Explanation"] = "遗失。" })).StatusCode);
        await organ.UploadAllAsync(id, [AttachmentKind.ApplicationForm, AttachmentKind.LossDeclaration], "agency");
        Assert.Equal(HttpStatusCode.Redirect, (await organ.ConfirmSubmitAsync(id)).StatusCode);
        var mine = await AgencyAsync(factory, Office);
        var certificate = Assert.Single(await CertificatesAsync(factory, mine.Id));

        // A staff member of another organisation (浦江县总工会), and an institution's user.
        string union;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var unionAgency = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.SingleAsync(a => a.Current.Name == "浦江县总工会");
            var user = new PortalUser { UserName = "union@test.portal", Email = "union@test.portal", EmailConfirmed = true, DisplayName = "工会用户", AgencyId = unionAgency.Id, CreatedUtc = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, PortalFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.InstitutionUser);
            union = user.Email;
        }

        foreach (var email in new[] { union, Demo.Manager })
        {
            using var other = factory.Client();
            await other.LoginOkAsync(email);
            foreach (var url in new[] { $"/filings/{id}", $"/filings/{id}/agency", $"/filings/{id}/submit", $"/agency/certificates/{certificate.Id}/original.pdf" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
            }

            Assert.DoesNotContain(id.ToString(), await (await other.GetAsync("/filings")).Content.ReadAsStringAsync());
        }

        using var city = factory.Client();
        await city.LoginOkAsync(Demo.CityRegistrar);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/registry/filings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/registry/agency-certificates/{certificate.Id}/original.pdf")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await (await city.GetAsync("/registry/filings")).Content.ReadAsStringAsync());

        using var county = factory.Client();
        await county.LoginOkAsync(Demo.Registrar);
        Assert.Contains(id.ToString(), await (await county.GetAsync("/registry/filings")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/registry/agency-certificates/{certificate.Id}/original.pdf")).StatusCode);
    }
}
