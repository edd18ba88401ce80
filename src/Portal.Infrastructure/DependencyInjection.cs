using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Codes;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Seeding;

namespace Portal.Infrastructure;

public static class DependencyInjection
{
    public const string SqliteMigrationsAssembly = "Portal.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "Portal.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "Portal.Migrations.PostgreSql";
    public const string DefaultSqliteConnection = "Data Source=db/portal.db";

    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services, IConfiguration configuration, RepositoryPaths paths)
    {
        services.AddSingleton(paths);
        services.TryAddTimeProvider();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => Enum.TryParse<DatabaseProvider>(o.Provider, true, out var p) && Enum.IsDefined(p), "Database:Provider must be Sqlite, PostgreSql or SqlServer.")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = database.ParsedProvider; // throws a StartupConfigurationException naming the setting
        var connection = configuration.GetConnectionString("Portal");
        // The options are built once (a singleton), not for every context: building them per request
        // resolved paths and touched the file system on every page.
        services.AddDbContext<PortalDbContext>(options => Configure(options, provider, connection, paths), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddSingleton(new PreparedReads(provider == DatabaseProvider.Sqlite ? SqliteConnectionString(connection, paths) : null));

        // Keys in the shared database (every node, every restart), encrypted at rest with a certificate.
        services.AddDataProtection().SetApplicationName("Portal").PersistKeysToDbContext<PortalDbContext>()
            .ProtectKeysWithCertificate(Identity.KeyProtection.Certificate(configuration, paths));

        services.AddOptions<CertificateSigningOptions>().BindConfiguration(CertificateSigningOptions.Section);
        services.AddOptions<PublicUrlOptions>().BindConfiguration("Portal");
        services.AddSingleton<SigningKeyStore>();
        services.AddOptions<Instruments.DocumentSigningOptions>().BindConfiguration(Instruments.DocumentSigningOptions.Section)
            .Validate(o => o.Offices.All(e => !string.IsNullOrWhiteSpace(e.RegionCode)), "DocumentSigning:Offices entries need a RegionCode.")
            .Validate(o => o.Offices.All(e => e.PfxPath is null || e.CertificatePem is null), "DocumentSigning:Offices entries take a PfxPath or a CertificatePem, not both.")
            .ValidateOnStart();
        services.AddSingleton<Instruments.DocumentSigners>();
        services.AddScoped<Instruments.InstrumentIssuer>();
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<AgencyCertificateIssuer>();
        services.AddScoped<ICertificateIssuance>(sp => sp.GetRequiredService<CertificateIssuer>());
        services.AddScoped<CodeRegistry>();
        services.AddScoped<Search.RegisterSearch>();
        services.AddSingleton<Search.DenseTerms>();
        services.AddScoped<Statistics.OfficeStatistics>();
        services.AddScoped<Import.RegisterImport>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DatabaseInitializer>();

        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (string.IsNullOrWhiteSpace(email.SmtpHost))
        {
            services.AddSingleton<IEmailTransport, PickupDirectoryTransport>();
        }
        else
        {
            services.AddSingleton<IEmailTransport, SmtpTransport>();
        }

        services.AddSingleton(_ => new Observability.PortalMetrics(Observability.PortalMetrics.NameFrom(configuration)));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connection, RepositoryPaths paths)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(SqliteConnectionString(connection, paths), o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(new SqlitePragmaInterceptor());
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new StartupConfigurationException("ConnectionStrings:Portal is empty: set it to the SQL Server connection string.");
                }

                var builder = new SqlConnectionStringBuilder(connection);
                if (builder.ConnectTimeout > (int)DatabaseInitializer.ConnectTimeout.TotalSeconds)
                {
                    builder.ConnectTimeout = (int)DatabaseInitializer.ConnectTimeout.TotalSeconds;
                }

                options.UseSqlServer(builder.ConnectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(PostgreSqlConnectionString(connection), o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
        }

        options.UseOpenIddict();
    }

    /// <summary>The PostgreSQL connection string, with a connect timeout no longer than start-up waits.</summary>
    public static string PostgreSqlConnectionString(string? connection)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new StartupConfigurationException("ConnectionStrings:Portal is empty: set it to the PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…).");
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (builder.Timeout > (int)DatabaseInitializer.ConnectTimeout.TotalSeconds)
        {
            builder.Timeout = (int)DatabaseInitializer.ConnectTimeout.TotalSeconds;
        }

        return builder.ConnectionString;
    }

    /// <summary>Resolves a relative Data Source against the repository root so `dotnet run` works from any folder.</summary>
    public static string SqliteConnectionString(string? connection, RepositoryPaths paths)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connection) ? DefaultSqliteConnection : connection);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = paths.Resolve(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ConnectionString;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton<TimeProvider>(MicrosecondClock.Instance);
        }
    }
}
