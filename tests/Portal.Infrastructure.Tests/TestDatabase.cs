using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Portal.Infrastructure;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Tests;

/// <summary>
/// A real database with the infrastructure services wired as in the app: a SQLite file in a temporary
/// folder, or a fresh PostgreSQL database cloned from the migrated template (<see cref="PostgresTestServer"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresDatabase;

    private TestDatabase(string folder, ServiceProvider services, FakeTimeProvider clock, string? postgresDatabase)
    {
        Folder = folder;
        Services = services;
        Clock = clock;
        _postgresDatabase = postgresDatabase;
    }

    public Engine Engine => _postgresDatabase is null ? Engine.Sqlite : Engine.PostgreSql;

    public string Folder { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public string DatabasePath => Path.Combine(Folder, "portal.db");

    public static async Task<TestDatabase> CreateAsync(bool migrate = true, Dictionary<string, string?>? settings = null, Engine engine = TestSuite.Engine)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-infra-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(folder, "portal.db")}",
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["CertificateSigning:KeyDirectory"] = Path.Combine(folder, "keys"),
            ["DocumentSigning:KeyDirectory"] = Path.Combine(folder, "document-keys"),
        };
        foreach (var kv in settings ?? [])
        {
            config[kv.Key] = kv.Value;
        }

        string? postgres = null;
        if (engine == Engine.PostgreSql)
        {
            config["Database:Provider"] = "PostgreSql";
            postgres = await PostgresTestServer.CreateDatabaseAsync(async connection =>
            {
                await using var template = Build(new Dictionary<string, string?>(config) { ["ConnectionStrings:Portal"] = connection }, new FakeTimeProvider());
                using var scope = template.CreateScope();
                await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
            });
            config["ConnectionStrings:Portal"] = PostgresTestServer.ConnectionString(postgres);
            migrate = false; // cloned from the migrated template
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var provider = Build(config, clock);
        var db = new TestDatabase(folder, provider, clock, postgres);
        if (migrate)
        {
            using var scope = provider.CreateScope();
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
        }

        return db;
    }

    private static ServiceProvider Build(Dictionary<string, string?> config, FakeTimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPortalInfrastructure(configuration, new RepositoryPaths(AppContext.BaseDirectory));
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<PortalRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        return services.BuildServiceProvider();
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(_postgresDatabase);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder left behind is harmless
        }
    }
}
