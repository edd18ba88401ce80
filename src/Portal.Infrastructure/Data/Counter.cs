using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>A named counter row (no database sequences: the model must stay provider-neutral).</summary>
public class Counter
{
    public required string Key { get; set; }

    public long Value { get; set; }
}

/// <summary>
/// Hands out the next number of a named counter. Call inside a transaction: the UPDATE takes the row's
/// write lock until commit, so two callers can never read the same value, and a rolled-back
/// transaction gives its number back.
/// </summary>
public sealed class NumberSequence(PortalDbContext db)
{
    public async Task<long> NextAsync(string key, CancellationToken ct = default)
    {
        var updated = await db.Counters.Where(c => c.Key == key).ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1), ct);
        if (updated == 0)
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO Counters (\"Key\", \"Value\") VALUES ({key}, 1)", ct);
            return 1;
        }

        return await db.Counters.Where(c => c.Key == key).Select(c => c.Value).SingleAsync(ct);
    }
}
