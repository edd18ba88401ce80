using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Certificates;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>
/// Issue 12, finding 1: the step-up check once compared the posted text with "Revocation" while the action
/// bound an enum, so "3", a query-string copy or a repeated field revoked a registration without a fresh
/// code. Here every guarded act (revoke, approve, refuse, void, key rotation) is sent every way the
/// binder accepts, in Production over HTTPS, from a session whose last code is stale.
/// </summary>
public class StepUpEncodingTests(HttpsProductionFactory factory) : IClassFixture<HttpsProductionFactory>
{
    private static readonly SemaphoreSlim Serial = new(1, 1); // one fake clock for the class

    private static readonly Dictionary<string, string> _keys = []; // authenticator keys of the staff enrolled so far

    private async Task<(PortalClient Stale, string Key)> StaleSessionAsync(string email)
    {
        var clock = factory.Clock!;
        if (!_keys.TryGetValue(email, out var key))
        {
            using var enrol = factory.Client();
            key = _keys[email] = await enrol.EnrolTwoFactorAsync(email, clock);
        }

        var session = factory.Client();
        await session.LoginWithCodeAsync(email, key, clock);
        clock.Advance(TimeSpan.FromMinutes(16)); // past the 15-minute step-up window, within the 30-minute idle limit
        return (session, key);
    }

