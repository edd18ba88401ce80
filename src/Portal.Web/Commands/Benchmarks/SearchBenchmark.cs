using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Search;
using Portal.Infrastructure.Seeding;

namespace Portal.Web.Commands.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project src/Portal.Web -- bench search [--count N] [--rounds N] [--provider PostgreSql]`:
/// loads a synthetic register of N institutions (default 1,000,000) into a temporary database, then times a fixed
/// set of name searches (one, two, three and more characters; common and rare) against a primary-key
/// lookup in the same run, at the search service and through the /register page. Prints p50/p95.
/// </summary>
public static class SearchBenchmark
{
    /// <summary>The fixed queries: two-character ones are what people type most and the hardest for an index.</summary>
    public static readonly string[] Queries =
    [
        "卫生", "小学", "文化", "兽医", "敬老", "园",
        "卫生院", "中心小学", "农业技术推广站", "便民服务中心", "第37中学", "竹仙村", "青梅乡", "桐庐县青梅", "西湖区安宝街道", "义乌市万", "磐安县青",
    ];

    public static async Task<int> RunAsync(WebApplication app, int count, int rounds)
    {
        await PortalApp.InitializeDatabaseAsync(app);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var result = await SyntheticRegister.GenerateAsync(db, count, SyntheticRegister.For(scope.ServiceProvider, line => Console.WriteLine("  … " + line)));
            Console.WriteLine($"synthetic register: {result.Institutions:N0} institutions over {result.Offices} offices loaded in {result.Elapsed.TotalSeconds:0.0} s");
        }

        List<Guid> ids;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var total = await db.Institutions.CountAsync();
            ids = await db.Institutions.AsNoTracking().OrderBy(i => i.Code).Where((i) => i.RegisteredOn.Day == 7).Select(i => i.Id).Take(200).ToListAsync();
            var size = db.Database.IsNpgsql()
                ? $"database {await db.Database.SqlQuery<long>($"SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync() / 1048576.0:0} MB (PostgreSQL)"
                : $"database file {new FileInfo(db.Database.GetDbConnection().DataSource).Length / 1048576.0:0} MB";
            Console.WriteLine($"register size: {total:N0} institutions; {size}");
        }

        // 1. At the service: the SQL a search runs, and a primary-key lookup on the same connection pool.
        var searchTimes = new List<double>();
        var perQuery = new Dictionary<string, List<double>>();
        var keyTimes = new List<double>();
        var firstTimes = new List<double>(); // round 0: each query's first search, before anything is warm or remembered
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var q in Queries)
            {
                using var scope = app.Services.CreateScope();
                var search = scope.ServiceProvider.GetRequiredService<RegisterSearch>();
                var sw = Stopwatch.StartNew();
                var r = await search.SearchNamesAsync(new RegisterQuery(q, Page: 1 + round % 3));
                var ms = sw.Elapsed.TotalMilliseconds;
                if (round > 0)
                {
                    searchTimes.Add(ms);
                    (perQuery.TryGetValue(q, out var list) ? list : perQuery[q] = []).Add(ms);
                }
                else
                {
                    firstTimes.Add(ms);
                    Console.WriteLine($"  {q,-12} {(r.TotalIsLowerBound ? "> " : "")}{r.Total,6:N0} matches in {ms,7:0.00} ms (first search); first: {r.Hits.FirstOrDefault()?.Name}");
                }
            }

            foreach (var id in ids.Skip(round * 10 % ids.Count).Take(14))
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var sw = Stopwatch.StartNew();
                var found = await db.Institutions.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Code, i.Current.Name, i.Status }).SingleAsync();
                if (round > 0)
                {
                    keyTimes.Add(sw.Elapsed.TotalMilliseconds);
                }
            }
        }

        searchTimes.Sort();
        keyTimes.Sort();
        firstTimes.Sort();
        Console.WriteLine($"first search of each query ({firstTimes.Count}):           p50 {CertificateBenchmark.Percentile(firstTimes, 50):0.00} ms, max {firstTimes[^1]:0.00} ms");
        Console.WriteLine($"name search ({Queries.Length} queries × {rounds} rounds, pages 1–3): p50 {CertificateBenchmark.Percentile(searchTimes, 50):0.00} ms, p95 {CertificateBenchmark.Percentile(searchTimes, 95):0.00} ms, max {searchTimes[^1]:0.00} ms");
        Console.WriteLine($"primary-key lookup ({keyTimes.Count} lookups):          p50 {CertificateBenchmark.Percentile(keyTimes, 50):0.00} ms, p95 {CertificateBenchmark.Percentile(keyTimes, 95):0.00} ms");
        foreach (var (q, times) in perQuery)
        {
            times.Sort();
            Console.WriteLine($"  {q,-12} p50 {CertificateBenchmark.Percentile(times, 50),7:0.00} ms  p95 {CertificateBenchmark.Percentile(times, 95),7:0.00} ms");
        }

        // 2. Through HTTP: the whole /register page, rendering included.
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var pageTimes = new List<double>();
        for (var round = 0; round <= Math.Max(1, rounds / 4); round++)
        {
            foreach (var q in Queries)
            {
                var sw = Stopwatch.StartNew();
                using var response = await http.GetAsync("/register?q=" + Uri.EscapeDataString(q));
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                if (round > 0)
                {
                    pageTimes.Add(sw.Elapsed.TotalMilliseconds);
                }
            }
        }

        pageTimes.Sort();
        Console.WriteLine($"/register?q= page ({pageTimes.Count} requests, one at a time): p50 {CertificateBenchmark.Percentile(pageTimes, 50):0.00} ms, p95 {CertificateBenchmark.Percentile(pageTimes, 95):0.00} ms");
        await app.StopAsync();
        return 0;
    }
}
