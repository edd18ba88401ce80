using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>A named counter row (no database sequences: the model must stay provider-neutral).</summary>
public class Counter
{
    public required string Key { get; set; }

    public long Value { get; set; }
}

/// <summary>
/// Hands out the next number of a named counter. Call inside a transaction: the row's write lock is held
/// until commit, so two callers can never read the same value, and a rolled-back transaction gives its
/// number back.
/// </summary>
public sealed class NumberSequence(PortalDbContext db)
{
    public Task<long> NextAsync(string key, CancellationToken ct = default) => AddAsync(db, key, 1, ct);

    /// <summary>Adds <paramref name="count"/> to the counter (creating it at that value) and returns the new value.</summary>
    public static async Task<long> AddAsync(PortalDbContext db, string key, long count, CancellationToken ct)
    {
        if (!db.Database.IsSqlServer())
        {
            // One statement on SQLite and PostgreSQL: two first callers of a new key cannot both insert it.
            var values = await db.Database.SqlQuery<long>($"""
                INSERT INTO "Counters" ("Key", "Value") VALUES ({key}, {count})
                ON CONFLICT ("Key") DO UPDATE SET "Value" = "Counters"."Value" + excluded."Value"
                RETURNING "Value"
                """).ToListAsync(ct);
            return values.Single();
        }

        var updated = await db.Counters.Where(c => c.Key == key).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + count), ct);
        if (updated == 0)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"Counters\" (\"Key\", \"Value\") VALUES ({key}, {count})", ct);
            return count;
        }

        return await db.Counters.AsNoTracking().Where(c => c.Key == key).Select(c => c.Value).SingleAsync(ct);
    }
}
