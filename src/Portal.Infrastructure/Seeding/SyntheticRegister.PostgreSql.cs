using System.Globalization;
using System.Text;
using Npgsql;

namespace Portal.Infrastructure.Seeding;

/// <summary>
/// The synthetic register into PostgreSQL: one transaction; the loaded tables' secondary indexes (the
/// trigram and full-text ones among them) set aside, read back from pg_indexes so nothing drifts from the
/// migrations; each batch's rows streamed in with COPY, a table at a time; the indexes built at the end.
/// </summary>
public static partial class SyntheticRegister
{
    private static async Task<int> LoadPostgreSqlAsync(string connectionString, Load load, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '512MB'; SET LOCAL synchronous_commit = off;", ct);

        // Secondary indexes only: those behind a constraint (primary keys) stay.
        var setAside = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables) " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)", connection))
        {
            read.Parameters.AddWithValue("tables", Tables);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                setAside.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in setAside)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", ct);
        }

        var certificates = 0;
        var sequence = load.LastFeed;
        var line = new StringBuilder();
        await foreach (var (units, rows) in load.Batches().WithCancellation(ct))
        {
            foreach (var unit in units)
            {
                certificates += unit.Certificates.Count;
            }

            for (var t = 0; t < SyntheticWriter.Layout.Length; t++)
            {
                var (table, columns) = SyntheticWriter.Layout[t];
                await using var copy = await connection.BeginTextImportAsync(
                    $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) FROM STDIN", ct);
                foreach (var unitRows in rows)
                {
                    foreach (var (kind, values) in unitRows)
                    {
                        if ((int)kind != t)
                        {
                            continue;
                        }

                        SyntheticWriter.Number(kind, values, ref sequence);
                        line.Clear();
                        for (var i = 0; i < values.Length; i++)
                        {
                            if (i > 0)
                            {
                                line.Append('\t');
                            }

                            AppendCopyText(line, values[i]);
                        }

                        line.Append('\n');
                        await copy.WriteAsync(line.ToString());
                    }
                }
            }
        }

        await SetCounterAsync(connection, Data.PortalDbContext.FeedCounterKey, sequence, ct);
        foreach (var (key, value) in load.Serials)
        {
            await SetCounterAsync(connection, key, value, ct);
        }

        foreach (var (name, definition) in setAside)
        {
            load.Progress($"building index {name}");
            await ExecuteAsync(connection, definition, ct);
        }

        load.Progress("committing");
        await tx.CommitAsync(ct);
        // As after any bulk load: VACUUM sets the visibility map and hint bits (else the first readers of every
        // page pay for it, and autovacuum soon rewrites it all), ANALYZE gives the planner its statistics.
        load.Progress("vacuuming and analysing");
        await ExecuteAsync(connection, "VACUUM (ANALYZE) " + string.Join(", ", Tables.Select(t => "\"" + t + "\"")), ct);
        return certificates;
    }

    /// <summary>A value in COPY's text format: \N for null; backslash, tab and line breaks escaped.</summary>
    private static void AppendCopyText(StringBuilder line, object? value)
    {
        switch (value)
        {
            case null:
                line.Append("\\N");
                break;
            case long number:
                line.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                foreach (var c in Convert.ToString(value, CultureInfo.InvariantCulture)!)
                {
                    _ = c switch
                    {
                        '\\' => line.Append("\\\\"),
                        '\t' => line.Append("\\t"),
                        '\n' => line.Append("\\n"),
                        '\r' => line.Append("\\r"),
                        _ => line.Append(c),
                    };
                }

                break;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task SetCounterAsync(NpgsqlConnection connection, string key, long value, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO \"Counters\" (\"Key\", \"Value\") VALUES (@k, @v) ON CONFLICT (\"Key\") DO UPDATE SET \"Value\" = GREATEST(\"Counters\".\"Value\", excluded.\"Value\")", connection);
        command.Parameters.AddWithValue("k", key);
        command.Parameters.AddWithValue("v", value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
