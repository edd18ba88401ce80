using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Filings;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

public class AuditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task OfficialActs_AreChained_AndEditingOneRow_IsFoundAtExactlyThatRow()
    {
        // Acts: a failed and a successful login, a filing submitted, accepted and returned.
        using (var stranger = factory.Client())
        {
            await stranger.LoginAsync(Demo.Manager, "wrong password entirely");
        }

        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await manager.StartAsync(FilingKind.CertificateReissue);
        await manager.SaveAsync(id, new Dictionary<string, string> { ["Explanation"] = "证书副本遗失" });
        await manager.UploadAllAsync(id, FilingMaterials.Required(FilingKind.CertificateReissue, []));
        await manager.ConfirmSubmitAsync(id);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        await registrar.DecideAsync(id, "accept");

        long tampered;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
            Assert.Contains(entries, e => e.Action == "login.failed" && e.RecordType == "Account");
            Assert.Contains(entries, e => e.Action == "login.success" && e.ActorName.Contains("李建国"));
            Assert.Contains(entries, e => e.Action == "filing.Submit" && e.RecordId == id.ToString());
            var accepted = Assert.Single(entries, e => e.Action == "filing.Accept" && e.RecordId == id.ToString());
            Assert.Equal("赵雪", accepted.ActorName);
            Assert.NotNull(accepted.OfficeId);
            Assert.Equal((long)entries.Count, (await AuditChain.VerifyAsync(db)).Checked);
            Assert.Null((await AuditChain.VerifyAsync(db)).FirstBroken);

            // Someone with database access rewrites history in one row.
            tampered = accepted.Sequence;
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = '他人' WHERE \"Sequence\" = {tampered}");
            var (_, broken, reason) = await AuditChain.VerifyAsync(db);
            Assert.Equal(tampered, broken);
            Assert.Equal("content does not match its hash", reason);
        }

        using var supervisor = factory.Client();
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var page = await supervisor.PageAsync("/registry/audit");
        Assert.Equal(tampered.ToString(), page.QuerySelector("[data-chain=broken]")!.GetAttribute("data-first-broken"));
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.GetAsync("/registry/audit")).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            // Put it back: the chain is whole again (the hash is over the content, not the storage).
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ActorName\" = '赵雪' WHERE \"Sequence\" = {tampered}");
            Assert.Null((await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>())).FirstBroken);
        }

        // Removing an entry breaks the chain at the gap.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3");
            Assert.Equal(3, (await AuditChain.VerifyAsync(db)).FirstBroken);
        }
    }

    [Fact]
    public async Task NoIdentityNumberPasswordOrToken_EverReachesTheAuditLogOrTheApplicationLogs()
    {
        using (var manager = factory.Client())
        {
            await manager.LoginAsync(Demo.Manager, "a wrong password 12345");
            await manager.LoginOkAsync(Demo.Manager);
            await manager.GetAsync("/institution");
        }

        using (var visitor = factory.Client())
        {
            await visitor.GetAsync("/register?q=" + Uri.EscapeDataString("图书馆"));
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var idNumbers = await db.Institutions.Select(i => i.Current.LegalRepresentativeIdNumber).ToListAsync();
        var tokens = await db.Certificates.Select(c => c.Token).ToListAsync();
        var audit = (await db.AuditEntries.AsNoTracking().ToListAsync()).Select(e => string.Join('|', e.ActorName, e.Action, e.RecordId, e.Detail, e.Address)).ToList();
        var logs = factory.Logs.ToList();
        var json = factory.JsonLogs.ToList(); // as the console writes them with Logging:Console:FormatterName=json
        Assert.NotEmpty(audit);
        Assert.NotEmpty(logs);
        Assert.True(json.Count >= logs.Count / 2, $"{json.Count} JSON lines for {logs.Count} log entries");
        Assert.All(json, line =>
        {
            Assert.DoesNotContain('\n', line.TrimEnd('\r', '\n')); // one object per line
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
        });
        foreach (var secret in idNumbers.Concat(tokens).Append(PortalFactory.DemoPassword).Append("a wrong password 12345"))
        {
            Assert.DoesNotContain(audit, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(json, line => line.Contains(secret, StringComparison.Ordinal) || line.Contains(JsonEncodedText.Encode(secret).ToString(), StringComparison.Ordinal));
        }
    }
}
