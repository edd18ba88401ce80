using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Certificates;
using Portal.Web.Features.Register;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>A second app instance over the same database (two nodes of one portal).</summary>
public sealed class SecondHost : PortalFactory
{
    public SecondHost(PortalFactory first)
    {
        foreach (var (key, value) in first.DatabaseSettings)
        {
            Settings[key] = value;
        }

        Settings["CertificateSigning:KeyDirectory"] = Path.Combine(first.Folder, "keys");
        Settings["DocumentSigning:KeyDirectory"] = Path.Combine(first.Folder, "document-keys");
    }
}

public class TwoHostTests
{
    [Fact]
    public async Task TwoInstancesOnOneDatabase_NeverRunTheSameJobTwice()
    {
        using var first = new PortalFactory();
        _ = first.Server; // migrated and seeded
        using var second = new SecondHost(first);
        _ = second.Server;

        for (var round = 0; round < 3; round++)
        {
            // Both nodes wake at the same moment.
            var exports = await Task.WhenAll(
                first.Services.GetRequiredService<OpenDataExportJob>().RunOnceAsync(CancellationToken.None),
                second.Services.GetRequiredService<OpenDataExportJob>().RunOnceAsync(CancellationToken.None));
            var expiry = await Task.WhenAll(
                first.Services.GetRequiredService<CertificateExpiryJob>().RunOnceAsync(CancellationToken.None),
                second.Services.GetRequiredService<CertificateExpiryJob>().RunOnceAsync(CancellationToken.None));
            if (round == 0)
            {
                Assert.Single(exports, n => n > 0);     // one node made today's export, the other stood back
                Assert.Single(exports, n => n == 0);
            }
            else
            {
                Assert.All(exports, n => Assert.Equal(0, n));
            }
        }

        using var scope = first.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(2, await db.OpenDataFiles.CountAsync()); // one CSV and one JSON, not two of each
        var reminders = await db.OutboxMessages.Where(m => m.Kind.StartsWith("certificate")).GroupBy(m => new { m.To, m.Subject }).Select(g => g.Count()).ToListAsync();
        Assert.All(reminders, n => Assert.Equal(1, n)); // no reminder sent twice
        var leases = await db.JobLeases.Select(l => l.Name).ToListAsync();
        Assert.Contains(OpenDataExportJob.LeaseName, leases);
    }
}
