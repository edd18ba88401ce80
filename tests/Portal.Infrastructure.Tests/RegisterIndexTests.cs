using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Feed;
using Portal.Infrastructure.Search;
using Portal.Infrastructure.Seeding;

namespace Portal.Infrastructure.Tests;

public class RegisterIndexTests
{
    private static RegisteredItems Items(string name) => new()
    {
        Name = name, Domicile = "浦江县浦阳街道和平路 1 号", PurposeAndScope = "公共服务。", LegalRepresentative = "王立群",
        LegalRepresentativeIdNumber = "330726198001010012", FundingSourceCode = "FULL", StartupCapital = 10m, Sponsor = "浦江县人民政府",
    };

    internal static async Task<TestDatabase> SeededAsync(Engine engine = TestSuite.Engine)
    {
        var t = await TestDatabase.CreateAsync(engine: engine);
        await using var scope = t.Scope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        scope.ServiceProvider.GetRequiredService<PortalDbContext>().Offices.Add(new Portal.Domain.Offices.RegistrationOffice(DemoDataSeeder.CountyOfficeId, "县局", "County", "330726", null));
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        return t;
    }

    private static async Task<Guid> RegisterAsync(TestDatabase t, string name, int serial)
    {
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var code = Portal.Domain.Codes.UnifiedSocialCreditCode.Parse(SyntheticRegister.Code("330726", serial));
        var institution = Institution.Register(DemoDataSeeder.CountyOfficeId, code, Items(name), new DateOnly(2020, 1, 1), DateTime.UtcNow);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync();
        return institution.Id;
    }

    private static async Task<List<string>> SearchAsync(TestDatabase t, string q)
    {
        await using var scope = t.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<RegisterSearch>().SearchNamesAsync(new RegisterQuery(q));
        return result.Hits.Select(h => h.Name + (h.FormerName is null ? "" : "|" + h.FormerName)).ToList();
    }

    [Fact]
    public Task TheIndex_FollowsRegistrationsAndRenames_ForQueriesOfEveryLength() => TheIndex_FollowsRegistrationsAndRenames_ForQueriesOfEveryLength_On(TestSuite.Engine);