    private static void AssertAskedForCode(HttpResponseMessage response, string what) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/account/step-up", StringComparison.Ordinal) == true,
            $"{what}: expected the step-up page, got {(int)response.StatusCode} {response.Headers.Location}");

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private static async Task<string> TokenAsync(PortalClient client, string page, string action)
    {
        var doc = await client.PageAsync(page);
        var form = doc.Forms.First(f => f.GetAttribute("action") == action);
        return ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
    }

    private static async Task<HttpResponseMessage> EnforceAsync(PortalClient client, Guid id, IEnumerable<(string Name, string Value)> fields, string query = "", bool consent = false)
    {
        var action = $"/registry/institutions/{id}/enforcement";
        using var multipart = new MultipartFormDataContent { { new StringContent(await TokenAsync(client, $"/registry/institutions/{id}", action)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            multipart.Add(new StringContent(value), name);
        }

        if (consent)
        {
            multipart.Add(new ByteArrayContent(FilingDriver.Pdf), "consent", "同意撤销的函.pdf");
        }

        return await client.Http.PostAsync(action + query, multipart);
    }

    [Fact]
    public async Task Revocation_AsksForAFreshCode_HoweverTheKindIsEncoded()
    {
        await Serial.WaitAsync();
        try
        {
            var (supervisor, key) = await StaleSessionAsync(Demo.Supervisor);
            using var _ = supervisor;
            var id = await QueryAsync(db => db.Institutions.Where(i => i.Current.Name == "浦江县融媒体中心").Select(i => i.Id).SingleAsync());
            (string, string)[] reasons = [("reasons", "逾期未报送年度报告"), ("confirmed", "true")];
            var deadline = DateOnly.FromDateTime(factory.Clock!.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd");

            // The first two rungs need no fresh code.
            Assert.Equal(HttpStatusCode.Redirect, (await EnforceAsync(supervisor, id, [("kind", "Warning"), .. reasons])).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await EnforceAsync(supervisor, id, [("kind", "CertificateHold"), ("correctBy", deadline), .. reasons])).StatusCode);
            Assert.Equal(2, await QueryAsync(db => db.EnforcementActions.CountAsync(a => a.InstitutionId == id)));

            var encodings = new (string What, (string, string)[] Fields, string Query)[]
            {
                ("the number 3", [("kind", "3"), .. reasons], ""),
                ("the number with spaces", [("kind", " 3 "), .. reasons], ""),
                ("lower case", [("kind", "revocation"), .. reasons], ""),
                ("upper case", [("kind", "REVOCATION"), .. reasons], ""),
                ("a query-string copy", reasons, "?kind=Revocation"),
                ("a numeric query-string copy", reasons, "?kind=3"),
                ("two values, revocation first", [("kind", "Revocation"), ("kind", "Warning"), .. reasons], ""),
                ("a flags-style list", [("kind", "Warning, Revocation"), .. reasons], ""),
            };
            foreach (var (what, fields, query) in encodings)
            {
                AssertAskedForCode(await EnforceAsync(supervisor, id, fields, query, consent: true), what);
                Assert.Equal(InstitutionStatus.Registered, await QueryAsync(db => db.Institutions.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
            }

            Assert.Equal(2, await QueryAsync(db => db.EnforcementActions.CountAsync(a => a.InstitutionId == id)));

            // With a fresh code the very same numeric encoding revokes: the guard and the action read one value.
            var stepUp = await supervisor.SubmitAsync("/account/step-up", "/account/step-up", new Dictionary<string, string> { ["Code"] = Totp.Code(key, factory.Clock!.GetUtcNow()) });
            Assert.Equal(HttpStatusCode.Redirect, stepUp.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await EnforceAsync(supervisor, id, [("kind", "3"), .. reasons], consent: true)).StatusCode);
            Assert.Equal(InstitutionStatus.Revoked, await QueryAsync(db => db.Institutions.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
        }
        finally
        {
            Serial.Release();
        }
    }

    [Fact]
    public async Task ApproveAndRefuse_AskForAFreshCode_AndNoOtherSpellingOfTheVerbIsAccepted()
    {
        await Serial.WaitAsync();
        try
        {
            var (supervisor, _) = await StaleSessionAsync(Demo.Supervisor);
            using var _ = supervisor;
            var accepted = await QueryAsync(db => db.Filings.Where(f => f.State == FilingState.Accepted).Select(f => f.Id).FirstAsync());
            var page = $"/registry/filings/{accepted}";
            var form = (await supervisor.PageAsync(page)).Forms.First(f => f.GetAttribute("action") == $"{page}/approve");
            var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
            var version = ((IHtmlInputElement)form.QuerySelector("input[name=Token]")!).Value;
            async Task<HttpResponseMessage> Post(string path, params (string, string)[] extra) =>
                await supervisor.PostAsync(path, [new("Token", version), new("Note", "材料齐全"), new("Confirmed", "true"), .. extra.Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2))], token);

            AssertAskedForCode(await Post($"{page}/approve"), "approve");
            AssertAskedForCode(await Post($"{page}/refuse", ("Reasons", "不符合设立条件")), "refuse");
            foreach (var spelling in new[] { "Approve", "APPROVE", "2", "approve%20", "Refuse", "4" })
            {
                var response = await Post($"{page}/{spelling}");
                Assert.True(response.StatusCode == HttpStatusCode.NotFound || response.Headers.Location?.OriginalString.StartsWith("/account/step-up", StringComparison.Ordinal) == true,
                    $"/{spelling}: {(int)response.StatusCode} {response.Headers.Location}");
            }

            Assert.Equal(FilingState.Accepted, await factory.StateAsync(accepted));

            // The verb comes from the route only: a form or query copy cannot turn "accept" into "approve".
            var submitted = await QueryAsync(db => db.Filings.Where(f => f.State == FilingState.Submitted).Select(f => f.Id).FirstAsync());
            var acceptForm = (await supervisor.PageAsync($"/registry/filings/{submitted}")).Forms.First(f => f.GetAttribute("action") == $"/registry/filings/{submitted}/accept");
            var accepting = await supervisor.PostAsync($"/registry/filings/{submitted}/accept?verb=approve",
                [new("Token", ((IHtmlInputElement)acceptForm.QuerySelector("input[name=Token]")!).Value), new("verb", "approve"), new("verb", "refuse"), new("Confirmed", "true")],
                ((IHtmlInputElement)acceptForm.QuerySelector("input[name=__RequestVerificationToken]")!).Value);
            Assert.Equal(HttpStatusCode.Redirect, accepting.StatusCode);
            Assert.Equal(FilingState.Accepted, await factory.StateAsync(submitted));
        }
        finally
        {
            Serial.Release();
        }
    }

    [Fact]
    public async Task VoidingACertificate_AsksForAFreshCode_WhateverTheReason()
    {
        await Serial.WaitAsync();
        try
        {
            var (registrar, _) = await StaleSessionAsync(Demo.Registrar);
            using var _ = registrar;
            var certificate = await QueryAsync(db => db.Certificates.Where(c => c.Status == CertificateStatus.Valid && c.OfficeId == db.Users.Where(u => u.Email == Demo.Registrar).Select(u => u.OfficeId).Single())
                .Select(c => new { c.Id, c.InstitutionId }).FirstAsync());
            var action = $"/registry/certificates/{certificate.Id}/void";
            var token = await TokenAsync(registrar, $"/registry/institutions/{certificate.InstitutionId}", action);
            foreach (var reason in new[] { "Loss", "0", "1", "revocation", "Loss, Revocation" })
            {
                AssertAskedForCode(await registrar.PostAsync(action + "?reason=Revocation", [new("reason", reason), new("reason", "Loss"), new("note", "遗失"), new("confirmed", "true")], token), "void " + reason);
            }

            Assert.Equal(CertificateStatus.Valid, await QueryAsync(db => db.Certificates.Where(c => c.Id == certificate.Id).Select(c => c.Status).SingleAsync()));
        }
        finally
        {
            Serial.Release();
        }
    }

    [Fact]
    public async Task RotatingTheKey_AsksForAFreshCode_HoweverConfirmedIsEncoded()
    {
        await Serial.WaitAsync();
        try
        {
            var (admin, _) = await StaleSessionAsync(Demo.Admin);
            using var _ = admin;
            var before = (await admin.PageAsync("/admin/keys")).QuerySelectorAll("[data-keys] tbody tr").Length;
            var token = await TokenAsync(admin, "/admin/keys", "/admin/keys/rotate");
            foreach (var (fields, query) in new (KeyValuePair<string, string>[], string)[]
            {
                ([new("confirmed", "true")], ""),
                ([new("confirmed", "True")], ""),
                ([], "?confirmed=true"),
                ([new("confirmed", "true"), new("confirmed", "false")], ""),
            })
            {
                AssertAskedForCode(await admin.PostAsync("/admin/keys/rotate" + query, fields, token), "rotate " + query + string.Join('&', fields.Select(f => f.Value)));
            }

            Assert.Equal(before, (await admin.PageAsync("/admin/keys")).QuerySelectorAll("[data-keys] tbody tr").Length);
        }
        finally
        {
            Serial.Release();
        }
    }
}

/// <summary>The general rule behind finding 1, checked over the routing data: a guard reads the typed value its action uses.</summary>
public class GuardRuleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public void EveryStepUpGuard_ReadsATypedParameterOfItsOwnAction_AfterBinding()
    {
        var guarded = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>(), StepUp: e.Metadata.GetMetadata<StepUpAttribute>()))
            .Where(x => x.Action is not null && x.StepUp is not null)
            .ToList();
        Assert.True(guarded.Count >= 4, $"only {guarded.Count} guarded endpoints"); // decide, enforce, void, rotate
        foreach (var (endpoint, action, stepUp) in guarded)
        {
            if (stepUp!.Parameter is null)
            {
                continue; // every call is guarded
            }

            var parameter = action!.Parameters.OfType<ControllerParameterDescriptor>().SingleOrDefault(p => p.Name == stepUp.Parameter);
            Assert.True(parameter is not null, $"{endpoint.DisplayName}: the step-up guard names '{stepUp.Parameter}', which the action does not bind");
            var type = Nullable.GetUnderlyingType(parameter!.ParameterType) ?? parameter.ParameterType;
            Assert.NotEmpty(stepUp.Values);
            Assert.All(stepUp.Values, v => Assert.True(v.GetType() == type, $"{endpoint.DisplayName}: guard value {v} is a {v.GetType().Name}, the action binds a {type.Name}"));
            Assert.NotEqual(typeof(string), type); // a string would let the guard and the action read different spellings
        }

        // An action filter runs after model binding, so it sees ActionArguments; an authorization filter would not.
        Assert.True(typeof(IAsyncActionFilter).IsAssignableFrom(typeof(StepUpFilter)));
        Assert.False(typeof(IAuthorizationFilter).IsAssignableFrom(typeof(StepUpFilter)) || typeof(IAsyncAuthorizationFilter).IsAssignableFrom(typeof(StepUpFilter)));
    }

    [Fact]
    public void NoGuardOrAction_ReadsRawFormOrQueryValues()
    {
        // Reading Request.Form["x"] beside a bound parameter x is how finding 1 happened: the two can differ.
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src", "Portal.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, Text: line)))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"Request\.(Form|Query)\s*(\[|\.TryGetValue)"))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, string.Join('\n', offenders));
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
