using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Certificates;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Features.Verify;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public sealed class SyntheticRegisterFactory : PortalFactory
{
    public SyntheticRegister.Result? Written { get; private set; }

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        Written = SyntheticRegister.GenerateAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), 3_000, SyntheticRegister.For(scope.ServiceProvider)).GetAwaiter().GetResult();
        return host;
    }
}

/// <summary>Issue 13: the generated register is realistic enough to measure against, and the portal keeps working on it.</summary>
public class SyntheticRegisterTests(SyntheticRegisterFactory factory) : IClassFixture<SyntheticRegisterFactory>
{
    [Fact]
    public async Task EveryInstitution_HasACertificateHistory_WithTokensThePortalSigned_AndCountersPastEveryNumber()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var regions = SyntheticNames.Counties.Select(c => c.Region).ToList();
        var offices = await db.Offices.Where(o => regions.Contains(o.RegionCode)).Select(o => o.Id).ToListAsync();
        var synthetic = await db.Institutions.Where(i => offices.Contains(i.OfficeId)).Select(i => new { i.Id, i.Status, i.CertificateNumber }).ToListAsync();
        Assert.Equal(3_000, synthetic.Count);
        var certificates = await db.Certificates.Where(c => synthetic.Select(s => s.Id).Contains(c.InstitutionId)).ToListAsync();
        Assert.Equal(factory.Written!.Certificates, certificates.Count);
        Assert.InRange(certificates.Count, 3_000 * 1.15, 3_000 * 1.45); // about 1.3 a unit, as at a million
        Assert.Contains(certificates, c => c.Status == CertificateStatus.Superseded);
        Assert.Contains(certificates, c => c.Status == CertificateStatus.Voided && c.VoidReason == VoidReason.Loss);
        Assert.Contains(certificates, c => c.Status == CertificateStatus.Expired);

        // Each registered unit has exactly one current (valid or lapsed) certificate, and the register points to it.
        foreach (var unit in synthetic.Where(s => s.Status == InstitutionStatus.Registered))
        {
            var current = Assert.Single(certificates, c => c.InstitutionId == unit.Id && c.Status is CertificateStatus.Valid or CertificateStatus.Expired);
            Assert.Equal(current.Number, unit.CertificateNumber);
        }

        var keys = CertificateTokens.KeysFromJwks(System.Text.Json.JsonSerializer.Serialize(scope.ServiceProvider.GetRequiredService<SigningKeyStore>().Jwks()));
        Assert.All(certificates.Take(300), c => Assert.Equal(TokenCheck.Valid, CertificateTokens.Verify(c.Token, k => keys.GetValueOrDefault(k)).Check));
        Assert.Equal(certificates.Count, certificates.Select(c => c.Number).Distinct().Count());

        // A certificate issued now continues each office's sequence instead of colliding with a synthetic one.
        var counters = await db.Counters.Where(c => c.Key.StartsWith("certificate:")).ToDictionaryAsync(c => c.Key, c => c.Value);
        foreach (var byKey in certificates.GroupBy(c => $"certificate:{c.Number[..6]}:{c.Number[6..10]}"))
        {
            Assert.True(counters[byKey.Key] >= byKey.Max(c => long.Parse(c.Number[10..])), byKey.Key);
        }

        var feedCounter = await db.Counters.Where(c => c.Key == PortalDbContext.FeedCounterKey).Select(c => c.Value).SingleAsync();
        Assert.Equal(await db.FeedEvents.MaxAsync(e => e.Sequence), feedCounter);
    }

    [Fact]
    public async Task TheVerifyPage_ReadsTheSameRowPreparedAsThroughEfCore_ForEveryStatus()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var verification = scope.ServiceProvider.GetRequiredService<CertificateVerification>();
        var hashes = await db.Certificates.GroupBy(c => c.Status).Select(g => g.Max(c => c.TokenSha256)).ToListAsync();
        Assert.Equal(4, hashes.Count);
        foreach (var hash in hashes.Append(new string('0', 64)))
        {
            Assert.Equal(await verification.RowViaEfAsync(hash!, CancellationToken.None), await verification.RowAsync(hash!, CancellationToken.None));
        }

        using var visitor = factory.Client();
        var token = await db.Certificates.Where(c => c.Status == CertificateStatus.Superseded).Select(c => c.Token).FirstAsync();
        var page = await visitor.PageAsync("/v/" + token);
        Assert.Equal("Superseded", page.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        var successor = page.QuerySelector("[data-successor]")!.GetAttribute("href")!;
        Assert.Equal("Valid", (await visitor.PageAsync(successor)).QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
    }
}
