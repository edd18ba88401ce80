using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Progress;

public sealed record ProgressViewModel(string? Number, bool Asked, ProgressAnswer? Answer);

/// <summary>进度查询: the public progress lookup. Rate-limited per address; every answer takes the same minimum time.</summary>
[Route("progress")]
[AllowAnonymous]
public class ProgressController(LookUpProgress lookUp) : Controller
{
    /// <summary>
    /// Every POST answers no sooner than this, found or not, so the time taken tells nothing about which part of a pair
    /// was wrong (an unknown number answers after one query, a known one after several).
    /// </summary>
    public static readonly TimeSpan MinimumAnswerTime = TimeSpan.FromMilliseconds(400);

    [HttpGet("")]
    public IActionResult Index() => View(new ProgressViewModel(null, false, null));

    [HttpPost("")]
    [EnableRateLimiting(RateLimits.Progress)]
    public async Task<IActionResult> Index(string? number, string? key, [FromServices] ProgressNumberThrottle perNumber, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        if (!string.IsNullOrWhiteSpace(number) && !perNumber.TryAcquire(number, out var retryAfter))
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var answer = await lookUp.HandleAsync(number, key, ct);
        // Wall-clock time on purpose (not the injected legal clock): this is about what an observer can measure.
        // Timers fire on whole milliseconds and may come back a fraction early, so wait until the stopwatch agrees.
        TimeSpan remaining;
        while ((remaining = MinimumAnswerTime - Stopwatch.GetElapsedTime(started)) > TimeSpan.Zero)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds) + 1), ct);
        }

        // The key is never echoed back: the page shows the number only.
        return View(new ProgressViewModel(number?.Trim(), true, answer));
    }
}
