using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.AnnualReports;
using Portal.Domain.Certificates;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Domain.Offices;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Codes;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Infrastructure.Statistics;

namespace Portal.Infrastructure.Tests;

/// <summary>
/// The statistics against a fixture counted by hand, for a period that spans a year boundary
/// (1 December 2025 – 31 January 2026): records just inside and just outside each end.
/// </summary>
public class StatisticsTests
{
    private static readonly FilingActor Applicant = new("u-a", "吴强", FilingRole.Applicant);
    private static readonly FilingActor Registrar = new("u-r", "赵雪", FilingRole.Registrar);
    private static readonly FilingActor Supervisor = new("u-s", "陈立华", FilingRole.Supervisor);
    private static readonly Period Period = new(new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 31));
    private static readonly Guid City = DemoDataSeeder.CityOfficeId;
    private static readonly Guid County = DemoDataSeeder.CountyOfficeId;

    /// <summary>One stored file every fixture attachment points at (attachments reference stored content).</summary>
    private static readonly Portal.Infrastructure.Files.StoredFile Content = Portal.Infrastructure.Files.StoredFile.Create("%PDF-1.4 fixture"u8.ToArray(), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime Utc(string day) => D(day).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    private static RegisteredItems Items(string name, string sponsor = "浦江县文化和广电旅游体育局", string domicile = "浦江县文化路18号") => new()
    {
        Name = name, Domicile = domicile, PurposeAndScope = "公共服务。", LegalRepresentative = "朱丽萍",
        LegalRepresentativeIdNumber = "330726198507154527", FundingSourceCode = "FULL", StartupCapital = 100m, Sponsor = sponsor,
    };

    private static void AttachAll(Filing f, IReadOnlyCollection<RegisteredItem> changed)
    {
        foreach (var kind in FilingMaterials.Required(f.Kind, changed))
        {
            f.Attach(kind, kind + ".pdf", "application/pdf", 1000, new string('a', 64), Content.Id, Applicant.UserId, Utc("2025-11-01"));
        }
    }

    /// <summary>A setup filing submitted, accepted and decided on the given days.</summary>
    private static Filing Setup(Guid office, string number, string submitted, string? accepted, string? decided, bool refuse = false)
    {
        var f = Filing.StartSetup(office, number, Applicant, Utc(submitted));
        f.DescribeSetup(Items("设立" + number), "浦编〔2025〕1号", D(submitted).AddDays(-10), 5);
        AttachAll(f, []);
        f.Submit(Applicant, D(submitted), Utc(submitted), false);
        if (accepted is null && decided is not null)
        {
            // Decided at the acceptance stage: 不予受理.
            f.RefuseToAccept(Registrar, D(decided), Utc(decided), [NonAcceptanceReason.OutsideJurisdiction], "金华市事业单位登记管理局", null);
            return f;
        }

        if (accepted is not null)
        {
            f.Accept(Registrar, D(accepted), Utc(accepted));
        }

        if (decided is not null)
        {
            if (refuse)
            {
                f.Refuse(Supervisor, D(decided), Utc(decided), "不符合条件");
            }
            else
            {
                f.Approve(Registrar, D(decided), Utc(decided), null);
            }
        }

        return f;
    }

    private static Filing Change(Guid office, Institution i, RegisteredItems proposed, string number, string submitted, string accepted, string decided, string? supplementOn = null, string? resubmitOn = null)
    {
        var f = Filing.StartFor(FilingKind.Change, office, i.Id, i.Current, number, Applicant, Utc(submitted));
        f.DescribeChange(proposed, proposed.Domicile != i.Current.Domicile ? D(submitted).AddDays(30) : null, "变更");
        AttachAll(f, f.ChangedItems());
        f.Submit(Applicant, D(submitted), Utc(submitted), false);
        f.Accept(Registrar, D(accepted), Utc(accepted));
        if (supplementOn is not null)
        {
            f.ReturnForSupplement(Registrar, D(supplementOn), Utc(supplementOn), [], "补充材料");
            f.Resubmit(Applicant, D(resubmitOn!), Utc(resubmitOn!), false);
        }

        f.Approve(Registrar, D(decided), Utc(decided), null);
        return f;
    }

    private static AnnualReport Report(Institution i, int year, string submitted, string? published = null, string? returned = null)
    {
        var r = AnnualReport.Start(i.Id, i.OfficeId, year, new ReportContent(), Applicant, Utc(submitted).AddDays(-3));
        r.SaveDraft(new ReportContent { BusinessActivities = "开展业务。", NetAssetsStart = 1m, NetAssetsEnd = 2m }, new SponsorConfirmation("王", "局长", D(submitted).AddDays(-2)));
        r.Attach(ReportAttachmentKind.BalanceSheet, "b.pdf", "application/pdf", 10, new string('b', 64), Content.Id, Utc(submitted));
        r.Attach(ReportAttachmentKind.SponsorConfirmation, "s.pdf", "application/pdf", 10, new string('c', 64), Content.Id, Utc(submitted));
        r.Submit(Applicant, AnnualReportWindow.For(year), D(submitted), Utc(submitted));
        if (published is not null)
        {
            r.Publish(Registrar, D(published), Utc(published), []);
        }

        if (returned is not null)
        {
            r.Return(Registrar, Utc(returned), "请补充");
        }

        return r;
    }

    [Fact]
    public Task TheFigures_MatchTheHandCount_AcrossTheYearBoundary_AndTheParentSumsItsChildren() => TheFigures_MatchTheHandCount_AcrossTheYearBoundary_AndTheParentSumsItsChildren_On(TestSuite.Engine);

    internal static async Task TheFigures_MatchTheHandCount_AcrossTheYearBoundary_AndTheParentSumsItsChildren_On(Engine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine: engine);
        await using (var scope = t.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Offices.Add(new RegistrationOffice(City, "金华市事业单位登记管理局", "City", "330700", null));
            db.Offices.Add(new RegistrationOffice(County, "浦江县事业单位登记管理局", "County", "330726", City));
            db.StoredFiles.Add(Content);
            await db.SaveChangesAsync();

            var codes = scope.ServiceProvider.GetRequiredService<CodeRegistry>();
            async Task<Institution> Register(Guid office, string region, string name, string on, RegisteredItems? items = null)
            {
                var code = await codes.AssignNewCodeAsync(office, region);
                var i = Institution.Register(office, code, items ?? Items(name), D(on), Utc(on));
                db.Institutions.Add(i);
                await db.SaveChangesAsync();
                await db.IssuedCodes.Where(c => c.Code == code.Value).ExecuteUpdateAsync(s => s.SetProperty(c => c.IssuedUtc, Utc(on))); // assigned on that day
                return i;
            }

            // County institutions. Codes assigned on 2025-11-30 (out), 2025-12-01 and 2026-01-31 (in), 2026-02-01 (out).
            var library = await Register(County, "330726", "浦江县图书馆", "2025-11-30");
            var museum = await Register(County, "330726", "浦江县博物馆", "2025-12-01");
            var archive = await Register(County, "330726", "浦江县档案馆", "2026-01-31");
            await Register(County, "330726", "浦江县新设中心", "2026-02-01");
            var older = await Register(County, "330726", "浦江县文化馆", "2020-05-05");
            var cityHospital = await Register(City, "330700", "金华市中心医院", "2019-01-01");

            db.Filings.AddRange(
                Setup(County, "C-1", "2025-11-20", "2025-11-21", "2025-12-05"),                 // in: 14 days on the clock
                Setup(County, "C-2", "2026-01-10", "2026-01-12", "2026-02-03"),                 // decided after the period; first submitted inside
                Change(County, library, Items("浦江县图书馆总馆", domicile: "浦江县新华路1号"), "C-3", "2025-12-09", "2025-12-10", "2026-01-15"), // 36 days: late
                Change(County, older, Items("浦江县文化馆", sponsor: "浦江县人民政府"), "C-4", "2026-01-04", "2026-01-05", "2026-01-25", "2026-01-08", "2026-01-18"), // 20 − 10 stopped = 10
                Setup(County, "C-5", "2026-01-01", "2026-01-02", "2026-01-31", refuse: true),   // refused on the last day: 29 days
                Setup(County, "C-6", "2025-11-01", "2025-11-02", "2025-11-30"),                 // approved the day before the period
                Setup(County, "C-7", "2025-12-15", "2025-12-16", null),                         // still open (accepted)
                Setup(City, "J-1", "2026-01-05", "2026-01-06", "2026-01-20"),                   // the city's own: 14 days
                Setup(County, "C-8", "2026-01-06", null, "2026-01-07"),                          // not accepted (不予受理): no decision clock
                Setup(County, "C-9", "2025-11-26", null, "2025-11-27"));                         // not accepted before the period
            await db.SaveChangesAsync();

            var issuer = scope.ServiceProvider.GetRequiredService<CertificateIssuer>();
            await issuer.IssueAsync(museum, CertificateIssueReason.Setup, D("2025-12-01"), default);        // in
            await issuer.IssueAsync(library, CertificateIssueReason.Setup, D("2025-11-30"), default);       // out
            await issuer.IssueAsync(library, CertificateIssueReason.Change, D("2026-01-15"), default);      // in (the setup one is superseded, not voided)
            await issuer.IssueAsync(older, CertificateIssueReason.Renewal, D("2026-01-31"), default);       // in
            await issuer.IssueAsync(cityHospital, CertificateIssueReason.Reissue, D("2026-01-10"), default); // the city's
            await db.SaveChangesAsync();

            // Annual reports: 2025's reports are filed in January 2026; one late 2024 report in December 2025.
            db.AnnualReports.AddRange(
                Report(museum, 2025, "2026-01-10", published: "2026-01-20"),
                Report(library, 2025, "2026-01-15", returned: "2026-01-25"),
                Report(older, 2024, "2025-12-05"),                                   // late: 2024's window closed on 2025-03-31
                Report(cityHospital, 2025, "2026-01-12", published: "2026-01-13"));
            await db.SaveChangesAsync();
        }

        await using (var scope = t.Scope())
        {
            var stats = scope.ServiceProvider.GetRequiredService<OfficeStatistics>();
            var county = await stats.ComputeAsync(County, Period, 30);
            Assert.Equal(1, county[Metric.SetupApproved]);          // C-1 (C-6 the day before, C-2 after)
            Assert.Equal(2, county[Metric.ChangeApproved]);         // C-3, C-4
            Assert.Equal(0, county[Metric.DeregistrationApproved]);
            Assert.Equal(1, county[Metric.Refused]);                // C-5 on 31 January
            Assert.Equal(1, county[Metric.NotAccepted]);            // C-8 (C-9 before the period)
            Assert.Equal(1, county.ChangesByItem[RegisteredItem.Name]);
            Assert.Equal(1, county.ChangesByItem[RegisteredItem.Domicile]);
            Assert.Equal(1, county.ChangesByItem[RegisteredItem.Sponsor]);
            Assert.Equal(0, county.ChangesByItem[RegisteredItem.StartupCapital]);
            Assert.Equal(1, county[Metric.CodeRecordsUpdated]);     // C-3 changed the name and domicile; C-4 only the sponsor
            Assert.Equal(2, county[Metric.CodesAssigned]);          // 1 December and 31 January
            Assert.Equal(1, county[Metric.CertificatesForSetup]);
            Assert.Equal(1, county[Metric.CertificatesForChange]);
            Assert.Equal(1, county[Metric.CertificatesRenewed]);
            Assert.Equal(2, county[Metric.CertificatesExchanged]);
            Assert.Equal(0, county[Metric.CertificatesReissued]);
            Assert.Equal(3, county[Metric.ReportsReceived]);        // two 2025 reports and the late 2024 one
            Assert.Equal(2, county[Metric.ReportsReviewed]);
            Assert.Equal(1, county[Metric.ReportsPublished]);
            Assert.Equal(1, county[Metric.ReportsReturned]);
            Assert.Equal(1, county[Metric.ReportsLate]);
            // Owing a 2025 report: library, museum, older (registered by 31 Dec 2025); museum and library filed.
            Assert.Equal(3, county.ReportsDue);
            Assert.Equal(1, county[Metric.ReportsMissing]);
            Assert.Equal(4, county.Processing.Decided);             // 14, 36, 10, 29 days
            Assert.Equal(14, county.Processing.MedianDays);
            Assert.Equal(36, county.Processing.P90Days);
            Assert.Equal(3, county.Processing.OnTime);
            Assert.Equal(0.75, county.Processing.OnTimeRate);
            Assert.Equal(1, county[Metric.DecidedLate]);
            Assert.Equal(3, county.FilingsByState[FilingState.Approved]); // first submitted in the period: C-2, C-3, C-4
            Assert.Equal(1, county.FilingsByState[FilingState.Refused]);
            Assert.Equal(1, county.FilingsByState[FilingState.NotAccepted]);
            Assert.Equal(1, county.FilingsByState[FilingState.Accepted]);
            Assert.Equal(5, county.RegisterByStatus[InstitutionStatus.Registered]);
            Assert.Equal([(12, 2025, 1, 0, 0), (1, 2026, 0, 2, 0)], county.RegistrationsByMonth);

            var city = await stats.ComputeAsync(City, Period, 30);
            Assert.Equal(1, city[Metric.SetupApproved]);
            Assert.Equal(1, city[Metric.CertificatesReissued]);
            Assert.Equal(1, city[Metric.ReportsPublished]);
            Assert.Equal(0, city[Metric.NotAccepted]);

            var sum = OfficeFigures.Sum([city, county], 30, null);
            Assert.Equal(2, sum[Metric.SetupApproved]);
            Assert.Equal(2, sum[Metric.ChangeApproved]);
            Assert.Equal(3, sum[Metric.ReportsReviewed]);
            Assert.Equal(5, sum.Processing.Decided);
            Assert.Equal(14, sum.Processing.MedianDays);

            // Every figure lists exactly the records it counts.
            foreach (var metric in Enum.GetValues<Metric>())
            {
                var records = await stats.RecordsAsync(metric, County, Period, 30);
                Assert.True(county[metric] == records.Count, $"{metric}: {county[metric]} counted, {records.Count} listed");
            }

            Assert.Equal(["C-3", "C-4"], (await stats.RecordsAsync(Metric.ChangeApproved, County, Period, 30)).Select(r => r.Reference));
        }
    }
}
