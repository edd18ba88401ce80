using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Institutions;
using Portal.Domain.Offices;
using Portal.Infrastructure.Backup;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Search;
using Portal.Infrastructure.Seeding;

namespace Portal.Infrastructure.Tests;

#if !POSTGRES_SUITE // backups of the embedded database; on PostgreSQL the commands refuse and name pg_dump (CommandLineTests)

public class BackupTests
{
    private static RegisteredItems Items(string name) => new()
    {
        Name = name, Domicile = "浦江县", PurposeAndScope = "服务。", LegalRepresentative = "张三",
        LegalRepresentativeIdNumber = "330726198001010011", FundingSourceCode = "FULL", StartupCapital = 1m, Sponsor = "浦江县人民政府",
    };

    [Fact]
    public async Task ABackupTakenWhileWritesHappen_RestoresEveryRecordCommittedBeforeIt_Consistently()
    {
        await using var t = await TestDatabase.CreateAsync();
        await using (var scope = t.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Offices.Add(new RegistrationOffice(DemoDataSeeder.CountyOfficeId, "县局", "County", "330726", null));
            await db.SaveChangesAsync();
        }

        var committed = new ConcurrentQueue<(Guid Id, DateTime At)>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                await using var scope = t.Scope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var institution = Institution.Register(DemoDataSeeder.CountyOfficeId, Portal.Domain.Codes.UnifiedSocialCreditCode.Parse(SyntheticRegister.Code("330726", n)),
                    Items($"备份测试单位{n}"), new DateOnly(2020, 1, 1), DateTime.UtcNow);
                db.Institutions.Add(institution);
                await db.SaveChangesAsync(); // committed once this returns
                committed.Enqueue((institution.Id, DateTime.UtcNow));
            }
        });

        while (committed.Count < 150)
        {
            await Task.Delay(10);
        }

        var before = committed.ToArray(); // every record committed before the backup starts
        var (folder, manifest) = await DatabaseBackup.CreateAsync(t.DatabasePath, Path.Combine(t.Folder, "keys"), Path.Combine(t.Folder, "backups"), DateTime.UtcNow);
        var duringBackup = committed.Count - before.Length;
        while (committed.Count < before.Length + duringBackup + 20)
        {
            await Task.Delay(10); // writes go on after the backup too
        }

        await stop.CancelAsync();
        await writer;

        Assert.True((await DatabaseBackup.VerifyAsync(folder)).Ok);
        var restoredPath = Path.Combine(t.Folder, "restored", "portal.db");
        await DatabaseBackup.RestoreAsync(folder, restoredPath, Path.Combine(t.Folder, "restored-keys"), force: false);

        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DependencyInjection.Configure(options, DatabaseProvider.Sqlite, $"Data Source={restoredPath}", new RepositoryPaths(AppContext.BaseDirectory));
        await using (var restored = new PortalDbContext(options.Options))
        {
            var ids = (await restored.Institutions.Select(i => i.Id).ToListAsync()).ToHashSet();
            Assert.All(before, c => Assert.Contains(c.Id, ids));               // nothing committed before the backup is lost
            Assert.Equal(manifest.Rows["Institutions"], ids.Count);             // the snapshot is the one the manifest describes
            Assert.True(ids.Count < committed.Count);                           // and writes after it are not in it
            Assert.Equal(ids.Count, await restored.InstitutionVersions.CountAsync()); // no institution without its version
            Assert.Equal(ids.Count, await restored.FeedEvents.CountAsync());
            Assert.False(await restored.Database.GetPendingMigrationsAsync().ContinueWith(p => p.Result.Any()));
        }

        // The restored copy's search index is whole too.
        var services = new ServiceCollection();
        services.AddDbContext<PortalDbContext>(o => DependencyInjection.Configure(o, DatabaseProvider.Sqlite, $"Data Source={restoredPath}", new RepositoryPaths(AppContext.BaseDirectory)));
        services.AddScoped<RegisterSearch>();
        await using var provider = services.BuildServiceProvider();
        await using var searchScope = provider.CreateAsyncScope();
        var hits = await searchScope.ServiceProvider.GetRequiredService<RegisterSearch>().SearchNamesAsync(new RegisterQuery("备份测试单位100", PageSize: 50));
        Assert.Contains(hits.Hits, h => h.Name == "备份测试单位100");

        // A backup that was tampered with is refused.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, DatabaseBackup.DatabaseFile)};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM FeedEvents WHERE Sequence = 1;";
            await command.ExecuteNonQueryAsync();
        }

        var tampered = await DatabaseBackup.VerifyAsync(folder);
        Assert.False(tampered.Ok);
        Assert.Contains(tampered.Problems, p => p.StartsWith("FeedEvents", StringComparison.Ordinal));
        await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseBackup.RestoreAsync(folder, Path.Combine(t.Folder, "again.db"), null, force: false));
    }
}
#endif
