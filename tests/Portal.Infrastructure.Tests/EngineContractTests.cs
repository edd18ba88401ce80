using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Tests;

/// <summary>
/// What every engine must do alike (issue 15): times stored and read back to the tick the app makes them
/// (microseconds), ordered by time; counters that hand out distinct, gap-free numbers to concurrent
/// writers; an audit chain that verifies after the round trip.
/// </summary>
public class EngineContractTests
{
    private static readonly DateTime[] Times =
    [
        new DateTime(2026, 3, 2, 1, 2, 3, DateTimeKind.Utc).AddTicks(1_234_560), // microseconds
        new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990), // the last microsecond of a year
        new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(1999, 6, 30, 16, 0, 0, DateTimeKind.Utc).AddTicks(10),
        new DateTime(2026, 3, 2, 1, 2, 3, DateTimeKind.Utc).AddTicks(1_234_570), // one microsecond after the first
    ];

    [Fact]
    public Task Times_RoundTripExactly_AndOrder() => Times_RoundTripExactly_AndOrder_On(TestSuite.Engine);

    internal static async Task Times_RoundTripExactly_AndOrder_On(Engine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine: engine);
        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            foreach (var (time, i) in Times.Select((time, i) => (time, i)))
            {
                db.Add(new Notification("user-" + i, "标题", "Title", "正文", "Body", null, time));
            }

            await db.SaveChangesAsync();
        }

        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var read = await db.Set<Notification>().OrderBy(n => n.CreatedUtc).Select(n => n.CreatedUtc).ToListAsync();
            Assert.Equal(Times.Order().Select(x => x.Ticks), read.Select(x => x.Ticks));
            var after = Times[0];
            Assert.Equal(1, await db.Set<Notification>().CountAsync(n => n.CreatedUtc > after));
        }
    }

    [Fact]
    public void TheAppsClock_KeepsMicroseconds_SoEveryEngineStoresItUnchanged()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(0, MicrosecondClock.Instance.GetUtcNow().Ticks % TimeSpan.TicksPerMicrosecond);
        }

        Assert.True(Math.Abs((MicrosecondClock.Instance.GetUtcNow() - DateTimeOffset.UtcNow).TotalSeconds) < 5);
    }

    [Fact]
    public Task ConcurrentWriters_GetDistinctGapFreeNumbers() => ConcurrentWriters_GetDistinctGapFreeNumbers_On(TestSuite.Engine);

    internal static async Task ConcurrentWriters_GetDistinctGapFreeNumbers_On(Engine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine: engine);
        const int writers = 6, each = 20;
        var taken = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < each; i++)
            {
                await using var scope = t.Scope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    await using var tx = await db.Database.BeginTransactionAsync();
                    var n = await new NumberSequence(db).NextAsync("test:concurrent");
                    await tx.CommitAsync();
                    mine.Add(n);
                });
            }

            return mine;
        })));
        var all = taken.SelectMany(x => x).Order().ToList();
        Assert.Equal(Enumerable.Range(1, writers * each).Select(x => (long)x), all);
    }

    [Fact]
    public Task TheAuditChain_VerifiesAfterTheRoundTrip() => TheAuditChain_VerifiesAfterTheRoundTrip_On(TestSuite.Engine);

    internal static async Task TheAuditChain_VerifiesAfterTheRoundTrip_On(Engine engine)
    {
        await using var t = await TestDatabase.CreateAsync(engine: engine);
        for (var i = 0; i < 3; i++)
        {
            await using var scope = t.Scope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.RecordAct("test.act", "Test", "record-" + i, detail: "第 " + i + " 次");
            db.RecordAct("test.act", "Test", "record-" + i + "b");
            await db.SaveChangesAsync();
        }

        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var (count, broken, reason) = await AuditChain.VerifyAsync(db);
            Assert.Equal(6, count);
            Assert.Null(broken);
            Assert.Null(reason);
            Assert.Equal([1L, 2, 3, 4, 5, 6], await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());

            // And it still notices an altered entry there.
            await db.AuditEntries.Where(e => e.Sequence == 4).ExecuteUpdateAsync(s => s.SetProperty(e => e.RecordId, "altered"));
            Assert.Equal(4, (await AuditChain.VerifyAsync(db)).FirstBroken);
        }
    }
}
