using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Codes;
using Portal.Domain.Offices;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;

namespace Portal.Infrastructure.Seeding;

/// <summary>
/// A synthetic register for performance work: N institutions with realistic Chinese names and valid,
/// distinct unified social credit codes over ten county offices, each with its first version, its
/// certificate history (certificates signed with the portal's real key, so their QR tokens verify),
/// announcements, feed events and last year's published annual report. Synthetic certificates are not
/// rendered: every one points to a single placeholder PDF saying so. Embedded (SQLite) database only.
/// </summary>
/// <remarks>
/// Speed: units are planned and their tokens signed on every core while the previous batch is written;
/// the rows go in through prepared statements in one transaction with the secondary indexes and search
/// triggers set aside (<see cref="BulkLoad"/>), the search index is filled in one statement, and the
/// indexes are built at the end. A crash anywhere rolls the whole load back.
/// </remarks>
public static class SyntheticRegister
{
    public sealed record Options(SigningKey Key, string PublicBaseUrl, DateOnly Today, int Seed = 20261126, Action<string>? Progress = null);

    public sealed record Result(int Institutions, int Offices, int Certificates, TimeSpan Elapsed);

    /// <summary>The app's active signing key, public address and clock.</summary>
    public static Options For(IServiceProvider services, Action<string>? progress = null) => new(
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SigningKeyStore>(services).Active,
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublicUrlOptions>>(services).Value.PublicBaseUrl,
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TimeProvider>(services).TodayInChina(),
        Progress: progress);

    private static readonly string[] Tables = ["Institutions", "InstitutionVersions", "Certificates", "Announcements", "FeedEvents", "AnnualReports"];

    private const int Batch = 20_000;

    public static async Task<Result> GenerateAsync(PortalDbContext db, int count, Options options, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("The synthetic register is written straight into the embedded (SQLite) database.");
        }

        var stopwatch = Stopwatch.StartNew();
        var offices = await OfficesAsync(db, ct);
        var funding = await db.FundingSources.AsNoTracking().OrderBy(f => f.SortOrder).Select(f => f.Code).ToListAsync(ct);
        var existing = await db.Institutions.CountAsync(ct);
        var pdf = await PlaceholderPdfAsync(db, ct);
        var serials = await db.Counters.AsNoTracking().Where(c => c.Key.StartsWith("certificate:")).ToDictionaryAsync(c => c.Key, c => c.Value, ct);
        var lastFeed = await db.Counters.AsNoTracking().Where(c => c.Key == PortalDbContext.FeedCounterKey).Select(c => (long?)c.Value).SingleOrDefaultAsync(ct) ?? 0;

        var nowText = SyntheticWriter.Time(DateTime.UtcNow);
        var connectionString = db.Database.GetConnectionString()!;
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
            var load = await BulkLoad.BeginAsync(connection, tx, Tables, ct);
            var maxSearchKey = await ScalarAsync(connection, tx, "SELECT coalesce(max(Key), 0) FROM InstitutionSearchKeys", ct);
            await using (var writer = new SyntheticWriter(connection, tx, lastFeed))
            {
                Task<(SyntheticUnit[] Units, List<(SyntheticWriter.Table, object?[])>[] Rows)>? next = null;
                var waitedTotal = TimeSpan.Zero;
                for (var start = 0; start < count; start += Batch)
                {
                    var waited = Stopwatch.StartNew();
                    var (units, rows) = await (next ?? PrepareAsync(start, Math.Min(Batch, count - start)));
                    waitedTotal += waited.Elapsed;
                    var following = start + Batch;
                    next = following < count ? PrepareAsync(following, Math.Min(Batch, count - following)) : null;
                    for (var i = 0; i < units.Length; i++)
                    {
                        writer.Write(rows[i]);
                        certificates += units[i].Certificates.Count;
                    }

                    options.Progress?.Invoke($"{start + units.Length:N0} of {count:N0} institutions written ({stopwatch.Elapsed.TotalSeconds:0} s, {waitedTotal.TotalSeconds:0.0} s waiting for signatures)");
                }

                await SetCounterAsync(connection, tx, PortalDbContext.FeedCounterKey, writer.LastFeedSequence, ct);
            }

            foreach (var (key, value) in serials)
            {
                await SetCounterAsync(connection, tx, key, value, ct);
            }

            options.Progress?.Invoke($"filling the name index ({stopwatch.Elapsed.TotalSeconds:0} s)");
            await BulkLoad.ExecuteAsync(connection, tx, "INSERT INTO InstitutionSearchKeys (InstitutionId) SELECT i.Id FROM Institutions i WHERE i.SearchNames IS NOT NULL AND NOT EXISTS (SELECT 1 FROM InstitutionSearchKeys k WHERE k.InstitutionId = i.Id)", ct);
            await BulkLoad.ExecuteAsync(connection, tx, $"INSERT INTO InstitutionNamesFts (rowid, names) SELECT k.Key, i.SearchNames FROM InstitutionSearchKeys k JOIN Institutions i ON i.Id = k.InstitutionId WHERE k.Key > {maxSearchKey}", ct);
            await BulkLoad.ExecuteAsync(connection, tx, $"INSERT INTO InstitutionGramsFts (rowid, grams) SELECT k.Key, i.SearchGrams FROM InstitutionSearchKeys k JOIN Institutions i ON i.Id = k.InstitutionId WHERE k.Key > {maxSearchKey}", ct);
            await load.FinishAsync(s => options.Progress?.Invoke($"{s} ({stopwatch.Elapsed.TotalSeconds:0} s)"), ct);
            options.Progress?.Invoke($"committing ({stopwatch.Elapsed.TotalSeconds:0} s)");
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

