using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Certificates;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;

namespace Portal.Web.Commands.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project src/Portal.Web -- bench certificates [--seconds N] [--concurrency N]`:
/// renders and signs certificate pairs and prints median/p99 and PDF sizes, then loads the verify page and
/// /health/live with the same in-process HTTP load loop on the same machine and prints requests per second.
/// Runs on a temporary database; nothing of the real one is touched.
/// </summary>
public static class CertificateBenchmark
{
    /// <summary>Settings for a run on a throw-away database in <paramref name="folder"/>, limits out of the way.</summary>
    public static string[] Arguments(IEnumerable<string> settings, string folder) =>
    [
        .. settings,
        $"--ConnectionStrings:Portal=Data Source={Path.Combine(folder, "bench.db")}",
        "--Demo:Password=benchmark demo password",
        "--RateLimits:VerifyPerMinute=100000000",
        "--RateLimits:PublicPerMinute=100000000",
        "--RateLimits:AuthPerAddressPerMinute=100000000",
        "--RateLimits:AuthPerAccountPer15Minutes=100000000",
        "--urls=http://127.0.0.1:0",
        "--Logging:LogLevel:Default=Warning",
        $"--Email:PickupDirectory={Path.Combine(folder, "mail")}",
        $"--CertificateSigning:KeyDirectory={Path.Combine(folder, "keys")}",
        $"--DocumentSigning:KeyDirectory={Path.Combine(folder, "document-keys")}",
    ];

    public static async Task<int> RunAsync(WebApplication app, int seconds, int concurrency)
    {
        await PortalApp.InitializeDatabaseAsync(app);

        // 1. Rendering: the real content of a demo certificate, rendered repeatedly.
        CertificateContent content;
        string verifyPath;
        Portal.Infrastructure.Instruments.OfficeSigner signer;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var c = await db.Certificates.AsNoTracking().Where(x => x.Status == CertificateStatus.Valid).OrderBy(x => x.Number).FirstAsync();
            var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == c.OfficeId);
            signer = app.Services.GetRequiredService<Portal.Infrastructure.Instruments.DocumentSigners>().For(office.RegionCode, office.NameZh);
            content = new CertificateContent(c.Number, c.Code, c.Printed.Name, c.Printed.SecondName, c.Printed.PurposeAndScope, c.Printed.Domicile,
                c.Printed.LegalRepresentative, "财政补助（全额拨款）", c.Printed.StartupCapital, c.Printed.Sponsor, c.ValidFrom, c.ValidUntil, c.IssuedOn, c.OfficeNameZh, c.QrUrl);
            verifyPath = new Uri(c.QrUrl).PathAndQuery;
        }

        // Warm-up until start-up work has settled (font parsing, the JIT's second tier), as on a server that has been up a while.
        var pair = CertificatePdfRenderer.Render(content, signer);
        for (var i = 0; i < 60; i++)
        {
            pair = CertificatePdfRenderer.Render(content, signer);
        }

        var times = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var sw = Stopwatch.StartNew();
            pair = CertificatePdfRenderer.Render(content, signer);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var signatures = CountSignatures(pair.Original) + CountSignatures(pair.Duplicate);
        Console.WriteLine($"signed certificate pair, rendered and signed (200 runs): median {Percentile(times, 50):0.0} ms, p99 {Percentile(times, 99):0.0} ms (goal: median ≤ 30 ms)");
        Console.WriteLine($"signed PDF sizes: 正本 {pair.Original.Length / 1024.0:0.0} KB, 副本 {pair.Duplicate.Length / 1024.0:0.0} KB (goal: each ≤ 150 KB); signatures in the pair: {signatures}");
        Console.WriteLine($"QR version at error correction M: {CertificatePdfRenderer.QrVersion(content.QrUrl)}");

        // 2. Throughput: the same load loop against both pages.
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        var address = addresses?.Addresses.FirstOrDefault() ?? throw new InvalidOperationException("The server has no address.");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(address) };
        foreach (var path in new[] { "/health/live", verifyPath, "/health/live", verifyPath })
        {
            var (rps, errors) = await LoadAsync(http, path, concurrency, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"{(path.StartsWith("/v/", StringComparison.Ordinal) ? "verify page /v/{token}" : "/health/live"),-24} {rps,8:0} requests/s ({concurrency} concurrent, {seconds} s, {errors} errors)");
        }

        await app.StopAsync();
        return 0;
    }

    private static async Task<(double Rps, int Errors)> LoadAsync(HttpClient http, string path, int concurrency, TimeSpan duration)
    {
        var count = 0;
        var errors = 0;
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (stop.Elapsed < duration)
            {
                using var response = await http.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref count);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        await Task.WhenAll(workers);
        return (count / stop.Elapsed.TotalSeconds, errors);
    }

    /// <summary>Signature dictionaries in a PDF (each carries one /ByteRange).</summary>
    private static int CountSignatures(byte[] pdf)
    {
        var marker = "/ByteRange"u8;
        var count = 0;
        for (var span = pdf.AsSpan(); span.IndexOf(marker) is var i and >= 0; span = span[(i + marker.Length)..])
        {
            count++;
        }

        return count;
    }

    internal static double Percentile(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
}
