using Microsoft.AspNetCore.Identity;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Seeding;

/// <summary>
/// Runs once at start: checks the database is reachable, applies migrations when configured (never
/// EnsureCreated), adds missing roles and reference data, and seeds the demo on an empty embedded database.
/// </summary>
public sealed class DatabaseInitializer(
    PortalDbContext db,
    IOptions<DatabaseOptions> options,
    IConfiguration configuration,
    RoleManager<PortalRole> roles,
    ReferenceDataSeeder reference,
    DemoDataSeeder demo)
{
    /// <summary>Start-up gives up on an unreachable server after this long (the requirement is 30 s; leave headroom).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    public async Task<IReadOnlyList<DemoAccount>> InitializeAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        await EnsureReachableAsync(o, ct);
        if (o.ShouldMigrate)
        {
            await db.Database.MigrateAsync(ct);
        }

        await Search.SearchBackfill.RunAsync(db, ct);

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new PortalRole(role));
            }
        }

        await reference.SeedAsync(ct);

        var fixedPassword = configuration["Demo:Password"];
        fixedPassword = string.IsNullOrWhiteSpace(fixedPassword) ? null : fixedPassword;
        if (!o.ShouldSeedDemo)
        {
            return [];
        }

        var created = await demo.SeedIfEmptyAsync(fixedPassword, ct);
        if (created.Count == 0 && fixedPassword is not null)
        {
            // Automation asked for known passwords: apply them to the existing demo accounts too.
            await demo.ResetPasswordsAsync(fixedPassword, ct);
        }

        return created;
    }

    private async Task EnsureReachableAsync(DatabaseOptions o, CancellationToken ct)
    {
        if (o.ParsedProvider == DatabaseProvider.Sqlite)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ConnectTimeout);
        bool reachable;
        try
        {
            reachable = await db.Database.CanConnectAsync(timeout.Token)
                // A PostgreSQL server without the database yet: migrating creates it.
                || (o.ShouldMigrate && o.ParsedProvider == DatabaseProvider.PostgreSql
                    && !await db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>().ExistsAsync(timeout.Token));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SqlException or Npgsql.NpgsqlException or InvalidOperationException or ArgumentException)
        {
            reachable = false;
        }

        if (!reachable)
        {
            var engine = o.ParsedProvider == DatabaseProvider.SqlServer ? "SQL Server" : "PostgreSQL";
            throw new StartupConfigurationException(
                $"Cannot reach the {engine} database: check ConnectionStrings:Portal (or set Database:Provider to Sqlite for the embedded database).");
        }
    }
}
