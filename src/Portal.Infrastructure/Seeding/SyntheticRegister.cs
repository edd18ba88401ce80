using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
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
/// rendered: every one points to a single placeholder PDF saying so. SQLite (SyntheticRegister.Sqlite.cs)
/// and PostgreSQL (SyntheticRegister.PostgreSql.cs).
/// </summary>
/// <remarks>
/// Speed: units are planned and their tokens signed on every core while the previous batch is written;
/// the rows go in (prepared statements on SQLite, COPY on PostgreSQL) in one transaction with the secondary
/// indexes and search triggers set aside, and the indexes are built at the end. A crash anywhere rolls the
/// whole load back.
/// </remarks>
public static partial class SyntheticRegister
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
        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql())
        {
            throw new InvalidOperationException("The synthetic register is written straight into the embedded (SQLite) database or PostgreSQL.");
        }

        var stopwatch = Stopwatch.StartNew();
        var offices = await OfficesAsync(db, ct);
        var funding = await db.FundingSources.AsNoTracking().OrderBy(f => f.SortOrder).Select(f => f.Code).ToListAsync(ct);
        var existing = await db.Institutions.CountAsync(ct);
        var pdf = await PlaceholderPdfAsync(db, ct);
        var serials = await db.Counters.AsNoTracking().Where(c => c.Key.StartsWith("certificate:")).ToDictionaryAsync(c => c.Key, c => c.Value, ct);
        var lastFeed = await db.Counters.AsNoTracking().Where(c => c.Key == PortalDbContext.FeedCounterKey).Select(c => (long?)c.Value).SingleOrDefaultAsync(ct) ?? 0;
        var nowText = SyntheticWriter.Time(DateTime.UtcNow);
        var load = new Load(count, options, stopwatch, lastFeed, serials, Batches);
        var certificates = db.Database.IsSqlite()
            ? await LoadSqliteAsync(db.Database.GetConnectionString()!, load, ct)
            : await LoadPostgreSqlAsync(db.Database.GetConnectionString()!, load, ct);
        return new Result(count, offices.Count, certificates, stopwatch.Elapsed);

        // Planned and signed on every core while the previous batch is written.
        async IAsyncEnumerable<(SyntheticUnit[] Units, List<(SyntheticWriter.Table, object?[])>[] Rows)> Batches()
        {
            Task<(SyntheticUnit[], List<(SyntheticWriter.Table, object?[])>[])>? next = null;
            var waitedTotal = TimeSpan.Zero;
            for (var start = 0; start < count; start += Batch)
            {
                var waited = Stopwatch.StartNew();
                var batch = await (next ?? PrepareAsync(start, Math.Min(Batch, count - start)));
                waitedTotal += waited.Elapsed;
                var following = start + Batch;
                next = following < count ? PrepareAsync(following, Math.Min(Batch, count - following)) : null;
                yield return batch;
                options.Progress?.Invoke($"{start + batch.Item1.Length:N0} of {count:N0} institutions written ({stopwatch.Elapsed.TotalSeconds:0} s, {waitedTotal.TotalSeconds:0.0} s waiting for signatures)");
            }
        }

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

    /// <summary>What an engine's loader needs: the batches to write, the feed's last number, the certificate counters to store.</summary>
    private sealed record Load(int Count, Options Options, Stopwatch Stopwatch, long LastFeed, Dictionary<string, long> Serials,
        Func<IAsyncEnumerable<(SyntheticUnit[] Units, List<(SyntheticWriter.Table, object?[])>[] Rows)>> Batches)
    {
        public void Progress(string step) => Options.Progress?.Invoke($"{step} ({Stopwatch.Elapsed.TotalSeconds:0} s)");
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
