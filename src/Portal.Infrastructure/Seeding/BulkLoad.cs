using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Seeding;

/// <summary>
/// Loading millions of rows into tables that already have their indexes and triggers: the secondary
/// indexes and the search triggers are set aside (their exact SQL read back from the schema, so nothing
/// drifts from the migrations), the rows go in, and the indexes are built once, sorted, at the end — far
/// faster than keeping random-keyed B-trees (codes, token hashes) in order row by row. The caller holds
/// one transaction around all of it, so a crash leaves the database as it was before.
/// </summary>
public sealed class BulkLoad(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<(string Type, string Name, string Sql)> setAside)
{
    public static async Task<BulkLoad> BeginAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<string> tables, CancellationToken ct)
    {
        var list = new List<(string, string, string)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = $"SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ({string.Join(',', tables.Select(t => "'" + t + "'"))})";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        foreach (var (type, name, _) in list)
        {
            await ExecuteAsync(connection, transaction, $"DROP {type.ToUpperInvariant()} \"{name}\"", ct);
        }

        return new BulkLoad(connection, transaction, list);
    }

    /// <summary>Builds the indexes and puts the triggers back.</summary>
    public async Task FinishAsync(Action<string>? progress, CancellationToken ct)
    {
        foreach (var (type, name, sql) in setAside.OrderBy(s => s.Type == "trigger" ? 1 : 0))
        {
            progress?.Invoke($"building {type} {name}");
            await ExecuteAsync(connection, transaction, sql, ct);
        }
    }

    public static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
