using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Offices;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Feed;
using Portal.Infrastructure.Import;
using Portal.Infrastructure.Search;
using Portal.Infrastructure.Seeding;

namespace Portal.Infrastructure.Tests;

public class ImportTests
{
    private static readonly Guid County = DemoDataSeeder.CountyOfficeId;
    private static readonly Guid City = DemoDataSeeder.CityOfficeId;
    private const string Header = "统一社会信用代码,名称,第二名称,住所,宗旨和业务范围,法定代表人,法定代表人身份证号码,经费来源,开办资金（万元）,举办单位,登记日期,证书编号,证书有效期至";

    private static string Id(int n) => ResidentIdNumber.WithCheck("3307261980" + (101 + n % 28).ToString("0000", CultureInfo.InvariantCulture)[..4] + (n % 1000).ToString("000", CultureInfo.InvariantCulture));

    /// <summary>A good row for serial <paramref name="n"/> (a synthetic, valid, distinct code).</summary>
    private static string Row(int n, string? code = null, string name = "", string funding = "FULL", string capital = "100.50", string registered = "2008-05-20", string? id = null, string validUntil = "2028-05-19") =>
        string.Join(',', code ?? SyntheticRegister.Code("330726", n), name.Length > 0 ? name : $"浦江县导入单位{n}", "", $"\"浦江县浦阳街道示例路{n}号\"", "\"为公众提供服务，开展相关业务。\"", "张三",
            id ?? Id(n), funding, capital, "浦江县人民政府", registered, $"事证第1330726{n:D5}号", validUntil);

