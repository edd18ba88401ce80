using System.Threading.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Rate-limit counters every node shares, in Redis (<c>Redis:Configuration</c>): fixed windows counted with
/// INCR and EXPIRE in one MULTI/EXEC (no scripts), keyed by the window's number, so three nodes behind a
/// proxy allow a client what one node would. If Redis cannot be reached, each node counts alone for that
/// moment (logged) rather than refusing everyone.
/// </summary>
public sealed partial class SharedCounters(IConnectionMultiplexer redis, ILogger<SharedCounters> logger)
{
    private long _lastWarning;

    /// <summary>Counts one hit on <paramref name="key"/>; null when Redis did not answer.</summary>
    public (bool Allowed, TimeSpan RetryAfter)? Hit(string key, int limit, TimeSpan window)
    {
        var (redisKey, retryAfter) = Window(key, window);
        try
        {
            var tx = redis.GetDatabase().CreateTransaction();
            var count = tx.StringIncrementAsync(redisKey);
            _ = tx.KeyExpireAsync(redisKey, window + TimeSpan.FromSeconds(10));
            tx.Execute();
            return (count.Result <= limit, retryAfter);
        }
        catch (Exception e) when (e is RedisException or AggregateException or TimeoutException)
        {
            Unavailable(e);
            return null;
        }
    }

    public async ValueTask<(bool Allowed, TimeSpan RetryAfter)?> HitAsync(string key, int limit, TimeSpan window)
    {
        var (redisKey, retryAfter) = Window(key, window);
        try
        {
            var tx = redis.GetDatabase().CreateTransaction();
            var count = tx.StringIncrementAsync(redisKey);
            _ = tx.KeyExpireAsync(redisKey, window + TimeSpan.FromSeconds(10));
            await tx.ExecuteAsync();
            return (await count <= limit, retryAfter);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Unavailable(e);
            return null;
        }
    }

    /// <summary>The key of the current window (numbered from the Unix epoch, the same on every node) and the time left in it.</summary>
    private static (RedisKey Key, TimeSpan Left) Window(string key, TimeSpan window)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var length = (long)window.TotalMilliseconds;
        var index = now / length;
        return ($"portal:rl:{key}:{index}", TimeSpan.FromMilliseconds((index + 1) * length - now));
    }

    private void Unavailable(Exception e)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if (now - last > 60_000 && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
        {
            LogUnavailable(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer ({Error}): rate limits are counted on this node alone until it does")]
    private static partial void LogUnavailable(ILogger logger, string error);
}

/// <summary>A fixed-window limiter over <see cref="SharedCounters"/>, with a node-local one for when Redis is away.</summary>
public sealed class SharedWindowLimiter(SharedCounters counters, string key, int limit, TimeSpan window) : RateLimiter
{
    private readonly FixedWindowRateLimiter _local = new(new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 });
    private long _lastUsed = Environment.TickCount64;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (permitCount == 0)
        {
            return WindowLease.Allowed;
        }

        Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
        return counters.Hit(key, limit, window) is { } hit ? WindowLease.From(hit) : _local.AttemptAcquire(permitCount);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0)
        {
            return WindowLease.Allowed;
        }

        Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
        return await counters.HitAsync(key, limit, window) is { } hit ? WindowLease.From(hit) : await _local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        _local.Dispose();
        base.Dispose(disposing);
    }

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Allowed = new(true, null);

        public static WindowLease From((bool Allowed, TimeSpan RetryAfter) hit) => hit.Allowed ? Allowed : new WindowLease(false, hit.RetryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}

/// <summary>Redis answers a PING (only registered when Redis is configured).</summary>
public sealed class RedisReadyCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"{latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis unreachable: rate limits are counted per node");
        }
    }
}
