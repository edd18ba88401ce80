using Npgsql;

namespace Portal.Web.Commands.Benchmarks;

/// <summary>
/// A throw-away PostgreSQL database for a benchmark, on the server named by <c>PORTAL_BENCH_POSTGRES</c> (or
/// <c>PORTAL_TEST_POSTGRES</c>, which scripts/postgres-cluster.sh prints): a connection string without a
/// database. Migrated and seeded by the app as usual; dropped afterwards.
/// </summary>
public sealed class BenchDatabase(string server, string name)
{
    public string[] Arguments =>
    [
        "--Database:Provider=PostgreSql",
        $"--ConnectionStrings:Portal={new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString}",
        "--Database:MigrateOnStartup=true",
        "--Database:SeedDemoData=true",
    ];

    public static async Task<BenchDatabase> CreatePostgreSqlAsync()
    {
        var server = Environment.GetEnvironmentVariable("PORTAL_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new Portal.Infrastructure.Data.StartupConfigurationException(
                "Set PORTAL_BENCH_POSTGRES to a PostgreSQL connection string without a database (Host=…;Port=…;Username=…;Password=…); scripts/postgres-cluster.sh start prints one.");
        }

        var database = new BenchDatabase(server, "portal_bench_" + Guid.NewGuid().ToString("N")[..12]);
        await database.ExecuteAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public string Name => name;

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