        options.Progress?.Invoke($"analysing ({stopwatch.Elapsed.TotalSeconds:0} s)");
        await BulkLoad.ExecuteAsync(connection, null, "PRAGMA analysis_limit=2000; ANALYZE;", ct);
        return new Result(count, offices.Count, certificates, stopwatch.Elapsed);

        Task<(SyntheticUnit[], List<(SyntheticWriter.Table, object?[])>[])> PrepareAsync(int from, int n) => Task.Run(() =>
        {
            var units = new SyntheticUnit[n];
            Parallel.For(0, n, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) }, i =>
            {
                var serial = existing + from + i;
                var officeIndex = (from + i) % offices.Count;
                var (region, county, _) = SyntheticNames.Counties[officeIndex];
                units[i] = SyntheticUnit.Plan(options.Seed, serial, officeIndex, county, region, funding, options.Today);
            });

            // Numbers in order (one counter per office and year, as the portal issues them), then sign in parallel.
            foreach (var u in units)
            {
                foreach (var c in u.Certificates)
                {
                    var key = $"certificate:{offices[u.OfficeIndex].RegionCode}:{c.IssuedOn.Year}";
                    var serial = serials[key] = serials.GetValueOrDefault(key) + 1;
                    c.Number = $"{offices[u.OfficeIndex].RegionCode}{c.IssuedOn.Year}{serial:D6}";
                }
            }

            using var signers = new ThreadLocal<SigningKey>(() => Copy(options.Key), trackAllValues: true);
            var rows = new List<(SyntheticWriter.Table, object?[])>[n];
            Parallel.For(0, n, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) }, i =>
            {
                var u = units[i];
                foreach (var c in u.Certificates)
                {
                    var claims = new CertificateClaims(c.Number, u.Code, u.Name, CertificateClaims.Day(c.IssuedOn), CertificateClaims.Day(c.ValidUntil), CertificateClaims.Day(c.IssuedOn));
                    c.Token = CertificateTokens.Sign(claims, signers.Value!, options.PublicBaseUrl);
                }

                var office = offices[u.OfficeIndex];
                rows[i] = SyntheticWriter.Rows(u, office.Id, office.NameZh, pdf, options.Today.Year - 1, nowText);
            });
            foreach (var signer in signers.Values)
            {
                signer.Key.Dispose();
            }

            return (units, rows);
        }, ct);
    }

    /// <summary>ECDsa instances are not safe to share between threads: each signing thread gets its own copy of the key.</summary>
    private static SigningKey Copy(SigningKey key) => new(key.KeyId, ECDsa.Create(key.Key.ExportParameters(true)), true, key.CreatedUtc);

    private static async Task<List<RegistrationOffice>> OfficesAsync(PortalDbContext db, CancellationToken ct)
    {
        var offices = new List<RegistrationOffice>();
        foreach (var (region, name, en) in SyntheticNames.Counties)
        {
            var office = await db.Offices.SingleOrDefaultAsync(o => o.RegionCode == region, ct);
            if (office is null)
            {
                office = new RegistrationOffice(Guid.CreateVersion7(), name + "事业单位登记管理局", en + " Public Institution Registration Office", region, null);
                db.Offices.Add(office);
            }

            offices.Add(office);
        }

        await db.SaveChangesAsync(ct);
        return offices;
    }

    private static async Task<SyntheticPdf> PlaceholderPdfAsync(PortalDbContext db, CancellationToken ct)
    {
        var bytes = "%PDF-1.4\n% Synthetic certificate for performance testing: not rendered.\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var existing = await db.StoredFiles.AsNoTracking().Where(f => f.Sha256 == sha).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return new SyntheticPdf(id, sha);
        }

        var file = StoredFile.Create(bytes, DateTime.UtcNow);
        db.StoredFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return new SyntheticPdf(file.Id, file.Sha256);
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

    /// <summary>A distinct body per serial number (a bijection onto the 31⁶ bodies after "MB"), so codes never collide.</summary>
    public static string Code(string region, int serial)
    {
        var alphabet = UnifiedSocialCreditCode.Alphabet;
        Span<char> body = stackalloc char[8];
        body[0] = 'M';
        body[1] = 'B';
        var v = (long)serial * 7_368_787L % 887_503_681L; // 31^6; the multiplier is coprime with 31
        for (var i = 7; i >= 2; i--)
        {
            body[i] = alphabet[(int)(v % alphabet.Length)];
            v /= alphabet.Length;
        }

        return UnifiedSocialCreditCode.TryCreate(region, new string(body), out var code) ? code.Value : throw new InvalidOperationException("Bad synthetic code.");
    }
}
