using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Tests;

public class UserSessionTests
{
    [Fact]
    public Task Purge_DropsEndedAndOverAgeSessions_AndKeepsTheLiveOnes() => Purge_DropsEndedAndOverAgeSessions_AndKeepsTheLiveOnes_On(TestSuite.Engine);

    internal static async Task Purge_DropsEndedAndOverAgeSessions_AndKeepsTheLiveOnes_On(Engine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine: engine);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        var live = await UserSessions.StartAsync(db, "u1", now.AddHours(-3));
        var endedJustNow = await UserSessions.StartAsync(db, "u1", now.AddHours(-5));
        var endedLongAgo = await UserSessions.StartAsync(db, "u2", now.AddDays(-3));
        var tooOld = await UserSessions.StartAsync(db, "u3", now.AddDays(-31));
        await UserSessions.EndAsync(db, endedJustNow, "logout", now.AddHours(-1));
        await UserSessions.EndAsync(db, endedLongAgo, "logout", now.AddDays(-2));

        Assert.True(await UserSessions.IsOpenAsync(db, live, "u1", now));
        Assert.False(await UserSessions.IsOpenAsync(db, live, "someone else", now)); // a session id is bound to its account
        Assert.False(await UserSessions.IsOpenAsync(db, endedJustNow, "u1", now));
        Assert.False(await UserSessions.IsOpenAsync(db, tooOld, "u3", now)); // past the absolute limit though never ended

        Assert.Equal(2, await UserSessions.PurgeAsync(db, now));
        var left = await db.UserSessions.Select(s => s.Id).ToListAsync();
        Assert.Equal(new[] { live, endedJustNow }.Order(), left.Order());
    }

    [Fact]
    public Task EndingTheOthers_KeepsTheCurrentSession() => EndingTheOthers_KeepsTheCurrentSession_On(TestSuite.Engine);

    internal static async Task EndingTheOthers_KeepsTheCurrentSession_On(Engine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine: engine);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        var laptop = await UserSessions.StartAsync(db, "u1", now);
        var phone = await UserSessions.StartAsync(db, "u1", now);
        var other = await UserSessions.StartAsync(db, "u2", now);
        Assert.Equal(1, await UserSessions.EndOthersAsync(db, "u1", laptop, "password", now));
        Assert.True(await UserSessions.IsOpenAsync(db, laptop, "u1", now));
        Assert.False(await UserSessions.IsOpenAsync(db, phone, "u1", now));
        Assert.True(await UserSessions.IsOpenAsync(db, other, "u2", now));
    }
}
