using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Production settings (staff two-factor required) on a clock the test moves.</summary>
public sealed class StrictClockedFactory : PortalFactory
{
    public StrictClockedFactory()
    {
        Settings["Portal:RequireStaffTwoFactor"] = "true";
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 10, TimeSpan.Zero));
    }
}

public class StepUpTests(StrictClockedFactory factory) : IClassFixture<StrictClockedFactory>
{
    [Fact]
    public async Task Approving_AsksForAFreshTwoFactorCode_WhenTheLastIsOlderThan15Minutes()
    {
        var clock = factory.Clock!;
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        var key = (await registrar.PageAsync("/account/two-factor?required=true")).QuerySelector("[data-shared-key]")!.TextContent;
        var enabled = await registrar.SubmitAsync("/account/two-factor", "/account/two-factor/enable", new Dictionary<string, string> { ["Password"] = PortalFactory.DemoPassword, ["Code"] = Totp.Code(key, clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);

        Guid filing;
        using (var scope = factory.Services.CreateScope())
        {
            filing = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Filings.Where(f => f.State == FilingState.Accepted).Select(f => f.Id).FirstAsync();
        }

        // Enrolled, but this session never passed a two-factor login: the approval asks first.
        var asked = await registrar.DecideAsync(filing, "approve", "材料齐全");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.StartsWith("/account/step-up", asked.Headers.Location!.OriginalString);
        Assert.Equal(FilingState.Accepted, await factory.StateAsync(filing));

        clock.Advance(TimeSpan.FromSeconds(30)); // a new step: the enrolment code is spent
        var wrong = await registrar.SubmitAsync(asked.Headers.Location!.OriginalString, "/account/step-up", new Dictionary<string, string> { ["Code"] = "000000" == Totp.Code(key, clock.GetUtcNow()) ? "111111" : "000000", ["ReturnUrl"] = $"/registry/filings/{filing}" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var verified = await registrar.SubmitAsync(asked.Headers.Location!.OriginalString, "/account/step-up", new Dictionary<string, string> { ["Code"] = Totp.Code(key, clock.GetUtcNow()), ["ReturnUrl"] = $"/registry/filings/{filing}" });
        Assert.Equal($"/registry/filings/{filing}", verified.Headers.Location!.OriginalString);

        var approved = await registrar.DecideAsync(filing, "approve", "材料齐全");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(FilingState.Approved, await factory.StateAsync(filing));

        // Sixteen minutes later the check is stale again (the session itself is still alive: it was used).
        Guid next;
        using (var scope = factory.Services.CreateScope())
        {
            next = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Filings.Where(f => f.State == FilingState.Submitted).Select(f => f.Id).FirstAsync();
        }

        clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(next, "accept")).StatusCode); // accepting is not decisive: no step-up
        Assert.Equal(FilingState.Accepted, await factory.StateAsync(next));
        clock.Advance(TimeSpan.FromMinutes(8));
        var stale = await registrar.DecideAsync(next, "approve", "材料齐全");
        Assert.StartsWith("/account/step-up", stale.Headers.Location!.OriginalString);
        Assert.Equal(FilingState.Accepted, await factory.StateAsync(next));
    }

    [Fact]
    public async Task RotatingTheSigningKey_AsksForAFreshCode_AndIsAudited()
    {
        var clock = factory.Clock!;
        using var admin = factory.Client();
        await admin.LoginOkAsync(Demo.Admin);
        var key = (await admin.PageAsync("/account/two-factor?required=true")).QuerySelector("[data-shared-key]")!.TextContent;
        await admin.SubmitAsync("/account/two-factor", "/account/two-factor/enable", new Dictionary<string, string> { ["Password"] = PortalFactory.DemoPassword, ["Code"] = Totp.Code(key, clock.GetUtcNow()) });
        var before = (await admin.PageAsync("/admin/keys")).QuerySelectorAll("[data-keys] tbody tr").Length;

        var asked = await admin.SubmitAsync("/admin/keys", "/admin/keys/rotate", new Dictionary<string, string> { ["confirmed"] = "true" });
        Assert.StartsWith("/account/step-up", asked.Headers.Location!.OriginalString);
        clock.Advance(TimeSpan.FromSeconds(30));
        await admin.SubmitAsync(asked.Headers.Location!.OriginalString, "/account/step-up", new Dictionary<string, string> { ["Code"] = Totp.Code(key, clock.GetUtcNow()), ["ReturnUrl"] = "/admin/keys" });
        var rotated = await admin.SubmitAsync("/admin/keys", "/admin/keys/rotate", new Dictionary<string, string> { ["confirmed"] = "true" });
        Assert.Equal("/admin/keys", rotated.Headers.Location!.OriginalString);
        Assert.Equal(before + 1, (await admin.PageAsync("/admin/keys")).QuerySelectorAll("[data-keys] tbody tr").Length);
        using var scope = factory.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AnyAsync(e => e.Action == "keys.rotate"));
    }
}
