using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>
/// Issue 12, finding 3: new recovery codes and turning two-factor off needed only the session cookie.
/// Every endpoint that changes how an account proves who it is must ask for a current factor, found
/// from the routing data so a new one cannot slip past.
/// </summary>
public class AccountFactorTests(ClockedPortalFactory factory) : IClassFixture<ClockedPortalFactory>
{
    /// <summary>POSTs under /account that do not change a credential (or prove one by other means).</summary>
    private static readonly HashSet<string> NotCredentialChanges =
    [
        "POST /account/login", "POST /account/login-2fa", "POST /account/login-recovery", // they are the proof
        "POST /account/forgot-password", "POST /account/reset-password", // the single-use e-mailed link is the proof
        "POST /account/logout", "POST /account/step-up", "POST /account/reminder-emails",
        "POST /account/mobile", // never a sign-in or reset factor: only the key to a setup's progress, which shows no content
    ];

    private sealed record Case(bool TwoFactorFirst, Func<Dictionary<string, string>> Fields, Func<string, string, Dictionary<string, string>> WithFactor, Func<Snapshot, Snapshot, bool> Changed);

    private sealed record Snapshot(string? PasswordHash, bool TwoFactorEnabled, string? AuthenticatorKey, string? RecoveryCodes);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["POST /account/change-password"] = new(true,
            () => new() { ["CurrentPassword"] = PortalFactory.DemoPassword, ["NewPassword"] = "a new passphrase for 2026", ["ConfirmPassword"] = "a new passphrase for 2026" },
            (code, _) => new() { ["CurrentPassword"] = PortalFactory.DemoPassword, ["NewPassword"] = "a new passphrase for 2026", ["ConfirmPassword"] = "a new passphrase for 2026", ["Code"] = code },
            (a, b) => a.PasswordHash != b.PasswordHash),
        ["POST /account/two-factor/recovery-codes"] = new(true, () => new(), (code, _) => new() { ["Code"] = code }, (a, b) => a.RecoveryCodes != b.RecoveryCodes),
        ["POST /account/two-factor/disable"] = new(true, () => new(), (code, _) => new() { ["Code"] = code }, (a, b) => a.TwoFactorEnabled != b.TwoFactorEnabled),
        ["POST /account/two-factor/reset"] = new(true, () => new(), (code, _) => new() { ["Code"] = code }, (a, b) => a.AuthenticatorKey != b.AuthenticatorKey),
        ["POST /account/two-factor/enable"] = new(false,
            () => new() { ["Code"] = "CODE" },
            (_, password) => new() { ["Code"] = "CODE", ["Password"] = password },
            (a, b) => a.TwoFactorEnabled != b.TwoFactorEnabled),
    };

    private async Task<Snapshot> SnapshotAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return new Snapshot(user.PasswordHash, user.TwoFactorEnabled, await users.GetAuthenticatorKeyAsync(user),
            await users.GetAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes"));
    }

    private async Task<int> AuditCountAsync(string action)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.CountAsync(e => e.Action == action);
    }

    private async Task<int> AuditTotalAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.CountAsync();
    }

    [Fact]
    public void EveryAccountEndpoint_IsEitherACredentialChangeUnderTest_OrDeclaredNotToBeOne()
    {
        var posts = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null
                && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true
                && e.RoutePattern.RawText!.TrimStart('/').StartsWith("account", StringComparison.Ordinal))
            .Select(e => "POST /" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToList();
        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.True(Cases.ContainsKey(p) || NotCredentialChanges.Contains(p), $"{p} is not covered: add it to the cases (with its factor check) or to the list of non-changes"));
        Assert.All(Cases.Keys, k => Assert.Contains(k, posts));
    }

    public static TheoryData<string> Endpoints => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task ACredentialChange_WithoutACurrentFactor_ChangesNothing_AndWithOne_IsMadeAndAudited(string endpoint)
    {
        var @case = Cases[endpoint];
        var clock = factory.Clock!;
        var email = $"factor{Cases.Keys.ToList().IndexOf(endpoint)}@test.portal";
        await factory.AddInstitutionUserAsync("浦江县图书馆", email);
        using var client = factory.Client();
        await client.LoginOkAsync(email);
        var key = (await client.PageAsync("/account/two-factor")).QuerySelector("[data-shared-key]")!.TextContent;
        if (@case.TwoFactorFirst)
        {
            var enabled = await client.SubmitAsync("/account/two-factor", "/account/two-factor/enable", new Dictionary<string, string> { ["Password"] = PortalFactory.DemoPassword, ["Code"] = Totp.Code(key, clock.GetUtcNow()) });
            Assert.Contains("data-recovery-code", await enabled.Content.ReadAsStringAsync());
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        var path = endpoint["POST ".Length..];
        var page = @case.TwoFactorFirst && path == "/account/change-password" ? path : "/account/two-factor";
        Dictionary<string, string> Fill(Dictionary<string, string> fields) =>
            fields.ToDictionary(kv => kv.Key, kv => kv.Value == "CODE" ? Totp.Code(key, clock.GetUtcNow()) : kv.Value);

        var before = await SnapshotAsync(email);
        var failures = await AuditCountAsync("account.factor-failed");
        var without = await client.PostAsync(path, Fill(@case.Fields()), await TokenAsync(client, page));
        Assert.NotEqual(HttpStatusCode.InternalServerError, without.StatusCode);
        Assert.False(@case.Changed(before, await SnapshotAsync(email)), $"{endpoint} changed the account without a current factor");

        var wrong = await client.PostAsync(path, Fill(@case.WithFactor("000000" == Totp.Code(key, clock.GetUtcNow()) ? "111111" : "000000", "not the password at all")), await TokenAsync(client, page));
        Assert.NotEqual(HttpStatusCode.InternalServerError, wrong.StatusCode);
        Assert.False(@case.Changed(before, await SnapshotAsync(email)), $"{endpoint} changed the account with a wrong factor");
        Assert.True(await AuditCountAsync("account.factor-failed") > failures || !@case.TwoFactorFirst || path == "/account/two-factor/enable", $"{endpoint}: the failed attempt was not audited");

        var audited = await AuditTotalAsync();
        var with = await client.PostAsync(path, Fill(@case.WithFactor(Totp.Code(key, clock.GetUtcNow()), PortalFactory.DemoPassword)), await TokenAsync(client, page));
        Assert.True((int)with.StatusCode is 200 or 302, $"{endpoint} with a factor: {(int)with.StatusCode}");
        Assert.True(@case.Changed(before, await SnapshotAsync(email)), $"{endpoint} did not make the change with a current factor");
        Assert.True(await AuditTotalAsync() > audited, $"{endpoint}: the change was not audited");
        clock.Advance(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ARecoveryCode_ProvesTheFactor_Once()
    {
        var clock = factory.Clock!;
        const string email = "recovery.proof@test.portal";
        await factory.AddInstitutionUserAsync("浦江县图书馆", email);
        using var client = factory.Client();
        await client.LoginOkAsync(email);
        var key = (await client.PageAsync("/account/two-factor")).QuerySelector("[data-shared-key]")!.TextContent;
        var enabled = await client.SubmitAsync("/account/two-factor", "/account/two-factor/enable", new Dictionary<string, string> { ["Password"] = PortalFactory.DemoPassword, ["Code"] = Totp.Code(key, clock.GetUtcNow()) });
        var code = PortalClient.Parse(await enabled.Content.ReadAsStringAsync()).QuerySelector("[data-recovery-code]")!.TextContent.Trim();

        var first = await client.PostAsync("/account/two-factor/recovery-codes", new Dictionary<string, string> { ["Code"] = code }, await TokenAsync(client, "/account/two-factor"));
        Assert.Contains("data-recovery-code", await first.Content.ReadAsStringAsync());
        var again = await client.PostAsync("/account/two-factor/recovery-codes", new Dictionary<string, string> { ["Code"] = code }, await TokenAsync(client, "/account/two-factor"));
        Assert.DoesNotContain("data-recovery-code", await again.Content.ReadAsStringAsync());
    }

    private static async Task<string> TokenAsync(PortalClient client, string page) =>
        (await client.PageAsync(page)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}

/// <summary>Staff must keep two-factor while it is required of them, even with a valid code.</summary>
public class StaffTwoFactorTests(HttpsProductionFactory factory) : IClassFixture<HttpsProductionFactory>
{
    [Fact]
    public async Task Staff_CannotTurnTwoFactorOff_WhileItIsRequired()
    {
        var clock = factory.Clock!;
        using var registrar = factory.Client();
        var key = await registrar.EnrolTwoFactorAsync(Demo.Registrar, clock);
        var page = await registrar.PageAsync("/account/two-factor");
        Assert.Null(page.QuerySelector("button[formaction='/account/two-factor/disable']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await registrar.PostAsync("/account/two-factor/disable", new Dictionary<string, string> { ["Code"] = Totp.Code(key, clock.GetUtcNow()) }, token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.FindByEmailAsync(Demo.Registrar))!.TwoFactorEnabled);
    }
}
