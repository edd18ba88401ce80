using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using Portal.Domain.Filings;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>
/// The real app in its own process on the embedded database, killed with SIGKILL in the middle of a
/// burst of writes from several clients, then started again: every write that was answered with
/// success is there, the database is whole, and nothing half-written is visible. Several kill points,
/// each chosen by the number of acknowledged writes (kill right after the k-th success of both clients),
/// never by wall-clock time: on a loaded machine a timed kill could come before the first write.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-crash-" + Guid.NewGuid().ToString("N"));
    private Process? _app;

    public CrashTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task KilledMidBurst_RestartsWithEveryAcknowledgedWrite_AndNothingHalfWritten()
    {
        string? url = await StartAsync();
        Guid setup;
        string reportUrl;
        using (var manager = Client(url))
        using (var applicant = Client(url))
        {
            await manager.LoginOkAsync(Demo.Manager);
            await applicant.LoginOkAsync(Demo.Applicant);
            setup = await applicant.StartAsync(FilingKind.Setup, Portal.Infrastructure.Seeding.DemoDataSeeder.CountyOfficeId);
            reportUrl = (await manager.SubmitAsync("/annual-reports", "/annual-reports/start", new Dictionary<string, string> { ["year"] = (DateTime.UtcNow.AddHours(8).Year - 1).ToString() })).Headers.Location!.OriginalString;
        }

        long acknowledgedReport = 0, acknowledgedFiling = 0;
        foreach (var killAfter in new[] { 2, 7, 20 })
        {
            url ??= await StartAsync();
            using var manager = Client(url);
            using var applicant = Client(url);
            await manager.LoginOkAsync(Demo.Manager);
            await applicant.LoginOkAsync(Demo.Applicant);
            var filingEdit = $"/filings/{setup}/edit";
            var reportToken = Token(await manager.PageAsync(reportUrl));
            var filingToken = Token(await applicant.PageAsync(filingEdit));

            // The burst: both clients write as fast as they can; each answered save is remembered.
            var next = Math.Max(acknowledgedReport, acknowledgedFiling) + 1;
            var ackReport = acknowledgedReport;
            var ackFiling = acknowledgedFiling;
            int roundReport = 0, roundFiling = 0;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Count(ref int counter)
            {
                Interlocked.Increment(ref counter);
                if (Volatile.Read(ref roundReport) >= killAfter && Volatile.Read(ref roundFiling) >= killAfter)
                {
                    reached.TrySetResult();
                }
            }

            using var stop = new CancellationTokenSource();
            var gate = new object();
            async Task BurstAsync(PortalClient client, string action, string token, Func<long, Dictionary<string, string>> fields, Action<long> acknowledged)
            {
                while (!stop.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref next);
                    try
                    {
                        var response = await client.PostAsync(action, fields(n), token);
                        if (response.StatusCode == HttpStatusCode.Redirect)
                        {
                            acknowledged(n);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            }

            var bursts = new[]
            {
                BurstAsync(manager, reportUrl, reportToken, n => new() { ["BusinessActivities"] = $"burst {n}" }, n =>
                {
                    lock (gate) { ackReport = Math.Max(ackReport, n); }
                    Count(ref roundReport);
                }),
                BurstAsync(applicant, filingEdit, filingToken, n => new(FilingDriver.SetupFields($"浦江县崩溃测试中心{n}")), n =>
                {
                    lock (gate) { ackFiling = Math.Max(ackFiling, n); }
                    Count(ref roundFiling);
                }),
            };

            // Kill right after the k-th acknowledged write of both clients, with more writes in flight. The wait is generous
            // (a slow machine only makes it longer); it ends early only if the burst itself stopped.
            await Task.WhenAny(reached.Task, Task.WhenAll(bursts), Task.Delay(TimeSpan.FromMinutes(5)));
            Assert.True(reached.Task.IsCompleted, $"the bursts did not reach {killAfter} acknowledged writes each ({roundReport} report, {roundFiling} filing)");
            _app!.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
            await _app.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(bursts);
            acknowledgedReport = ackReport;
            acknowledgedFiling = ackFiling;

            // Restart on the same files, then look at what survived.
            url = await StartAsync();
            await using var db = new SqliteConnection($"Data Source={Path.Combine(_folder, "portal.db")};Mode=ReadOnly;Pooling=False");
            await db.OpenAsync();
            Assert.Equal("ok", await ScalarAsync(db, "PRAGMA integrity_check;"));
            Assert.Equal(string.Empty, await ScalarAsync(db, "SELECT group_concat(\"table\") FROM pragma_foreign_key_check;") ?? string.Empty);
            var reportId = reportUrl.Split('/')[2].ToUpperInvariant();
            var storedReport = long.Parse(((string)(await ScalarAsync(db, $"SELECT BusinessActivities FROM AnnualReports WHERE Id = '{reportId}';"))!).Replace("burst ", string.Empty));
            var storedFiling = long.Parse(((string)(await ScalarAsync(db, $"SELECT ProposedName FROM Filings WHERE Id = '{setup.ToString().ToUpperInvariant()}';"))!).Replace("浦江县崩溃测试中心", string.Empty));
            Assert.True(storedReport >= acknowledgedReport, $"report: {storedReport} stored, {acknowledgedReport} was acknowledged");
            Assert.True(storedFiling >= acknowledgedFiling, $"filing: {storedFiling} stored, {acknowledgedFiling} was acknowledged");

            // Nothing half-written: every filing has its events, the audit chain and the feed have no holes.
            Assert.Equal(0L, await ScalarAsync(db, "SELECT count(*) FROM Filings f WHERE NOT EXISTS (SELECT 1 FROM FilingEvents e WHERE e.FilingId = f.Id);"));
            Assert.Equal(await ScalarAsync(db, "SELECT count(*) FROM AuditEntries;"), await ScalarAsync(db, "SELECT coalesce(max(Sequence), 0) FROM AuditEntries;"));
            Assert.Equal(await ScalarAsync(db, "SELECT count(*) FROM FeedEvents;"), await ScalarAsync(db, "SELECT coalesce(max(Sequence), 0) FROM FeedEvents;"));
            using var check = Client(url);
            Assert.Equal(HttpStatusCode.OK, (await check.GetAsync("/register?q=" + Uri.EscapeDataString("图书馆"))).StatusCode);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    private static string Token(AngleSharp.Html.Dom.IHtmlDocument page) => ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;

    private static PortalClient Client(string url) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) });

    private async Task<string> StartAsync()
    {
        var root = new Portal.Infrastructure.RepositoryPaths(AppContext.BaseDirectory).Root;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(root, "src", "Portal.Web", "bin", configuration, "net10.0", "Portal.Web.dll");
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src", "Portal.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            dll, "--urls", url, $"--ConnectionStrings:Portal=Data Source={Path.Combine(_folder, "portal.db")}", $"--Demo:Password={PortalFactory.DemoPassword}",
            $"--CertificateSigning:KeyDirectory={Path.Combine(_folder, "keys")}", $"--DocumentSigning:KeyDirectory={Path.Combine(_folder, "document-keys")}", $"--Email:PickupDirectory={Path.Combine(_folder, "mail")}",
            "--Portal:RequireStaffTwoFactor=false", "--Jobs:RunInBackground=false", "--RateLimits:AuthPerAddressPerMinute=100000",
            "--RateLimits:AuthPerAccountPer15Minutes=100000", "--Logging:LogLevel:Default=Warning", "--environment=Development",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, _) => { };
        _app.ErrorDataReceived += (_, _) => { };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(url + "/health/ready")).IsSuccessStatusCode)
                {
                    return url;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.False(_app.HasExited, "the portal exited during start-up");
            await Task.Delay(250);
        }

        throw new TimeoutException("The portal did not become ready in 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