    private static byte[] Utf8(IEnumerable<string> lines) => [.. Csv.Utf8Bom, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    private static async Task<TestDatabase> SeededAsync()
    {
        var t = await TestDatabase.CreateAsync();
        await using var scope = t.Scope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Offices.Add(new RegistrationOffice(City, "市局", "City", "330700", null));
        db.Offices.Add(new RegistrationOffice(County, "县局", "County", "330726", City));
        await db.SaveChangesAsync();
        return t;
    }

    private static async Task<ImportRun> DryRunAsync(TestDatabase t, byte[] file, Guid? office = null)
    {
        await using var scope = t.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegisterImport>().CreateRunAsync(office ?? County, "register.csv", file, "supervisor@test");
    }

    private static async Task RunToEndAsync(TestDatabase t, Guid run)
    {
        await using var scope = t.Scope();
        var import = scope.ServiceProvider.GetRequiredService<RegisterImport>();
        Assert.True(await import.StartAsync(run, County));
        while (await import.RunBatchesAsync(run, 1))
        {
        }
    }

    [Fact]
    public async Task TheTemplate_PassesTheDryRun()
    {
        await using var t = await SeededAsync();
        var template = await File.ReadAllBytesAsync(Path.Combine(new RepositoryPaths(AppContext.BaseDirectory).Root, "db", "import", "register-template.csv"));
        await using var scope = t.Scope();
        var v = await scope.ServiceProvider.GetRequiredService<RegisterImport>().ValidateAsync(template, County);
        Assert.Empty(v.Errors);
        Assert.Equal(2, v.Rows.Count); // an institution and an organ (机关, by the category column)
        Assert.NotNull(v.Rows[0].Items);
        Assert.Equal(Portal.Domain.Agencies.AgencyCategory.Organ, v.Rows[1].Agency!.Category);
    }

    [Fact]
    public async Task Agencies_AreImportedByTheCategoryColumn_KeepTheirPaperCertificate_AndRollBack()
    {
        await using var t = await SeededAsync();
        var organ = Portal.Domain.Codes.UnifiedSocialCreditCode.TryCreate(Portal.Domain.Codes.CodeCategory.Organ, "330726", "MB7Q8R9T", out var o) ? o.Value : throw new InvalidOperationException();
        var union = Portal.Domain.Codes.UnifiedSocialCreditCode.TryCreate(Portal.Domain.Codes.CodeCategory.PeopleOrganisation, "330726", "MB7Q8R9U", out var u) ? u.Value : throw new InvalidOperationException();
        var header = "code,name,second_name,domicile,purpose_and_scope,legal_representative,legal_representative_id,funding_source,startup_capital,sponsor,registered_on,certificate_number,certificate_valid_until,category,establishing_document\r\n";
        var csv = header
            + $"{organ},浦江县某委员会办公室,,浦江县人民东路1号,负责日常工作。,王五,{Id(41)},,,,2012-04-01,统代证第1330726001号,,机关,浦委〔2012〕4号\r\n"
            + $"{union},浦江县某协会,,浦江县和平南路9号,联系服务会员。,赵六,{Id(42)},,,,2013-05-01,,,群团,\r\n"
            + $"{organ[..^1]}0,浦江县错码机关,,地址,职能。,钱七,{Id(43)},,,,2013-05-01,,,群团,\r\n";
        await using var scope = t.Scope();
        var import = scope.ServiceProvider.GetRequiredService<RegisterImport>();
        var v = await import.ValidateAsync(System.Text.Encoding.UTF8.GetBytes(csv), County);
        Assert.Equal(2, v.Rows.Count);
        Assert.Equal(4, Assert.Single(v.Errors.Select(e => e.Row).Distinct())); // the bad code: no institution's columns are asked of an agency

        var mismatch = header + $"{organ},某机关,,地址,职能。,王五,{Id(41)},,,,2012-04-01,,,群团,\r\n";
        Assert.Contains((await import.ValidateAsync(System.Text.Encoding.UTF8.GetBytes(mismatch), County)).Errors, e => e.Code == "CategoryMismatch");

        var good = header + string.Join("\r\n", csv.Split("\r\n")[1..3]) + "\r\n";
        var run = await import.CreateRunAsync(County, "agencies.csv", System.Text.Encoding.UTF8.GetBytes(good), "test");
        Assert.True(await import.StartAsync(run.Id, County));
        await import.RunBatchesAsync(run.Id);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var imported = await db.Agencies.AsNoTracking().Where(a => a.Code == organ || a.Code == union).OrderBy(a => a.Code).ToListAsync();
        Assert.Equal(2, imported.Count);
        var first = imported.Single(a => a.Code == organ);
        Assert.Equal(("浦江县某委员会办公室", Portal.Domain.Agencies.AgencyCategory.Organ, "统代证第1330726001号"), (first.Current.Name, first.Current.Category, first.PaperCertificateNumber));
        Assert.True(await db.IssuedCodes.AnyAsync(c => c.Code == union));

        Assert.True(await import.RollbackAsync(run.Id, County));
        Assert.False(await db.Agencies.AnyAsync(a => a.Code == organ || a.Code == union));
        Assert.False(await db.IssuedCodes.AnyAsync(c => c.Code == organ));
    }

    [Fact]
    public async Task AFileWithOneBadRowOfEachKind_GetsExactlyThoseErrors_AndNothingIsWritten()
    {
        await using var t = await SeededAsync();
        await using (var scope = t.Scope())
        {
            // A code held by the city office: importing it into the county is an error.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Institutions.Add(Portal.Domain.Institutions.Institution.Register(City, Portal.Domain.Codes.UnifiedSocialCreditCode.Parse(SyntheticRegister.Code("330726", 90)),
                new Portal.Domain.Institutions.RegisteredItems { Name = "金华市某中心", Domicile = "金华", PurposeAndScope = "服务。", LegalRepresentative = "李", LegalRepresentativeIdNumber = Id(1), FundingSourceCode = "FULL", StartupCapital = 1, Sponsor = "市政府" },
                new DateOnly(2010, 1, 1), DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        var good = SyntheticRegister.Code("330726", 1);
        var broken = good[..17] + (good[17] == '0' ? '1' : '0');
        var lines = new List<string>
        {
            Header,
            Row(1),                                                     // row 2: good
            Row(2, code: broken),                                       // row 3: check character wrong
            Row(3, code: good),                                         // row 4: same code as row 2
            Row(4, funding: "宇宙拨款"),                                  // row 5: unknown funding source
            Row(5, capital: "-3"),                                      // row 6: negative money
            Row(6, registered: "2008-02-30"),                           // row 7: no such date
            Row(7, id: "330726198001010012"),                           // row 8: identity number check digit wrong
            Row(8, validUntil: "2001-01-01"),                           // row 9: certificate ends before registration
            string.Join(',', SyntheticRegister.Code("330726", 9), "", "", "住所", "宗旨", "王五", Id(9), "FULL", "1", "政府", "2010-01-01", "", ""), // row 10: no name
            Row(90),                                                    // row 11: the city office holds this code
            Row(11, registered: DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), // row 12: in the future
        };
        var run = await DryRunAsync(t, Utf8(lines));
        await using var check = t.Scope();
        var v = await check.ServiceProvider.GetRequiredService<RegisterImport>().ValidateAsync(Utf8(lines), County);
        Assert.Equal(
            [(3, "code", "CodeInvalid"), (4, "code", "DuplicateInFile"), (5, "funding_source", "FundingUnknown"), (6, "startup_capital", "CapitalInvalid"),
             (7, "registered_on", "DateInvalid"), (8, "legal_representative_id", "IdNumberInvalid"), (9, "certificate_valid_until", "ValidUntilBeforeRegistered"),
             (10, "name", "Required"), (11, "code", "CodeInOtherOffice"), (12, "registered_on", "DateInFuture")],
            v.Errors.Select(e => (e.Row, e.Column, e.Code)));
        Assert.Equal(11, run.TotalRows);
        Assert.Equal(10, run.ErrorCount);
        Assert.NotNull(run.ErrorsFileId);

        var db2 = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(1, await db2.Institutions.CountAsync()); // only the city's own
        Assert.False(await check.ServiceProvider.GetRequiredService<RegisterImport>().StartAsync(run.Id, County)); // a file with errors never starts
    }

    [Fact]
    public async Task Gb18030Input_IsDetectedAndReadCorrectly()
    {
        await using var t = await SeededAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030").GetBytes(string.Join("\r\n", [Header, Row(1, name: "浦江县䶮字测试中心"), Row(2)]) + "\r\n");
        await using var scope = t.Scope();
        var v = await scope.ServiceProvider.GetRequiredService<RegisterImport>().ValidateAsync(gb, County);
        Assert.Equal("GB18030", v.Encoding);
        Assert.Empty(v.Errors);
        Assert.Equal("浦江县䶮字测试中心", v.Rows[0].Items!.Name);
        Assert.Equal("为公众提供服务，开展相关业务。", v.Rows[0].Items!.PurposeAndScope);
    }

    [Fact]
    public async Task TheRealRun_WritesEveryRow_ReRunningChangesNothing_AndRollbackRemovesIt()
    {
        await using var t = await SeededAsync();
        var file = Utf8(new[] { Header }.Concat(Enumerable.Range(1, 4500).Select(n => Row(n))));
        var run = await DryRunAsync(t, file);
        Assert.Equal(0, run.ErrorCount);
        await RunToEndAsync(t, run.Id);

        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var done = await db.ImportRuns.SingleAsync(r => r.Id == run.Id);
            Assert.Equal(ImportState.Completed, done.State);
            Assert.Equal(4500, done.Inserted);
            Assert.Equal(4500, await db.Institutions.CountAsync());
            Assert.Equal(4500, await db.InstitutionVersions.CountAsync());
            var one = await db.Institutions.SingleAsync(i => i.Code == SyntheticRegister.Code("330726", 77));
            Assert.Equal("事证第133072600077号", one.CertificateNumber); // the paper certificate, on record
            Assert.Equal(new DateOnly(2028, 5, 19), one.CertificateValidUntil);
            Assert.Equal("事证第133072600077号", one.LegacyCertificateNumber);
            Assert.Equal(100.50m, one.Current.StartupCapital);
            Assert.Equal(4500, await db.FeedEvents.CountAsync(e => e.Kind == FeedEventKinds.Registered));
            Assert.Equal("浦江县导入单位77", (await scope.ServiceProvider.GetRequiredService<RegisterSearch>().SearchNamesAsync(new RegisterQuery("导入单位77"))).Hits[0].Name); // searchable at once
        }

        // The same file again: every code is already the county's, nothing is written.
        var again = await DryRunAsync(t, file);
        Assert.Equal(0, again.ErrorCount);
        Assert.Equal(4500, again.AlreadyPresent);
        await RunToEndAsync(t, again.Id);
        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var second = await db.ImportRuns.SingleAsync(r => r.Id == again.Id);
            Assert.Equal((0, 4500), (second.Inserted, second.Skipped));
            Assert.Equal(4500, await db.Institutions.CountAsync());
            Assert.Equal(4500, await db.FeedEvents.CountAsync());

            Assert.True(await scope.ServiceProvider.GetRequiredService<RegisterImport>().RollbackAsync(run.Id, County));
            Assert.Equal(0, await db.Institutions.CountAsync());
            Assert.Equal(0, await db.InstitutionVersions.CountAsync());
            Assert.Equal(0, await db.IssuedCodes.CountAsync());
            Assert.Equal(4500, await db.FeedEvents.CountAsync(e => e.Kind == FeedEventKinds.Withdrawn));
            Assert.Empty((await scope.ServiceProvider.GetRequiredService<RegisterSearch>().SearchNamesAsync(new RegisterQuery("导入单位"))).Hits);
        }
    }

