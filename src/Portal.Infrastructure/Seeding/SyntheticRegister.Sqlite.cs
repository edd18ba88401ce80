using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Seeding;

/// <summary>The synthetic register into the embedded database: prepared statements in one transaction.</summary>
public static partial class SyntheticRegister
{
    private static async Task<int> LoadSqliteAsync(string connectionString, Load load, CancellationToken ct)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);

        // A rollback journal for the load: new pages are not journalled, so one big transaction costs little,
        // and a crash restores the database as it was. (If another connection keeps WAL in force, WAL it is.)
        try
        {
            await BulkLoad.ExecuteAsync(connection, null, "PRAGMA journal_mode=DELETE;", ct);
        }
        catch (SqliteException)
        {
        }

        await BulkLoad.ExecuteAsync(connection, null, "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY; PRAGMA threads=" + Environment.ProcessorCount + ";", ct);
        var certificates = 0;
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            var bulk = await BulkLoad.BeginAsync(connection, tx, Tables, ct);
            var maxSearchKey = await ScalarAsync(connection, tx, "SELECT coalesce(max(Key), 0) FROM InstitutionSearchKeys", ct);
            await using (var writer = new SyntheticWriter(connection, tx, load.LastFeed))
            {
                await foreach (var (units, rows) in load.Batches().WithCancellation(ct))
                {
                    for (var i = 0; i < units.Length; i++)
                    {
                        writer.Write(rows[i]);
                        certificates += units[i].Certificates.Count;
                    }
                }

                await SetCounterAsync(connection, tx, Data.PortalDbContext.FeedCounterKey, writer.LastFeedSequence, ct);
            }

            foreach (var (key, value) in load.Serials)
            {
                await SetCounterAsync(connection, tx, key, value, ct);
            }

            load.Progress("filling the name index");
            await BulkLoad.ExecuteAsync(connection, tx, "INSERT INTO InstitutionSearchKeys (InstitutionId) SELECT i.Id FROM Institutions i WHERE i.SearchNames IS NOT NULL AND NOT EXISTS (SELECT 1 FROM InstitutionSearchKeys k WHERE k.InstitutionId = i.Id)", ct);
            await BulkLoad.ExecuteAsync(connection, tx, $"INSERT INTO InstitutionNamesFts (rowid, names) SELECT k.Key, i.SearchNames FROM InstitutionSearchKeys k JOIN Institutions i ON i.Id = k.InstitutionId WHERE k.Key > {maxSearchKey}", ct);
            await BulkLoad.ExecuteAsync(connection, tx, $"INSERT INTO InstitutionGramsFts (rowid, grams) SELECT k.Key, i.SearchGrams FROM InstitutionSearchKeys k JOIN Institutions i ON i.Id = k.InstitutionId WHERE k.Key > {maxSearchKey}", ct);
            await bulk.FinishAsync(load.Progress, ct);
            load.Progress("committing");
            await tx.CommitAsync(ct);
        }

        // Back to WAL, as the app runs it (retried: another connection may be reading for a moment), and
        // statistics for the query planner, sampled so that this takes seconds, not minutes.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await BulkLoad.ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", ct);
                break;
            }
            catch (SqliteException) when (attempt < 50)
            {
                await Task.Delay(100, ct);
            }
        }

        load.Progress("analysing");
        await BulkLoad.ExecuteAsync(connection, null, "PRAGMA analysis_limit=2000; ANALYZE;", ct);
        return certificates;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task SetCounterAsync(SqliteConnection connection, SqliteTransaction tx, string key, long value, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT INTO Counters (\"Key\", \"Value\") VALUES ($k, $v) ON CONFLICT(\"Key\") DO UPDATE SET \"Value\" = max(\"Value\", excluded.\"Value\")";
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
