using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;

namespace Portal.Web.Infrastructure;

/// <summary>The database answers.</summary>
public sealed class DatabaseReadyCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Database unreachable");
}

/// <summary>A certificate can be signed: a private signing key is loaded and signs (and verifies) a probe.</summary>
public sealed class SigningKeysReadyCheck(SigningKeyStore keys) : IHealthCheck
{
    private static readonly byte[] Probe = "portal readiness probe"u8.ToArray();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var active = keys.All.Where(k => k.CanSign).OrderByDescending(k => k.CreatedUtc).FirstOrDefault();
            if (active is null)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("No private signing key: certificates cannot be issued"));
            }

            lock (active)
            {
                var signature = active.Key.SignData(Probe, HashAlgorithmName.SHA256);
                return Task.FromResult(active.Key.VerifyData(Probe, signature, HashAlgorithmName.SHA256)
                    ? HealthCheckResult.Healthy($"{keys.All.Count} key(s); signing with {active.KeyId}")
                    : HealthCheckResult.Unhealthy("The signing key does not verify its own signature"));
            }
        }
        catch (Exception e) when (e is CryptographicException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Signing keys cannot be loaded"));
        }
    }
}

/// <summary>/health/ready's answer: the overall status and each check's, as JSON (no exception text).</summary>
public static class ReadyResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description, ms = Math.Round(e.Value.Duration.TotalMilliseconds, 1) }),
        }, cancellationToken: context.RequestAborted);
    }
}
