using Npgsql;

namespace Portal.Infrastructure.Tests;

public enum Engine
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The engine this build of the suite runs on: SQLite in the test projects, PostgreSQL in their
/// <c>*.PostgreSql</c> twins, which compile the same files with POSTGRES_SUITE.
/// </summary>
public static class TestSuite
{
#if POSTGRES_SUITE
    public const Engine Engine = Portal.Infrastructure.Tests.Engine.PostgreSql;
#else
    public const Engine Engine = Portal.Infrastructure.Tests.Engine.Sqlite;
#endif
}

/// <summary>
/// The PostgreSQL server the tests may use: <c>PORTAL_TEST_POSTGRES</c> (a connection string without a
/// database; <c>scripts/postgres-cluster.sh</c> starts a private one, as .ci/run does). Each test database
/// is cloned from a template migrated once per test run, so a fresh database costs one CREATE DATABASE.
/// </summary>
public static class PostgresTestServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    public static string? Server => Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");

    public static bool Available => !string.IsNullOrWhiteSpace(Server);

    /// <summary>Set by .ci/run: without a server the PostgreSQL tests then fail instead of being skipped.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("PORTAL_REQUIRE_POSTGRES") == "1";

    public static string SkipReason => "PORTAL_TEST_POSTGRES is not set (scripts/postgres-cluster.sh starts a private server; PORTAL_REQUIRE_POSTGRES=1 fails instead of skipping)";

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server ?? throw new InvalidOperationException(SkipReason)) { Database = database }.ConnectionString;

    /// <summary>A new, migrated database; <paramref name="migrate"/> migrates the template the first time.</summary>
    public static async Task<string> CreateDatabaseAsync(Func<string, Task> migrate)
    {
        await Gate.WaitAsync();
        try
        {
            if (_template is null)
            {
                var template = "portal_template_" + Guid.NewGuid().ToString("N")[..12];
                await migrate(ConnectionString(template));
                NpgsqlConnection.ClearAllPools(); // CREATE DATABASE … TEMPLATE needs the template without connections
                _template = template;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAtExit(template); // a server that outlives the run keeps no templates
            }

            var name = "portal_test_" + Guid.NewGuid().ToString("N")[..16];
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"");
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A new, empty database (the portal migrates it at start).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = "portal_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    private static void DropAtExit(string name)
    {
        try
        {
            DropDatabaseAsync(name).Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // best effort: the server may already be gone
        }
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
