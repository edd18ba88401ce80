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

/// <summary>A real SQLite file in a temporary folder with the infrastructure services wired as in the app.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string folder, ServiceProvider services, FakeTimeProvider clock)
    {
        Folder = folder;
        Services = services;
        Clock = clock;
    }

    public string Folder { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public string DatabasePath => Path.Combine(Folder, "portal.db");

    public static async Task<TestDatabase> CreateAsync(bool migrate = true, Dictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-infra-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var config = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(folder, "portal.db")}",
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["CertificateSigning:KeyDirectory"] = Path.Combine(folder, "keys"),
        };
        foreach (var kv in settings ?? [])
        {
            config[kv.Key] = kv.Value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
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
        var provider = services.BuildServiceProvider();
        var db = new TestDatabase(folder, provider, clock);
        if (migrate)
        {
            using var scope = provider.CreateScope();
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
        }

        return db;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
