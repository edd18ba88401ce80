using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure.Seeding;

namespace Portal.Web.Tests.Support;

/// <summary>
/// The real app over a fresh SQLite file, migrated and seeded with the demo data, with known demo
/// passwords. Each factory is its own database, so test classes never see each other's writes.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "demo password for tests 2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-web-" + Guid.NewGuid().ToString("N"));

    public PortalFactory()
    {
        Directory.CreateDirectory(_folder);
    }

    public string Folder => _folder;

    /// <summary>Every log line the app wrote (message and exception), for tests that check what never gets logged.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>When set, the app's clock (and so "today") is this fake one.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; init; }

    /// <summary>Settings on top of the test defaults, e.g. turning staff two-factor on.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Portal:RequireStaffTwoFactor"] = "false",
        ["RateLimits:AuthPerAddressPerMinute"] = "100000", // tests log in hundreds of times from one address
        ["RateLimits:AuthPerAccountPer15Minutes"] = "100000",
        ["RateLimits:PublicPerMinute"] = "1000000", // the hostile-input sweeps search thousands of times
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(_folder, "portal.db")}");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
        builder.UseSetting("Email:PollSeconds", "3600");
        builder.UseSetting("Jobs:RunInBackground", "false");
        builder.UseSetting("Portal:SessionRevalidationSeconds", "0");
        builder.UseSetting("CertificateSigning:KeyDirectory", Path.Combine(_folder, "keys"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));

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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
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
    public const string Manager = "manager@demo.portal";
    public const string User = "user@demo.portal";
    public const string Applicant = "applicant@demo.portal";
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