    [Fact]
    public async Task ARunInterruptedHalfway_ResumesWhereItStopped_WithNoHalfImportedInstitution()
    {
        await using var t = await SeededAsync();
        var file = Utf8(new[] { Header }.Concat(Enumerable.Range(1, 5000).Select(n => Row(n))));
        var run = await DryRunAsync(t, file);
        await using (var scope = t.Scope())
        {
            var import = scope.ServiceProvider.GetRequiredService<RegisterImport>();
            Assert.True(await import.StartAsync(run.Id, County));
            Assert.True(await import.RunBatchesAsync(run.Id, 1)); // one batch, then the process "dies"
        }

        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var half = await db.ImportRuns.SingleAsync(r => r.Id == run.Id);
            Assert.Equal(ImportState.Running, half.State);
            Assert.Equal(RegisterImport.BatchSize, half.ProcessedRows);
            Assert.Equal(RegisterImport.BatchSize, await db.Institutions.CountAsync());
            Assert.Equal(RegisterImport.BatchSize, await db.InstitutionVersions.CountAsync()); // every institution whole
        }

        // A new process picks the run up and finishes it.
        await using (var scope = t.Scope())
        {
            var import = scope.ServiceProvider.GetRequiredService<RegisterImport>();
            while (await import.RunBatchesAsync(run.Id, 1))
            {
            }

            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var done = await db.ImportRuns.SingleAsync(r => r.Id == run.Id);
            Assert.Equal((ImportState.Completed, 5000, 5000), (done.State, done.ProcessedRows, done.Inserted));
            Assert.Equal(5000, await db.Institutions.CountAsync());
            Assert.Equal(5000, await db.Institutions.Select(i => i.Code).Distinct().CountAsync());
        }
    }
}
