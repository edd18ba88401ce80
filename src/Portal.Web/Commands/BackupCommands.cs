using System.CommandLine;
using Portal.Infrastructure.Backup;

namespace Portal.Web.Commands;

/// <summary>
/// <c>backup [--to folder]</c> · <c>verify-backup folder</c> · <c>restore folder [--force]</c>: the embedded
/// database (with its stored files) and the key directory. Server databases: see README, Backups.
/// </summary>
public static class BackupCommands
{
    public static Command Backup()
    {
        var to = new Option<string?>("--to") { Description = "Folder to write the backup into (default db/backups)" };
        var command = PortalCommands.Open("backup", "Back up the embedded database and keys (online; verified before it is named)");
        command.Options.Add(to);
        command.SetAction((result, _) => WithDatabaseAsync(result, async (database, keys, paths) =>
        {
            var timer = DatabaseBackup.Timer();
            var folder = result.GetValue(to) is { } given ? Path.GetFullPath(given) : paths.Resolve("db/backups");
            var (made, manifest) = await DatabaseBackup.CreateAsync(database, keys, folder, DateTime.UtcNow);
            Console.WriteLine(DatabaseBackup.Describe(manifest, made, timer.Elapsed));
            return 0;
        }));
        return command;
    }

    public static Command VerifyBackup()
    {
        var folder = new Argument<string>("folder") { Description = "The backup folder" };
        var command = PortalCommands.Open("verify-backup", "Check a backup: integrity, row counts and SHA-256 against its manifest");
        command.Arguments.Add(folder);
        command.SetAction(async (result, _) =>
        {
            var path = result.GetValue(folder)!;
            var check = await DatabaseBackup.VerifyAsync(Path.GetFullPath(path));
            Console.WriteLine(check.Ok ? $"{path}: verified (integrity ok, row counts and SHA-256 match the manifest)." : $"{path}: NOT valid — {string.Join("; ", check.Problems)}");
            return check.Ok ? 0 : 1;
        });
        return command;
    }

    public static Command Restore()
    {
        var folder = new Argument<string>("folder") { Description = "The backup folder" };
        var force = new Option<bool>("--force") { Description = "Replace an existing database" };
        var command = PortalCommands.Open("restore", "Restore a verified backup over the configured database");
        command.Arguments.Add(folder);
        command.Options.Add(force);
        command.SetAction((result, _) => WithDatabaseAsync(result, async (database, keys, _) =>
        {
            var timer = DatabaseBackup.Timer();
            await DatabaseBackup.RestoreAsync(Path.GetFullPath(result.GetValue(folder)!), database, keys, result.GetValue(force));
            Console.WriteLine($"Restored {result.GetValue(folder)} to {database} in {timer.Elapsed.TotalSeconds:0.0} s. Start the portal as usual.");
            return 0;
        }));
        return command;
    }

    private static async Task<int> WithDatabaseAsync(ParseResult result, Func<string, string, Portal.Infrastructure.RepositoryPaths, Task<int>> run)
    {
        var app = PortalApp.Build(PortalCommands.Settings(result));
        var configuration = app.Configuration;
        var paths = app.Services.GetRequiredService<Portal.Infrastructure.RepositoryPaths>();
        if (!string.Equals(configuration["Database:Provider"] ?? "Sqlite", "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine(string.Equals(configuration["Database:Provider"], "PostgreSql", StringComparison.OrdinalIgnoreCase)
                ? "These commands back up the embedded database. For PostgreSQL run: pg_dump --format=custom --file=portal.dump <database>; check it with pg_restore --list portal.dump; restore with pg_restore --clean --if-exists --dbname=<database> portal.dump (README, Backups). Keys come from configuration there."
                : "These commands back up the embedded database. For SQL Server use BACKUP DATABASE … WITH CHECKSUM and RESTORE VERIFYONLY (README, Backups).");
            return 2;
        }

        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            Portal.Infrastructure.DependencyInjection.SqliteConnectionString(configuration.GetConnectionString("Portal"), paths)).DataSource;
        var keys = paths.Resolve(configuration["CertificateSigning:KeyDirectory"] ?? "db/keys");
        try
        {
            return await run(database, keys, paths);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