    internal static async Task TheIndex_FollowsRegistrationsAndRenames_ForQueriesOfEveryLength_On(Engine engine)
    {
        await using var t = await SeededAsync(engine);
        var school = await RegisterAsync(t, "浦江县实验小学", 1);
        await RegisterAsync(t, "浦江县中心卫生院", 2);
        await RegisterAsync(t, "浦江县图书馆", 3);

        Assert.Equal(["浦江县实验小学"], await SearchAsync(t, "小学"));        // two characters: the gram index
        Assert.Equal(["浦江县中心卫生院"], await SearchAsync(t, "卫生院"));   // three: the trigram index
        Assert.Equal(["浦江县图书馆"], await SearchAsync(t, "馆"));           // one: gram prefix
        Assert.Equal(3, (await SearchAsync(t, "浦江")).Count);
        Assert.Empty(await SearchAsync(t, "中学"));

        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var i = await db.Institutions.SingleAsync(x => x.Id == school);
            i.RecordChange(i.Current with { Name = "浦江县第二实验学校" }, new DateOnly(2026, 3, 1), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        Assert.Equal(["浦江县第二实验学校|浦江县实验小学"], await SearchAsync(t, "小学")); // found by its former name, shown as such
        Assert.Equal(["浦江县第二实验学校"], await SearchAsync(t, "实验学校"));
    }

    [Fact]
    public Task ARolledBackRegistration_NeverReachesTheIndex() => ARolledBackRegistration_NeverReachesTheIndex_On(TestSuite.Engine);

    internal static async Task ARolledBackRegistration_NeverReachesTheIndex_On(Engine engine)
    {
        await using var t = await SeededAsync(engine);
        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Institutions.Add(Institution.Register(DemoDataSeeder.CountyOfficeId, Portal.Domain.Codes.UnifiedSocialCreditCode.Parse(SyntheticRegister.Code("330726", 9)),
                Items("浦江县文化馆"), new DateOnly(2020, 1, 1), DateTime.UtcNow));
            await db.SaveChangesAsync();
            Assert.Equal(["浦江县文化馆"], (await scope.ServiceProvider.GetRequiredService<RegisterSearch>().SearchNamesAsync(new RegisterQuery("文化馆"))).Hits.Select(h => h.Name));
            await tx.RollbackAsync();
        }

        Assert.Empty(await SearchAsync(t, "文化馆"));
        Assert.Empty(await SearchAsync(t, "文化"));
        await using (var scope = t.Scope())
        {
            // The feed number taken inside the rolled-back transaction was given back too.
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().FeedEvents.ToListAsync());
        }
    }

    [Fact]
    public Task Changes_AppearInTheFeed_WithTheItemsChanged_AndNoIdentityNumber() => Changes_AppearInTheFeed_WithTheItemsChanged_AndNoIdentityNumber_On(TestSuite.Engine);

    internal static async Task Changes_AppearInTheFeed_WithTheItemsChanged_AndNoIdentityNumber_On(Engine engine)
    {
        await using var t = await SeededAsync(engine);
        var id = await RegisterAsync(t, "浦江县档案馆", 4);
        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var i = await db.Institutions.SingleAsync(x => x.Id == id);
            i.RecordChange(i.Current with { Domicile = "浦江县仙华街道 8 号", LegalRepresentativeIdNumber = "330726198502020022", LegalRepresentative = "李敏" }, new DateOnly(2026, 3, 1), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await using (var scope = t.Scope())
        {
            var events = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().FeedEvents.OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal([FeedEventKinds.Registered, FeedEventKinds.Changed], events.Select(e => e.Kind));
            Assert.Equal([1L, 2L], events.Select(e => e.Sequence));
            var changes = JsonDocument.Parse(events[1].Data).RootElement.GetProperty("changes").EnumerateArray().ToList();
            Assert.Equal(["Domicile", "LegalRepresentative"], changes.Select(c => c.GetProperty("item").GetString()));
            Assert.Equal("李敏", changes[1].GetProperty("new").GetString());
            Assert.All(events, e => Assert.DoesNotContain("330726198", e.Data, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheSyntheticRegister_HasValidDistinctCodes_AndDenseQueriesWalkTheNameIndexInOrder()
    {
        await using var t = await SeededAsync();
        await using (var scope = t.Scope())
        {
            var result = await SyntheticRegister.GenerateAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), 20_000, SyntheticRegister.For(scope.ServiceProvider));
            Assert.Equal(20_000, result.Institutions);
            Assert.True(result.Offices >= 5);
        }

        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var codes = await db.Institutions.Select(i => i.Code).ToListAsync();
            Assert.Equal(codes.Count, codes.Distinct().Count());
            Assert.All(codes, c => Assert.True(Portal.Domain.Codes.UnifiedSocialCreditCode.TryParse(c, out _), c));
            Assert.True(await db.Institutions.Select(i => i.OfficeId).Distinct().CountAsync() >= 5);

            var search = scope.ServiceProvider.GetRequiredService<RegisterSearch>();
            foreach (var q in new[] { "县", "街道" })
            {
                var page1 = await search.SearchNamesAsync(new RegisterQuery(q, Page: 1));
                var page2 = await search.SearchNamesAsync(new RegisterQuery(q, Page: 2));
                var exact = await db.Institutions.CountAsync(i => i.Current.Name.Contains(q));
                Assert.True(exact > RegisterSearch.ExactLimit, $"{q}: {exact}");
                Assert.True(page1.TotalIsLowerBound);
                var names = page1.Hits.Concat(page2.Hits).Select(h => h.Name).ToList();
                Assert.Equal(40, names.Count);
                Assert.All(names, n => Assert.Contains(q, n));
                Assert.Equal(names.Order(StringComparer.Ordinal), names);
                var expected = await db.Institutions.Where(i => i.Current.Name.Contains(q)).Select(i => i.Current.Name).ToListAsync();
                Assert.Equal(expected.Order(StringComparer.Ordinal).Take(40), names);
            }

            // Mid-frequency queries take the index path: every match counted, relevance first.
            var few = await search.SearchNamesAsync(new RegisterQuery("敬老院"));
            Assert.False(few.TotalIsLowerBound);
            Assert.Equal(await db.Institutions.CountAsync(i => i.Current.Name.Contains("敬老院")), few.Total);
        }
    }

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+86 579", "'+86 579")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("浦江县图书馆", "浦江县图书馆")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    public void CsvCells_NeutraliseFormulas_AndQuoteWhatNeedsIt(string value, string expected) => Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public void Grams_CoverEveryTwoCharacterSubstring_AndEachNamesLastCharacter()
    {
        var grams = SearchText.Grams("卫生院\nＡＢ中心").Split(' ');
        Assert.Equal(["卫生", "生院", "院", "ab", "b中", "中心", "心"], grams);
        Assert.True(SearchText.IsGrammable("学校"));
        Assert.False(SearchText.IsGrammable("（一"));
    }
}
