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

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
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
            o.AddPolicy(Verify, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.VerifyPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

            // The public register and its listings: a person browsing never reaches this; a scraper from
            // one address cannot crowd out everyone else's searches.
            o.AddPolicy(Public, context => RateLimitPartition.GetFixedWindowLimiter(
                "public:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PublicPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

            // Guessing passwords and codes from one address: a small fixed window per address.
            o.AddPolicy(Auth, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("auth:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AuthPerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("get"));

            // Per API client (the token's client, known once authorization has run), else per address.
            o.AddPolicy(Api, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(OidcServer.ClientClaim)?.Value ?? "ip:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ApiPerFiveMinutes, Window = TimeSpan.FromMinutes(5), QueueLimit = 0 }));
        });
    }
}

/// <summary>
/// Per-account throttle for login, two-factor and reset attempts (the address limit alone lets a
/// botnet try one account from many addresses). Checked in the actions, where the account is known.
/// </summary>
public sealed class AccountThrottle(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = (configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions()).AuthPerAccountPer15Minutes,
            Window = TimeSpan.FromMinutes(15),
            QueueLimit = 0,
        }));

    /// <summary>True when the attempt may go ahead; otherwise how long to wait.</summary>
    public bool TryAcquire(string account, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(account.Trim().ToUpperInvariant());
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(15);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
