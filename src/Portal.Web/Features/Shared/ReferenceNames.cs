using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Shared;

/// <summary>
/// Names of reference data (funding sources, offices) that almost every public page prints: read once and
/// kept, per app (per database), for <see cref="Lifetime"/> or until a commit changes them
/// (<see cref="Portal.Web.Infrastructure.RegisterChangeInterceptor"/>). Two queries less on every profile,
/// search and API call.
/// </summary>
public static class ReferenceNames
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly ConditionalWeakTable<IDbContextOptions, Entry> Caches = new();

    public static async Task<IReadOnlyDictionary<string, (string Zh, string En)>> FundingSourcesAsync(PortalDbContext db, CancellationToken ct)
    {
        var entry = Caches.GetOrCreateValue(db.GetService<IDbContextOptions>());
        if (entry.Funding is { } cached && DateTime.UtcNow - cached.At < Lifetime)
        {
            return cached.Names;
        }

        var names = (await db.FundingSources.AsNoTracking().Select(f => new { f.Code, f.NameZh, f.NameEn }).ToListAsync(ct))
            .ToDictionary(f => f.Code, f => (f.NameZh, f.NameEn));
        entry.Funding = (names, DateTime.UtcNow);
        return names;
    }

    public static async Task<IReadOnlyDictionary<Guid, (string Zh, string En)>> OfficesAsync(PortalDbContext db, CancellationToken ct)
    {
        var entry = Caches.GetOrCreateValue(db.GetService<IDbContextOptions>());
        if (entry.Offices is { } cached && DateTime.UtcNow - cached.At < Lifetime)
        {
            return cached.Names;
        }

        var names = (await db.Offices.AsNoTracking().Select(o => new { o.Id, o.NameZh, o.NameEn }).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => (o.NameZh, o.NameEn));
        entry.Offices = (names, DateTime.UtcNow);
        return names;
    }

    /// <summary>Forgets the app's cached names (after a commit that changed reference data).</summary>
    public static void Invalidate(DbContext db) => Caches.Remove(db.GetService<IDbContextOptions>());

    private sealed class Entry
    {
        public (IReadOnlyDictionary<string, (string Zh, string En)> Names, DateTime At)? Funding { get; set; }

        public (IReadOnlyDictionary<Guid, (string Zh, string En)> Names, DateTime At)? Offices { get; set; }
    }
}
