using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Infrastructure;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Two nodes of one portal counting their rate limits in one Redis.</summary>
public class SharedLimitTests
{
    private static PortalFactory Node(RedisTestServer redis)
    {
        var node = new PortalFactory();
        node.Settings["Redis:Configuration"] = redis.Configuration;
        node.Settings["RateLimits:VerifyPerMinute"] = "3";
        node.Settings["RateLimits:AuthPerAccountPer15Minutes"] = "3";
        return node;
    }

    /// <summary>Windows are whole minutes on the clock, the same on every node: start a count well inside one.</summary>
    private static async Task StartOfAWindowAsync()
    {
        var intoMinute = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 60_000;
        if (intoMinute > 15_000)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(60_000 - intoMinute + 100));
        }
    }

    [RedisFact]
    public async Task TwoNodes_AllowOneClientWhatOneNodeWould_AndWithoutRedisEachStillAnswers()
    {
        using var redis = new RedisTestServer();
        redis.Start();
        using var first = Node(redis);
        using var second = Node(redis);
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        _ = second.Server;

        await StartOfAWindowAsync();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await (i % 2 == 0 ? a : b).GetAsync("/v/nothing");
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retry = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(retry, 1, 60);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);

        // The per-account throttle (login, two-factor, reset) is shared too.
        var throttles = new[] { first, second }.Select(n => n.Services.GetRequiredService<AccountThrottle>()).ToArray();
        var attempts = Enumerable.Range(0, 5).Select(i => throttles[i % 2].TryAcquire("someone@example.org", out _)).ToList();
        Assert.Equal([true, true, true, false, false], attempts);

        using (var ready = await a.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Contains(report.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "redis" && c.GetProperty("status").GetString() == "Healthy");
        }

        // Redis goes away: pages still answer (each node counts alone), and readiness says what is wrong.
        redis.Stop();
        using (var page = await b.GetAsync("/v/nothing"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using (var ready = await a.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Contains(report.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "redis" && c.GetProperty("status").GetString() == "Unhealthy");
        }
    }
}
