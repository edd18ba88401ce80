using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>Counts password-hash verifications, and the database commands each request path runs.</summary>
public sealed class WorkCountingFactory : PortalFactory
{
    public int HashVerifications => _hashes.Count;

    private readonly HashCounter _hashes = new();

    public ConcurrentDictionary<string, int> CommandsByPath { get; } = new();

    public void Reset()
    {
        _hashes.Count = 0;
        CommandsByPath.Clear();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(_hashes);
            services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<PortalUser>, CountingHasher>());
            services.ConfigureDbContext<PortalDbContext>((sp, options) =>
                options.AddInterceptors(new CommandCounter(sp.GetRequiredService<IHttpContextAccessor>(), CommandsByPath)));
        });
    }

    public sealed class HashCounter
    {
        private int _count;

        public int Count
        {
            get => Volatile.Read(ref _count);
            set => Volatile.Write(ref _count, value);
        }

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingHasher(IOptions<PasswordHasherOptions> options, HashCounter counter) : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> _inner = new(options);

        public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            counter.Add();
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>Counts commands by the request that ran them ("POST /path"); work behind the response has no request.</summary>
    private sealed class CommandCounter(IHttpContextAccessor http, ConcurrentDictionary<string, int> counts) : DbCommandInterceptor
    {
        private void Count()
        {
            if (http.HttpContext?.Request is { } request)
            {
                counts.AddOrUpdate(request.Method + " " + request.Path, 1, (_, n) => n + 1);
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }
    }
}

/// <summary>
/// Issue 12, findings 4–6: what the login, forgot-password and invitation answers (and the work behind
/// them) tell an outsider about which addresses have accounts. The tests count the work on each path
/// rather than time it, so a busy machine cannot make them flaky; `bench login` prints the timings.
/// </summary>
public class AccountEnumerationTests(WorkCountingFactory factory) : IClassFixture<WorkCountingFactory>
{
    private async Task<string> AccountAsync(string email, bool password = true, DateTimeOffset? lockedUntil = null)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var institution = await db.Institutions.Where(i => i.Current.Name == "浦江县图书馆").Select(i => i.Id).SingleAsync();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "测试", InstitutionId = institution, CreatedUtc = DateTime.UtcNow };
        Assert.True((password ? await users.CreateAsync(user, PortalFactory.DemoPassword) : await users.CreateAsync(user)).Succeeded);
        await users.AddToRoleAsync(user, Roles.InstitutionUser);
        if (lockedUntil is { } until)
        {
            await users.SetLockoutEndDateAsync(user, until);
        }

        return email;
    }

    [Fact]
    public async Task EveryLoginPath_VerifiesExactlyOnePasswordHash_AndAnswersAlike()
    {
        var paths = new Dictionary<string, (string Email, string Password)>
        {
            ["unknown address"] = ("nobody.at.all@test.portal", "whatever password 1"),
            ["wrong password"] = (await AccountAsync("wrong.password@test.portal"), "not the right password"),
            ["locked out"] = (await AccountAsync("locked.out@test.portal", lockedUntil: DateTimeOffset.UtcNow.AddMinutes(15)), "not the right password"),
            ["locked out, right password"] = (await AccountAsync("locked.right@test.portal", lockedUntil: DateTimeOffset.UtcNow.AddMinutes(15)), PortalFactory.DemoPassword),
            ["disabled"] = (await AccountAsync("disabled.account@test.portal", lockedUntil: DateTimeOffset.MaxValue), PortalFactory.DemoPassword),
            ["not confirmed (invited, no password yet)"] = (await AccountAsync("invited.only@test.portal", password: false), "a guessed password"),
        };
        string? failurePage = null;
        foreach (var (path, (email, password)) in paths)
        {
            using var client = factory.Client();
            var token = (await client.PageAsync("/account/login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            factory.Reset();
            var response = await client.PostAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password }, token);
            Assert.True(factory.HashVerifications == 1, $"{path}: {factory.HashVerifications} hash verifications");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var message = PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors, [data-form-errors], .alert-danger")?.TextContent.Trim();
            failurePage ??= message;
            Assert.True(message == failurePage && !string.IsNullOrEmpty(message), $"{path}: answered \"{message}\", others \"{failurePage}\"");
        }

        using var ok = factory.Client();
        var okToken = (await ok.PageAsync("/account/login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        factory.Reset();
        Assert.Equal(HttpStatusCode.Redirect, (await ok.PostAsync("/account/login", new Dictionary<string, string> { ["Email"] = Demo.Manager, ["Password"] = PortalFactory.DemoPassword }, okToken)).StatusCode);
        Assert.Equal(1, factory.HashVerifications);
    }

    [Fact]
    public async Task ForgotPassword_DoesTheSameWorkInTheRequest_WhetherOrNotTheAddressHasAnAccount()
    {
        var known = await AccountAsync("forgetful@test.portal");
        var answers = new List<(int Status, string? Location, int Commands)>();
        foreach (var email in new[] { known, "no.such.person@test.portal" })
        {
            using var client = factory.Client();
            var token = (await client.PageAsync("/account/forgot-password")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            factory.Reset();
            var response = await client.PostAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = email }, token);
            answers.Add(((int)response.StatusCode, response.Headers.Location?.OriginalString, factory.CommandsByPath.GetValueOrDefault("POST /account/forgot-password")));
        }

        Assert.Equal(answers[0], answers[1]); // same status, same page, same database work
        await factory.ResetLinksSentAsync();
        using var scope = factory.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages;
        Assert.Equal(1, await outbox.CountAsync(m => m.To == known && m.Kind == "password-reset"));
        Assert.Equal(0, await outbox.CountAsync(m => m.To == "no.such.person@test.portal"));
    }

    [Fact]
    public async Task Inviting_AnswersTheSameForEveryAddress_AndTellsAnExistingAccountsOwner()
    {
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var answers = new List<(int, string?, string?)>();
        foreach (var email in new[] { Demo.Registrar, "brand.new.colleague@test.portal" })
        {
            var response = await manager.SubmitAsync("/institution/users/invite", "/institution/users/invite", new Dictionary<string, string> { ["Email"] = email, ["DisplayName"] = "新同事" });
            var flash = (await manager.PageAsync(response.Headers.Location?.OriginalString ?? "/institution/users")).QuerySelector(".alert-success")?.TextContent;
            answers.Add(((int)response.StatusCode, response.Headers.Location?.OriginalString, flash));
        }

        Assert.Equal(answers[0], answers[1]);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.To == Demo.Registrar && m.Kind == "invitation-existing"));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.To == "brand.new.colleague@test.portal" && m.Kind == "invitation"));
        Assert.Null(await db.Users.Where(u => u.Email == Demo.Registrar).Select(u => u.InstitutionId).SingleAsync()); // the staff account is untouched
    }
}
