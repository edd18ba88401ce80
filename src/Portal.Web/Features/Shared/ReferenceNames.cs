using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Shared;

/// <summary>Bilingual names of reference data, read once per request.</summary>
public static class ReferenceNames
{
    public static async Task<IReadOnlyDictionary<string, (string Zh, string En)>> FundingSourcesAsync(PortalDbContext db, CancellationToken ct) =>
        (await db.FundingSources.AsNoTracking().Select(f => new { f.Code, f.NameZh, f.NameEn }).ToListAsync(ct))
            .ToDictionary(f => f.Code, f => (f.NameZh, f.NameEn));
}
