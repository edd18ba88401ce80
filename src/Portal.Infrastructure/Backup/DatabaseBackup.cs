using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Backup;

public sealed record BackupManifest(DateTime CreatedUtc, string Database, string Sha256, long Bytes, IReadOnlyDictionary<string, long> Rows, string LastMigration, IReadOnlyList<string> KeyFiles);

public sealed record BackupCheck(bool Ok, string Integrity, IReadOnlyList<string> Problems);

/// <summary>
/// Backups of the embedded database: SQLite's online backup API copies a consistent snapshot while the
/// portal keeps serving (in WAL mode readers never block writers). Stored files live in the database, so
/// they come with it; the signing keys in the key directory are copied beside it. Every backup is verified
/// as it is made (integrity check, row counts against the manifest, SHA-256) and again before a restore.
/// </summary>
public static class DatabaseBackup
{
    public const string DatabaseFile = "portal.db";
    public const string ManifestFile = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<(string Folder, BackupManifest Manifest)> CreateAsync(string sourceDatabasePath, string? keyDirectory, string backupsRoot, DateTime nowUtc, CancellationToken ct = default)
    {
        var folder = Path.Combine(backupsRoot, "portal-" + nowUtc.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        for (var n = 2; Directory.Exists(folder); n++)
        {
            folder = Path.Combine(backupsRoot, "portal-" + nowUtc.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + n);
        }

        var partial = folder + ".partial";
        Directory.CreateDirectory(partial);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // it holds private keys and personal data
        }

        var target = Path.Combine(partial, DatabaseFile);
        await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sourceDatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            await using var journal = destination.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE;"; // one self-contained file
            await journal.ExecuteNonQueryAsync(ct);
        }

        var keys = new List<string>();
        if (keyDirectory is not null && Directory.Exists(keyDirectory))
        {
            var keyTarget = Path.Combine(partial, "keys");
            Directory.CreateDirectory(keyTarget);
            foreach (var file in Directory.GetFiles(keyDirectory, "*.pem"))
            {
                File.Copy(file, Path.Combine(keyTarget, Path.GetFileName(file)));
                keys.Add(Path.GetFileName(file));
            }
        }

        var (rows, migration) = await CountAsync(target, ct);
        var manifest = new BackupManifest(nowUtc, DatabaseFile, Sha256(target), new FileInfo(target).Length, rows, migration, keys);
        await File.WriteAllTextAsync(Path.Combine(partial, ManifestFile), JsonSerializer.Serialize(manifest, Json), ct);
        var check = await VerifyAsync(partial, ct);
        if (!check.Ok)
        {
            throw new InvalidOperationException("The new backup failed its own check: " + string.Join("; ", check.Problems));
        }

        Directory.Move(partial, folder); // only a verified backup gets its final name
        return (folder, manifest);
    }

    public static async Task<BackupCheck> VerifyAsync(string folder, CancellationToken ct = default)
    {
        var problems = new List<string>();
        var manifestPath = Path.Combine(folder, ManifestFile);
        var database = Path.Combine(folder, DatabaseFile);
        if (!File.Exists(manifestPath) || !File.Exists(database))
        {
            return new BackupCheck(false, "missing", [$"{ManifestFile} or {DatabaseFile} is missing in {folder}"]);
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct))!;
        if (Sha256(database) != manifest.Sha256)
        {
            problems.Add("SHA-256 of the database differs from the manifest");
        }

        string integrity;
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            integrity = (string)(await command.ExecuteScalarAsync(ct))!;
        }

        if (integrity != "ok")
        {
            problems.Add("integrity_check: " + integrity);
        }

        var (rows, _) = await CountAsync(database, ct);
        foreach (var (table, count) in manifest.Rows)
        {
            if (rows.GetValueOrDefault(table, -1) != count)
            {
                problems.Add($"{table}: {rows.GetValueOrDefault(table, -1)} rows, manifest says {count}");
            }
        }

        foreach (var key in manifest.KeyFiles)
        {
            if (!File.Exists(Path.Combine(folder, "keys", key)))
            {
                problems.Add("key file missing: " + key);
            }
        }

        return new BackupCheck(problems.Count == 0, integrity, problems);
    }

    /// <summary>
    /// Restores a verified backup to <paramref name="targetDatabasePath"/> (the portal must be stopped).
    /// Refuses to overwrite an existing database unless <paramref name="force"/>; keys are restored only where missing.
    /// </summary>
    public static async Task RestoreAsync(string folder, string targetDatabasePath, string? keyDirectory, bool force, CancellationToken ct = default)
    {
        var check = await VerifyAsync(folder, ct);
        if (!check.Ok)
        {
            throw new InvalidOperationException("The backup does not verify: " + string.Join("; ", check.Problems));
        }

        if (File.Exists(targetDatabasePath) && !force)
        {
            throw new InvalidOperationException($"{targetDatabasePath} exists; stop the portal and pass --force to replace it.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(targetDatabasePath))!);
        var temporary = targetDatabasePath + ".restoring";
        File.Copy(Path.Combine(folder, DatabaseFile), temporary, overwrite: true);
        SqliteConnection.ClearAllPools();
        foreach (var sidecar in new[] { "-wal", "-shm" })
        {
            File.Delete(targetDatabasePath + sidecar);
        }

        File.Move(temporary, targetDatabasePath, overwrite: true);
        var keys = Path.Combine(folder, "keys");
        if (keyDirectory is not null && Directory.Exists(keys))
        {
            Directory.CreateDirectory(keyDirectory);
            foreach (var file in Directory.GetFiles(keys))
            {
                var destination = Path.Combine(keyDirectory, Path.GetFileName(file));
                if (!File.Exists(destination))
                {
                    File.Copy(file, destination);
                }
            }
        }
    }

    private static async Task<(Dictionary<string, long> Rows, string LastMigration)> CountAsync(string database, CancellationToken ct)
    {
        var rows = new Dictionary<string, long>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            // Ordinary tables only: FTS shadow tables are rebuilt from them by the triggers' contract.
            list.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%Fts_%' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\";";
            rows[table] = (long)(await count.ExecuteScalarAsync(ct))!;
        }

        var migration = string.Empty;
        if (tables.Contains("__EFMigrationsHistory"))
        {
            await using var last = connection.CreateCommand();
            last.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1;";
            migration = (string?)await last.ExecuteScalarAsync(ct) ?? string.Empty;
        }

        return (rows, migration);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string Describe(BackupManifest m, string folder, TimeSpan elapsed) =>
        $"Backup {folder}: {m.Bytes / 1048576.0:0.0} MB, {m.Rows.Values.Sum():N0} rows in {m.Rows.Count} tables, {m.KeyFiles.Count} key files, migration {m.LastMigration}, verified (integrity ok, row counts, SHA-256 {m.Sha256[..12]}…) in {elapsed.TotalSeconds:0.0} s.";

    public static Stopwatch Timer() => Stopwatch.StartNew();
}
