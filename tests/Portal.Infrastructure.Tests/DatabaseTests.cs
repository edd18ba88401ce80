using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Codes;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Codes;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Seeding;

namespace Portal.Infrastructure.Tests;

public class DatabaseTests
{
    [Fact]
    public Task Migrations_ApplyToAnEmptyDatabase_AndLeaveNothingPending() => Migrations_ApplyToAnEmptyDatabase_AndLeaveNothingPending_On(TestSuite.Engine);

    internal static async Task Migrations_ApplyToAnEmptyDatabase_AndLeaveNothingPending_On(Engine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine: engine);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

#if !POSTGRES_SUITE // SQLite pragmas
    [Fact]
    public async Task Sqlite_RunsInWalModeWithFullSynchronous()
    {
        await using var t = await TestDatabase.CreateAsync();
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        Assert.Equal("wal", Pragma(connection, "journal_mode"));
        Assert.Equal("2", Pragma(connection, "synchronous")); // 2 = FULL
    }
#endif

    [Fact]
    public Task Initializer_SeedsReferenceDataAndDemo_ThenIsIdempotent() => Initializer_SeedsReferenceDataAndDemo_ThenIsIdempotent_On(TestSuite.Engine);

    internal static async Task Initializer_SeedsReferenceDataAndDemo_ThenIsIdempotent_On(Engine engine)
    {
        await using var t = await TestDatabase.CreateAsync(migrate: false, new() { ["Demo:Password"] = "correct horse battery staple", ["Database:SeedDemoData"] = "true" }, engine);
        await using (var scope = t.Scope())
        {
            var accounts = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            Assert.Equal(9, accounts.Count); // eight institution and office accounts (the city supervisor among them) and one organ's
            Assert.All(accounts, a => Assert.Equal("correct horse battery staple", a.Password));
        }

        await using (var scope = t.Scope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            Assert.Empty(again);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal(2, await db.Offices.CountAsync());
            Assert.Equal(14, await db.Institutions.CountAsync());
            Assert.Equal(4, await db.FundingSources.CountAsync());
            Assert.True(await db.CalendarDays.CountAsync() >= 60);
            var codes = await db.Institutions.Select(i => i.Code).ToListAsync();
            Assert.All(codes, c => Assert.True(UnifiedSocialCreditCode.TryParse(c, out _), c));
            Assert.Equal(codes.Count, codes.Distinct().Count());
            // Five demo organs and people's organisations; the registry issued every body once across both families.
            var agencyCodes = await db.Agencies.Select(a => a.Code).ToListAsync();
            Assert.Equal(5, agencyCodes.Count);
            Assert.Empty(codes.Intersect(agencyCodes));
            Assert.Equal(19, await db.IssuedCodes.CountAsync());
            Assert.Equal(15, await db.InstitutionVersions.CountAsync()); // one demo institution has changed once

            // Every institution holds a valid electronic certificate; one older one is superseded, one voided.
            var statuses = await db.Certificates.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            Assert.Equal(14, statuses[Portal.Domain.Certificates.CertificateStatus.Valid]);
            Assert.Equal(1, statuses[Portal.Domain.Certificates.CertificateStatus.Superseded]);
            Assert.Equal(1, statuses[Portal.Domain.Certificates.CertificateStatus.Voided]);
        }
    }

    [Fact]
    public async Task ReferenceSeed_KeepsAnAdministratorsEdits()
    {
        await using var t = await TestDatabase.CreateAsync();
        await using var scope = t.Scope();
        var seeder = scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>();
        await seeder.SeedAsync();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var full = await db.FundingSources.SingleAsync(f => f.Code == "FULL");
        full.Update("全额拨款（本地表述）", "Fully funded", 5, true);
        await db.SaveChangesAsync();

        await seeder.SeedAsync();
        db.ChangeTracker.Clear();
        Assert.Equal("全额拨款（本地表述）", (await db.FundingSources.SingleAsync(f => f.Code == "FULL")).NameZh);
    }

    [Fact]
    public Task StartupCapital_OrdersAndComparesNumerically() => StartupCapital_OrdersAndComparesNumerically_On(TestSuite.Engine);

