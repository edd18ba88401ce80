using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Web.Infrastructure;

/// <summary>Section "RateLimits".</summary>
public sealed class RateLimitOptions
{
    /// <summary>Verify-page requests per client address per minute.</summary>
    public int VerifyPerMinute { get; set; } = 120;

    /// <summary>API requests per client per five minutes.</summary>
    public int ApiPerFiveMinutes { get; set; } = 600;
}

public static class RateLimits
{
    public const string Verify = "verify";
    public const string Api = "api";

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

            // Per API client (the token's client, known once authorization has run), else per address.
            o.AddPolicy(Api, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(OidcServer.ClientClaim)?.Value ?? "ip:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ApiPerFiveMinutes, Window = TimeSpan.FromMinutes(5), QueueLimit = 0 }));
        });
    }
}
