using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Web.Infrastructure;

/// <summary>Section "RateLimits".</summary>
public sealed class RateLimitOptions
{
    /// <summary>Verify-page requests per client address per minute.</summary>
    public int VerifyPerMinute { get; set; } = 120;

    /// <summary>Register searches and other public listings per client address per minute.</summary>
    public int PublicPerMinute { get; set; } = 300;

    /// <summary>Progress lookups (POST /progress) per client address per minute: a guess at a mobile's last four digits is slow.</summary>
    public int ProgressPerAddressPerMinute { get; set; } = 10;

    /// <summary>Progress lookups of one filing number per hour, from all addresses together.</summary>
    public int ProgressPerNumberPerHour { get; set; } = 20;

    /// <summary>API requests per client per five minutes.</summary>
    public int ApiPerFiveMinutes { get; set; } = 600;

    /// <summary>Login, two-factor, recovery and password-reset posts per client address per minute.</summary>
    public int AuthPerAddressPerMinute { get; set; } = 20;

    /// <summary>The same, per account (e-mail address or pending two-factor user) per 15 minutes.</summary>
    public int AuthPerAccountPer15Minutes { get; set; } = 10;
}

public static class RateLimits
{
    public const string Verify = "verify";
    public const string Api = "api";
    public const string Auth = "auth";
    public const string Public = "public";
    public const string Progress = "progress";

    /// <summary>Set to a StackExchange.Redis configuration string (e.g. "127.0.0.1:6379") to count limits across nodes.</summary>
    public const string RedisSetting = "Redis:Configuration";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (configuration[RedisSetting] is { Length: > 0 } redis)
        {
            var redisOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis);
            redisOptions.AbortOnConnectFail = false; // start without Redis; count per node until it answers
            services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(redisOptions));
            services.AddSingleton<SharedCounters>();
            services.AddHealthChecks().AddCheck<RedisReadyCheck>("redis", tags: ["ready"]);
        }

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };

            // Per client address: one scanner cannot starve the others; behind a proxy, configure forwarded headers.
            o.AddPolicy(Verify, context => Window(context, "verify:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.VerifyPerMinute, TimeSpan.FromMinutes(1)));

            // The public register and its listings: a person browsing never reaches this; a scraper from
            // one address cannot crowd out everyone else's searches.
            o.AddPolicy(Public, context => Window(context, "public:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.PublicPerMinute, TimeSpan.FromMinutes(1)));

            // Guessing passwords and codes from one address: a small fixed window per address.
            o.AddPolicy(Auth, context => HttpMethods.IsPost(context.Request.Method)
                ? Window(context, "auth:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.AuthPerAddressPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter("get"));

            o.AddPolicy(Progress, context => Window(context, "progress:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.ProgressPerAddressPerMinute, TimeSpan.FromMinutes(1)));

            // Per API client (the token's client, known once authorization has run), else per address.
            o.AddPolicy(Api, context => Window(context, "api:" + (context.User.FindFirst(OidcServer.ClientClaim)?.Value ?? "ip:" + context.Connection.RemoteIpAddress),
                options.ApiPerFiveMinutes, TimeSpan.FromMinutes(5)));
        });
    }

    /// <summary>A fixed window per key: in Redis when configured (every node counts together), else on this node.</summary>
    private static RateLimitPartition<string> Window(HttpContext context, string key, int limit, TimeSpan window) =>
        context.RequestServices.GetService<SharedCounters>() is { } shared
            ? RateLimitPartition.Get(key, k => new SharedWindowLimiter(shared, k, limit, window))
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 });
}

/// <summary>
/// A throttle per key that only an action knows (an account, a filing number): a fixed window, counted in
/// Redis when configured so that every node counts together.
/// </summary>
public abstract class KeyedThrottle(string prefix, int limit, TimeSpan period, SharedCounters? shared) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key => shared is null
        ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = period, QueueLimit = 0 })
        : RateLimitPartition.Get(key, k => new SharedWindowLimiter(shared, prefix + k, limit, period)));

    /// <summary>True when the attempt may go ahead; otherwise how long to wait.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        var normalized = key.Trim().ToUpperInvariant();
        using var lease = _limiter.AttemptAcquire(normalized.Length > 64 ? normalized[..64] : normalized);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : period;
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _limiter.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// Per-account throttle for login, two-factor and reset attempts (the address limit alone lets a
/// botnet try one account from many addresses). Checked in the actions, where the account is known.
/// </summary>
public sealed class AccountThrottle(IConfiguration configuration, SharedCounters? shared = null)
    : KeyedThrottle("account:", (configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions()).AuthPerAccountPer15Minutes, TimeSpan.FromMinutes(15), shared);

/// <summary>
/// Progress lookups per filing number: the address limit alone lets many addresses share out the 10,000
/// guesses at a mobile's last four digits for one number. Every attempt on the number counts, right or wrong,
/// so the limit itself says nothing about whether a key was right.
/// </summary>
public sealed class ProgressNumberThrottle(IConfiguration configuration, SharedCounters? shared = null)
    : KeyedThrottle("progress-number:", (configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions()).ProgressPerNumberPerHour, TimeSpan.FromHours(1), shared);
