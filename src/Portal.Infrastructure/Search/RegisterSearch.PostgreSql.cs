using Microsoft.EntityFrameworkCore;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Search;

/// <summary>
/// Name search on PostgreSQL (ADR 0005), the same contract as on SQLite: three characters or more through
/// the pg_trgm GIN index on the stored names (ILIKE), one or two through the two-character grams held as
/// text-search words (a GIN index on <c>to_tsvector('simple', SearchGrams)</c>; one character is a prefix).
/// More than <see cref="ExactLimit"/> matches are walked in name order instead, as on SQLite.
/// </summary>
public sealed partial class RegisterSearch
{
    private async Task<RegisterResult> SearchPostgreSqlAsync(RegisterQuery query, string term, CancellationToken ct)
    {
        var length = new System.Globalization.StringInfo(term).LengthInTextElements;
        var all = db.Institutions.AsNoTracking();
        IQueryable<Institution> matches;
        if (length >= 3)
        {
            var pattern = "%" + EscapeLike(term) + "%";
            matches = all.Where(i => EF.Functions.ILike(EF.Property<string>(i, PortalDbContext.SearchNamesColumn), pattern, "\\"));
        }
        else if (SearchText.IsGrammable(term))
        {
            // Word characters only (IsGrammable), so the text-search query needs no quoting.
            var gram = SearchText.Normalize(term);
            var words = length == 2 ? gram : gram + ":*";
            matches = all.Where(i => EF.Functions.ToTsVector("simple", EF.Property<string>(i, PortalDbContext.SearchGramsColumn) ?? "")
                .Matches(EF.Functions.ToTsQuery("simple", words)));
        }
        else
        {
            return await SearchWithLinqAsync(query, term, ct);
        }

        matches = Filter(matches, query);
        var key = DenseTerms.Key(term, query);
        if (dense?.IsDense(key) != true)
        {
            // Counting up to the limit reads the whole posting list of a common gram (tens of thousands of
            // entries at a million institutions): a term found dense is remembered for a while instead.
            var count = await matches.Take(ExactLimit + 1).CountAsync(ct);
            if (count <= ExactLimit)
            {
                return await PageAsync(matches, query, term, count, ct);
            }

            dense?.Remember(key);
        }

        // Dense matches: names beginning with the query in name order, then names containing it.
        var skip = (query.Page - 1) * query.PageSize;
        var beginning = Filter(all, query).Where(i => i.Current.Name.StartsWith(term));
        var beginningCount = await beginning.Take(ExactLimit + 1).CountAsync(ct);
        var hits = new List<RegisterHit>();
        if (skip < beginningCount)
        {
            hits.AddRange(await HitsAsync(beginning.OrderBy(i => i.Current.Name).ThenBy(i => i.Code).Skip(skip).Take(query.PageSize), term, ct));
        }

        if (hits.Count < query.PageSize)
        {
            var containing = Filter(all, query).Where(i => i.Current.Name.Contains(term) && !i.Current.Name.StartsWith(term));
            hits.AddRange(await HitsAsync(containing.OrderBy(i => i.Current.Name).ThenBy(i => i.Code).Skip(Math.Max(0, skip - beginningCount)).Take(query.PageSize - hits.Count), term, ct));
        }

        return new RegisterResult(hits, ExactLimit, true);
    }

    /// <summary>The hits of one page of institutions, with the former name that matched where neither current name did.</summary>
    private static async Task<List<RegisterHit>> HitsAsync(IQueryable<Institution> page, string term, CancellationToken ct)
    {
        var rows = await page
            .Select(i => new { i.Id, i.Code, i.Current.Name, i.Current.SecondName, i.Status, i.Current.Domicile, i.OfficeId, Names = EF.Property<string>(i, PortalDbContext.SearchNamesColumn) })
            .ToListAsync(ct);
        return rows.Select(r => new RegisterHit(r.Id, r.Code, r.Name, r.SecondName, r.Status, r.Domicile, r.OfficeId, FormerName(term, r.Name, r.SecondName, r.Names))).ToList();
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
