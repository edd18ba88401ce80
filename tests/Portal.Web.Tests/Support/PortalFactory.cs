using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Seeding;

namespace Portal.Web.Tests.Support;

/// <summary>
/// The real app over a fresh database, migrated and seeded with the demo data, with known demo
/// passwords: a SQLite file, or in the PostgreSQL build of the suite (POSTGRES_SUITE) a database cloned
/// from a migrated template. Each factory is its own database, so test classes never see each other's writes.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "demo password for tests 2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-web-" + Guid.NewGuid().ToString("N"));

#if POSTGRES_SUITE
    private readonly string _database = Portal.Infrastructure.Tests.PostgresTestServer.CreateDatabaseAsync(MigrateTemplateAsync).GetAwaiter().GetResult();
#endif

    public PortalFactory()
    {
        Directory.CreateDirectory(_folder);
    }

    public string Folder => _folder;

    /// <summary>The settings that point the app at this factory's database (a second node or a command uses the same).</summary>
    public Dictionary<string, string?> DatabaseSettings => new()
    {
#if POSTGRES_SUITE
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Portal"] = Portal.Infrastructure.Tests.PostgresTestServer.ConnectionString(_database),
        ["Database:SeedDemoData"] = "true", // off by default on a server database
#else
        ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(_folder, "portal.db")}",
#endif
    };

    /// <summary>The same, as command-line arguments for the portal's commands.</summary>
    public string[] DatabaseArguments => [.. DatabaseSettings.Select(s => $"--{s.Key}={s.Value}")];

    /// <summary>Every log line the app wrote (message and exception), for tests that check what never gets logged.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>The same lines as the console writes them with <c>Logging:Console:FormatterName=json</c> (the app's own JSON formatter and options).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> JsonLogs { get; } = new();

    /// <summary>When set, the app's clock (and so "today") is this fake one.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; init; }

    /// <summary>Settings on top of the test defaults, e.g. turning staff two-factor on.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Portal:RequireStaffTwoFactor"] = "false",
        ["RateLimits:AuthPerAddressPerMinute"] = "100000", // tests log in hundreds of times from one address
        ["RateLimits:AuthPerAccountPer15Minutes"] = "100000",
        ["RateLimits:ProgressPerAddressPerMinute"] = "100000",
        ["RateLimits:ProgressPerNumberPerHour"] = "100000",
        ["RateLimits:PublicPerMinute"] = "1000000", // the hostile-input sweeps search thousands of times
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in DatabaseSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
        builder.UseSetting("Email:PollSeconds", "3600");
        builder.UseSetting("Jobs:RunInBackground", "false");
        builder.UseSetting("Metrics:MeterName", "Portal-" + Guid.NewGuid().ToString("N")); // hosts in one process must not share a meter stream
        builder.UseSetting("Portal:SessionRevalidationSeconds", "0");
        builder.UseSetting("CertificateSigning:KeyDirectory", Path.Combine(_folder, "keys"));
        builder.UseSetting("DocumentSigning:KeyDirectory", Path.Combine(_folder, "document-keys"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(sp => new JsonCapturingLoggerProvider(
            sp.GetServices<Microsoft.Extensions.Logging.Console.ConsoleFormatter>().Single(f => f.Name == Microsoft.Extensions.Logging.Console.ConsoleFormatterNames.Json), JsonLogs)));

        // Tests log in hundreds of times: a cheaper hash keeps them fast. The algorithm is unchanged.
        builder.ConfigureServices(services => services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000));
        if (Clock is { } clock)
        {
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync().GetAwaiter().GetResult();
        return host;
    }

#if POSTGRES_SUITE
    private static async Task MigrateTemplateAsync(string connection)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Portal.Infrastructure.Data.PortalDbContext>();
        Portal.Infrastructure.DependencyInjection.Configure(options, Portal.Infrastructure.Data.DatabaseProvider.PostgreSql, connection, new Portal.Infrastructure.RepositoryPaths(AppContext.BaseDirectory));
        await using var db = new Portal.Infrastructure.Data.PortalDbContext(options.Options);
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
    }
#endif

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
#if POSTGRES_SUITE
        Portal.Infrastructure.Tests.PostgresTestServer.DropDatabaseAsync(_database).GetAwaiter().GetResult();
#endif
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A factory with staff two-factor enforced, as in production.</summary>
public sealed class StrictPortalFactory : PortalFactory
{
    public StrictPortalFactory()
    {
        Settings["Portal:RequireStaffTwoFactor"] = "true";
    }
}

/// <summary>The demo accounts the seeder creates.</summary>
public static class Demo
{
    public const string Admin = "admin@demo.portal";
    public const string Supervisor = "supervisor@demo.portal";
    public const string Registrar = "registrar@demo.portal";
    public const string CityRegistrar = "city.registrar@demo.portal";
    public const string CitySupervisor = "city.supervisor@demo.portal";
    public const string Manager = "manager@demo.portal";
    public const string User = "user@demo.portal";
    public const string Applicant = "applicant@demo.portal";

    /// <summary>A staff member of 浦江县人民政府办公室, an organ (机关).</summary>
    public const string Organ = "organ@demo.portal";
}

/// <summary>Keeps every log line (at any level) in memory.</summary>
public sealed class CapturingLoggerProvider(System.Collections.Concurrent.ConcurrentQueue<string> sink) : Microsoft.Extensions.Logging.ILoggerProvider
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(sink, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> sink, string category) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>Formats every log entry with the app's JSON console formatter into memory, scopes included.</summary>
public sealed class JsonCapturingLoggerProvider(Microsoft.Extensions.Logging.Console.ConsoleFormatter formatter, System.Collections.Concurrent.ConcurrentQueue<string> sink)
    : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(JsonCapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter();
            provider.Formatter.Write(new Microsoft.Extensions.Logging.Abstractions.LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), provider._scopes, writer);
            provider.Sink.Enqueue(writer.ToString());
        }
    }

    private Microsoft.Extensions.Logging.Console.ConsoleFormatter Formatter => formatter;

    private System.Collections.Concurrent.ConcurrentQueue<string> Sink => sink;
}
