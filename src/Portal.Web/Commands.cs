using Portal.Infrastructure.Certificates;

namespace Portal.Web;

/// <summary>The portal's command-line tools: `dotnet run --project src/Portal.Web -- <command>`.</summary>
public static class Commands
{
    /// <summary>verify-token &lt;url-or-token&gt; --keys &lt;file-or-url&gt;: offline verification with the JWKS alone.</summary>
    public static async Task<int> VerifyTokenAsync(string[] args)
    {
        var input = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var keysAt = Array.IndexOf(args, "--keys");
        if (input is null || keysAt < 0 || keysAt + 1 >= args.Length)
        {
            Console.Error.WriteLine("usage: verify-token <url-or-token> --keys <jwks-file-or-url>");
            return 2;
        }

        var source = args[keysAt + 1];
        string jwks;
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            jwks = await http.GetStringAsync(uri);
        }
        else
        {
            jwks = await File.ReadAllTextAsync(source);
        }

        var keys = CertificateTokens.KeysFromJwks(jwks);
        var token = CertificateTokens.Extract(input);
        var verdict = token is null
            ? new TokenVerdict(TokenCheck.Malformed, null, null)
            : CertificateTokens.Verify(token, kid => keys.GetValueOrDefault(kid));
        Console.WriteLine($"signature: {verdict.Check}{(verdict.KeyId is null ? string.Empty : $" (key {verdict.KeyId})")}");
        if (verdict.Claims is { } c)
        {
            Console.WriteLine($"certificate: {c.Number}");
            Console.WriteLine($"code:        {c.Code}");
            Console.WriteLine($"name:        {c.Name}");
            Console.WriteLine($"valid:       {c.ValidFrom} – {c.ValidUntil} (issued {c.IssuedOn})");
        }

        Console.WriteLine(verdict.Check == TokenCheck.Valid
            ? "The token was signed by the portal. Its current status (superseded, voided, expired) is on the verify page."
            : "NOT issued by this portal's keys.");
        return verdict.Check == TokenCheck.Valid ? 0 : 1;
    }

    /// <summary>
    /// backup [--to &lt;folder&gt;] · verify-backup &lt;folder&gt; · restore &lt;folder&gt; [--force]: the embedded
    /// database (with its stored files) and the key directory. SQL Server: see README, Backups.
    /// </summary>
    public static async Task<int> BackupAsync(string[] args)
    {
        // Only --Key=Value settings reach the configuration: a folder path like /srv/backups/x would
        // otherwise be read as a "/key value" switch and swallow the next argument.
        var app = PortalApp.Build(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray());
        var configuration = app.Configuration;
        var paths = app.Services.GetRequiredService<Portal.Infrastructure.RepositoryPaths>();
        if (!string.Equals(configuration["Database:Provider"] ?? "Sqlite", "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine("Backups here are of the embedded database; for SQL Server use BACKUP DATABASE (README, Backups).");
            return 2;
        }

        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            Portal.Infrastructure.DependencyInjection.SqliteConnectionString(configuration.GetConnectionString("Portal"), paths)).DataSource;
        var keys = paths.Resolve(configuration["CertificateSigning:KeyDirectory"] ?? "db/keys");
        var folder = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var timer = Portal.Infrastructure.Backup.DatabaseBackup.Timer();
        try
        {
            switch (args[0])
            {
                case "backup":
                {
                    var to = Array.IndexOf(args, "--to") is var at and >= 0 && at + 1 < args.Length ? Path.GetFullPath(args[at + 1]) : paths.Resolve("db/backups");
                    var (made, manifest) = await Portal.Infrastructure.Backup.DatabaseBackup.CreateAsync(database, keys, to, DateTime.UtcNow);
                    Console.WriteLine(Portal.Infrastructure.Backup.DatabaseBackup.Describe(manifest, made, timer.Elapsed));
                    return 0;
                }

                case "verify-backup" when folder is not null:
                {
                    var check = await Portal.Infrastructure.Backup.DatabaseBackup.VerifyAsync(Path.GetFullPath(folder));
                    Console.WriteLine(check.Ok ? $"{folder}: verified (integrity ok, row counts and SHA-256 match the manifest)." : $"{folder}: NOT valid — {string.Join("; ", check.Problems)}");
                    return check.Ok ? 0 : 1;
                }

                case "restore" when folder is not null:
                    await Portal.Infrastructure.Backup.DatabaseBackup.RestoreAsync(Path.GetFullPath(folder), database, keys, args.Contains("--force"));
                    Console.WriteLine($"Restored {folder} to {database} in {timer.Elapsed.TotalSeconds:0.0} s. Start the portal as usual.");
                    return 0;

                default:
                    Console.Error.WriteLine("usage: backup [--to <folder>] | verify-backup <folder> | restore <folder> [--force]");
                    return 2;
            }
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
