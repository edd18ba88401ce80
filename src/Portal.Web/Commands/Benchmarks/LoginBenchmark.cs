using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Commands.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project src/Portal.Web -- bench login [--tries N]`: times a failed login on
/// every path an attacker can tell apart (unknown address, wrong password, locked, disabled, invited with
/// no password yet) over HTTP on loopback, with the production password hasher, and prints the median of
/// each and the ratio of the slowest to the fastest (goal: at most 1.5×). Also times "forgot password"
/// for a known and an unknown address. Runs on a temporary database.
/// </summary>
public static partial class LoginBenchmark
{
    public static async Task<int> RunAsync(WebApplication app, int tries)
    {
        await PortalApp.InitializeDatabaseAsync(app);
        var paths = new Dictionary<string, (string Email, string Password)>();
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            async Task<string> Make(string email, bool password, DateTimeOffset? lockedUntil)
            {
                var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "bench", CreatedUtc = DateTime.UtcNow };
                var created = password ? await users.CreateAsync(user, "a benchmark passphrase 2026") : await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException(string.Join(", ", created.Errors.Select(e => e.Code)));
                }

                if (lockedUntil is { } until)
                {
                    await users.SetLockoutEndDateAsync(user, until);
                }

                return email;
            }

            paths["unknown address"] = ("nobody@bench.portal", "a guessed password");
            paths["wrong password"] = (await Make("wrong@bench.portal", true, null), "a guessed password");
            paths["locked out"] = (await Make("locked@bench.portal", true, DateTimeOffset.UtcNow.AddDays(1)), "a guessed password");
            paths["disabled"] = (await Make("disabled@bench.portal", true, DateTimeOffset.MaxValue), "a guessed password");
            paths["invited, no password"] = (await Make("invited@bench.portal", false, null), "a guessed password");
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address.");
        var medians = new Dictionary<string, double>();
        Console.WriteLine($"Failed logins over HTTP, {tries} tries per path (interleaved, after 5 warm-up rounds), production password hasher:");
        var times = paths.Keys.ToDictionary(p => p, _ => new List<double>());
        for (var round = 0; round < tries + 5; round++)
        {
            // Round-robin over the paths, so drift on the machine (JIT tiers, GC, other load) falls on all alike.
            foreach (var (path, (email, password)) in paths)
            {
                using var http = Client(address);
                var token = await TokenAsync(http, "/account/login");
                var watch = Stopwatch.StartNew();
                using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__RequestVerificationToken", token)]));
                watch.Stop();
                if (round >= 5)
                {
                    times[path].Add(watch.Elapsed.TotalMilliseconds);
                }

                if (path == "wrong password")
                {
                    // Keep it a wrong-password path: five failures would lock the account and change the path.
                    using var scope = app.Services.CreateScope();
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
                    await users.ResetAccessFailedCountAsync((await users.FindByEmailAsync(email))!);
                }
            }
        }

        foreach (var (path, list) in times)
        {
            list.Sort();
            medians[path] = CertificateBenchmark.Percentile(list, 50);
            Console.WriteLine($"  {path,-24} median {medians[path],7:0.0} ms   p90 {CertificateBenchmark.Percentile(list, 90),7:0.0} ms");
        }

        var ratio = medians.Values.Max() / medians.Values.Min();
        Console.WriteLine($"  slowest / fastest median: {ratio:0.00}× (goal ≤ 1.50×) {(ratio <= 1.5 ? "met" : "NOT MET")}");

        Console.WriteLine($"Forgot password, {tries} tries per address (interleaved):");
        var forgot = new Dictionary<string, List<double>> { ["known address"] = [], ["unknown address"] = [] };
        for (var round = 0; round < tries + 5; round++)
        {
            foreach (var (label, email) in new[] { ("known address", "wrong@bench.portal"), ("unknown address", "nobody@bench.portal") })
            {
                using var http = Client(address);
                var token = await TokenAsync(http, "/account/forgot-password");
                var watch = Stopwatch.StartNew();
                using var response = await http.PostAsync("/account/forgot-password", new FormUrlEncodedContent([new("Email", email), new("__RequestVerificationToken", token)]));
                watch.Stop();
                if (round >= 5)
                {
                    forgot[label].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        foreach (var (label, list) in forgot)
        {
            list.Sort();
            Console.WriteLine($"  {label,-24} median {CertificateBenchmark.Percentile(list, 50),7:0.0} ms");
        }

        Console.WriteLine($"  known / unknown median: {CertificateBenchmark.Percentile(forgot["known address"], 50) / CertificateBenchmark.Percentile(forgot["unknown address"], 50):0.00}×");
        await app.StopAsync();
        return ratio <= 1.5 ? 0 : 1;
    }

    private static HttpClient Client(string address) =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

    private static async Task<string> TokenAsync(HttpClient http, string page) =>
        TokenField().Match(await http.GetStringAsync(page)).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