    internal static async Task StartupCapital_OrdersAndComparesNumerically_On(Engine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine: engine);
        await using (var scope = t.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Offices.Add(new Portal.Domain.Offices.RegistrationOffice(DemoDataSeeder.CountyOfficeId, "县局", "County", "330726", null));
            var codes = scope.ServiceProvider.GetRequiredService<CodeRegistry>();
            foreach (var capital in new[] { 9.5m, 100m, 18000.25m, 0.01m, 20m })
            {
                var code = await codes.AssignNewCodeAsync(DemoDataSeeder.CountyOfficeId, "330726");
                db.Institutions.Add(Institution.Register(DemoDataSeeder.CountyOfficeId, code, Items(capital), new DateOnly(2020, 1, 1), DateTime.UtcNow));
            }

            await db.SaveChangesAsync();
        }

        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var ordered = await db.Institutions.OrderBy(i => i.Current.StartupCapital).Select(i => i.Current.StartupCapital).ToListAsync();
            Assert.Equal([0.01m, 9.5m, 20m, 100m, 18000.25m], ordered);
            Assert.Equal(2, await db.Institutions.CountAsync(i => i.Current.StartupCapital > 50m));
        }
    }

    [Fact]
    public Task CodeRegistry_NeverHandsOutTheSameBodyTwice() => CodeRegistry_NeverHandsOutTheSameBodyTwice_On(TestSuite.Engine);

    internal static async Task CodeRegistry_NeverHandsOutTheSameBodyTwice_On(Engine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine: engine);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Offices.Add(new Portal.Domain.Offices.RegistrationOffice(DemoDataSeeder.CountyOfficeId, "县局", "County", "330726", null));
        var registry = scope.ServiceProvider.GetRequiredService<CodeRegistry>();
        var issued = new List<UnifiedSocialCreditCode>();
        var categories = Enum.GetValues<CodeCategory>();
        for (var i = 0; i < 500; i++)
        {
            // Institutions, organs, people's organisations and other bodies draw from one pool of bodies.
            issued.Add(await registry.AssignNewCodeAsync(categories[i % categories.Length], DemoDataSeeder.CountyOfficeId, "330726"));
        }

        await db.SaveChangesAsync();
        Assert.Equal(500, issued.Select(c => c.Body).Distinct().Count());
        Assert.Equal(categories, issued.Take(categories.Length).Select(c => c.Category!.Value));
        Assert.All(issued, c => Assert.True(UnifiedSocialCreditCode.TryParse(c.Value, out _)));

        // The unique index is the last line of defence against a reused body.
        db.IssuedCodes.Add(new IssuedCode { Code = "X" + issued[0].Value[1..], Body = issued[0].Body, OfficeId = DemoDataSeeder.CountyOfficeId });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public Task InstitutionVersions_SurviveARoundTrip() => InstitutionVersions_SurviveARoundTrip_On(TestSuite.Engine);

    internal static async Task InstitutionVersions_SurviveARoundTrip_On(Engine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine: engine);
        Guid id;
        await using (var scope = t.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Offices.Add(new Portal.Domain.Offices.RegistrationOffice(DemoDataSeeder.CountyOfficeId, "县局", "County", "330726", null));
            var code = await scope.ServiceProvider.GetRequiredService<CodeRegistry>().AssignNewCodeAsync(DemoDataSeeder.CountyOfficeId, "330726");
            var institution = Institution.Register(DemoDataSeeder.CountyOfficeId, code, Items(50m), new DateOnly(2020, 1, 1), DateTime.UtcNow);
            id = institution.Id;
            db.Institutions.Add(institution);
            await db.SaveChangesAsync();
        }

        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var institution = await db.Institutions.SingleAsync(i => i.Id == id);
            institution.RecordChange(Items(75m) with { Domicile = "新住所" }, new DateOnly(2026, 3, 2), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var institution = await db.Institutions.Include(i => i.Versions).SingleAsync(i => i.Id == id);
            Assert.Equal(75m, institution.Current.StartupCapital);
            Assert.Equal("新住所", institution.Current.Domicile);
            Assert.Equal([1, 2], institution.Versions.Select(v => v.Number).Order());
            Assert.Equal(50m, institution.Versions.Single(v => v.Number == 1).Items.StartupCapital);
        }
    }

    [Fact]
    public async Task OutboxDispatcher_WritesEmlFilesAndMarksMessagesSent()
    {
        await using var t = await TestDatabase.CreateAsync();
        await using (var scope = t.Scope())
        {
            scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue("someone@example.org", "测试邮件", "正文：你好", "test");
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }

        var sent = await t.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        Assert.Equal(1, sent);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(t.Folder, "mail"), "*.eml"));
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("someone@example.org", text);
        await using var check = t.Scope();
        Assert.NotNull((await check.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.SingleAsync()).SentUtc);
    }

    private static RegisteredItems Items(decimal capital) => new()
    {
        Name = "测试单位" + capital,
        Domicile = "浙江省金华市浦江县",
        PurposeAndScope = "测试。",
        LegalRepresentative = "张三",
        LegalRepresentativeIdNumber = "330726198001010011",
        FundingSourceCode = "FULL",
        StartupCapital = capital,
        Sponsor = "浦江县人民政府",
    };

    private static string Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
