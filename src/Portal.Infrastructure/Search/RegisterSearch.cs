using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Search;

public sealed record RegisterQuery(string Text, InstitutionStatus? Status = null, Guid? OfficeId = null, string? Sponsor = null, string? FundingSource = null, int Page = 1, int PageSize = 20);

public sealed record RegisterHit(Guid Id, string Code, string Name, string? SecondName, InstitutionStatus Status, string Domicile, Guid OfficeId, string? FormerName);

/// <param name="Total">How many institutions match; when <paramref name="TotalIsLowerBound"/> there are at least that many.</param>
public sealed record RegisterResult(IReadOnlyList<RegisterHit> Hits, int Total, bool TotalIsLowerBound);

/// <summary>
/// Name search over the whole register (ADR 0003). Three characters or more go through the FTS5
/// trigram index, one or two through the gram index. Ordering is by relevance (exact name, then names
/// beginning with the query, then names containing it, then former names only), then by name.
/// A query matching more than <see cref="ExactLimit"/> institutions (学校 in a national register) is
/// answered by walking the name index instead, which is fast precisely because matches are dense;
/// its total is then shown as "more than …".
/// </summary>
public sealed partial class RegisterSearch(PortalDbContext db, DenseTerms? dense = null)
{
    public const int ExactLimit = 5000;

    public async Task<RegisterResult> SearchNamesAsync(RegisterQuery query, CancellationToken ct = default)
    {
        // Control characters cannot be in a name, and a NUL would end FTS5's query string early.
        var term = new string(query.Text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (term.Length == 0)
        {
            return new RegisterResult([], 0, false);
        }

        if (db.Database.IsNpgsql())
        {
            return await SearchPostgreSqlAsync(query, term, ct);
        }

        if (!db.Database.IsSqlite())
        {
            return await SearchWithLinqAsync(query, term, ct);
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var filters = new Filters(query);
            var length = new System.Globalization.StringInfo(term).LengthInTextElements;
            string? fts = null;
            string? match = null;
            if (length >= 3)
            {
                fts = "InstitutionNamesFts";
                match = "\"" + term.Replace("\"", "\"\"") + "\"";
            }
            else if (SearchText.IsGrammable(term))
            {
                fts = "InstitutionGramsFts";
                var gram = SearchText.Normalize(term);
                match = length == 2 ? "\"" + gram + "\"" : "\"" + gram + "\"*";
            }

            var skip = (query.Page - 1) * query.PageSize;
            if (fts is not null)
            {
                var join = $"JOIN InstitutionSearchKeys k ON k.Key = {fts}.rowid JOIN Institutions i ON i.Id = k.InstitutionId";
                var count = await ScalarAsync(connection, $"SELECT count(*) FROM (SELECT 1 FROM {fts} {(filters.Any ? join : string.Empty)} WHERE {fts} MATCH @m {filters.Sql} LIMIT {ExactLimit + 1})",
                    filters.With(("@m", match!)), ct);
                if (count <= ExactLimit)
                {
                    var rows = await ReadAsync(connection, $"""
                        SELECT i.Id, i.Code, i.Name, i.SecondName, i.Status, i.Domicile, i.OfficeId, i.SearchNames FROM {fts} {join}
                        WHERE {fts} MATCH @m {filters.Sql}
                        ORDER BY CASE WHEN i.Name = @t THEN 0 WHEN substr(i.Name, 1, length(@t)) = @t THEN 1
                                      WHEN instr(i.Name, @t) > 0 OR instr(coalesce(i.SecondName, ''), @t) > 0 THEN 2 ELSE 3 END, i.Name, i.Code
                        LIMIT @take OFFSET @skip
                        """, filters.With(("@m", match!), ("@t", term), ("@take", query.PageSize), ("@skip", skip)), term, ct);
                    return new RegisterResult(rows, (int)count, false);
                }
            }

            // Dense matches: walk the name index in order, names beginning with the query first.
            var prefix = "i.Name >= @t AND i.Name < @t || char(1114111)";
            var prefixCount = await ScalarAsync(connection, $"SELECT count(*) FROM (SELECT 1 FROM Institutions i WHERE {prefix} {filters.Sql} LIMIT {ExactLimit + 1})", filters.With(("@t", term)), ct);
            var hits = new List<RegisterHit>();
            if (skip < prefixCount)
            {
                hits.AddRange(await ReadAsync(connection, $"SELECT i.Id, i.Code, i.Name, i.SecondName, i.Status, i.Domicile, i.OfficeId, i.SearchNames FROM Institutions i INDEXED BY IX_Institutions_Name WHERE {prefix} {filters.Sql} ORDER BY i.Name LIMIT @take OFFSET @skip",
                    filters.With(("@t", term), ("@take", query.PageSize), ("@skip", skip)), term, ct));
            }

            if (hits.Count < query.PageSize)
            {
                hits.AddRange(await ReadAsync(connection, $"SELECT i.Id, i.Code, i.Name, i.SecondName, i.Status, i.Domicile, i.OfficeId, i.SearchNames FROM Institutions i INDEXED BY IX_Institutions_Name WHERE instr(i.Name, @t) > 0 AND NOT ({prefix}) {filters.Sql} ORDER BY i.Name LIMIT @take OFFSET @skip",
                    filters.With(("@t", term), ("@take", query.PageSize - hits.Count), ("@skip", Math.Max(0, skip - prefixCount))), term, ct));
            }

            return new RegisterResult(hits, fts is null ? hits.Count + skip : ExactLimit, fts is not null);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>SQL Server (and any other provider): the substring test on the stored names; with full-text installed, narrowed by the gram index first.</summary>
    private async Task<RegisterResult> SearchWithLinqAsync(RegisterQuery query, string term, CancellationToken ct)
    {
        var q = db.Institutions.AsNoTracking().Where(i => EF.Property<string>(i, PortalDbContext.SearchNamesColumn).Contains(term));
        if (db.Database.IsSqlServer() && SearchText.IsGrammable(term) && await HasFullTextIndexAsync(ct))
        {
            // Narrow by the gram index first (ADR 0003); the LIKE above confirms the exact substring.
            var grams = SearchText.Grams(SearchText.Normalize(term)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var condition = new System.Globalization.StringInfo(term).LengthInTextElements == 1
                ? "\"" + grams[0] + "*\""
                : string.Join(" AND ", grams.Where(g => g.Length > 1 || grams.Length == 1).Select(g => "\"" + g + "\""));
            q = q.Where(i => EF.Functions.Contains(EF.Property<string>(i, PortalDbContext.SearchGramsColumn), condition));
        }

        return await PageAsync(Filter(q, query), query, term, null, ct);
    }

    private static IQueryable<Institution> Filter(IQueryable<Institution> q, RegisterQuery query)
    {
        if (query.Status is { } st)
        {
            q = q.Where(i => i.Status == st);
        }

        if (query.OfficeId is { } o)
        {
            q = q.Where(i => i.OfficeId == o);
        }

        if (!string.IsNullOrWhiteSpace(query.Sponsor))
        {
            var sp = query.Sponsor.Trim();
            q = q.Where(i => i.Current.Sponsor == sp);
        }

        if (!string.IsNullOrWhiteSpace(query.FundingSource))
        {
            var funding = query.FundingSource.Trim();
            q = q.Where(i => i.Current.FundingSourceCode == funding);
        }

        return q;
    }

    /// <summary>One page by relevance (exact name, name beginning with the query, name containing it, former names only), then name.</summary>
    private static async Task<RegisterResult> PageAsync(IQueryable<Institution> q, RegisterQuery query, string term, int? knownTotal, CancellationToken ct)
    {
        var total = knownTotal ?? await q.CountAsync(ct);
        var page = q.OrderBy(i => i.Current.Name == term ? 0 : i.Current.Name.StartsWith(term) ? 1 : i.Current.Name.Contains(term) || (i.Current.SecondName ?? "").Contains(term) ? 2 : 3).ThenBy(i => i.Current.Name).ThenBy(i => i.Code)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize);
        return new RegisterResult(await HitsAsync(page, term, ct), total, false);
    }

    private static bool? _fullText;

    private async Task<bool> HasFullTextIndexAsync(CancellationToken ct) => _fullText ??= await db.Database
        .SqlQueryRaw<int>("SELECT CASE WHEN EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('Institutions')) THEN 1 ELSE 0 END AS [Value]")
        .SingleAsync(ct) == 1;

    /// <summary>The former name that matched, when neither current name did.</summary>
    public static string? FormerName(string term, string name, string? secondName, string? names)
    {
        if (name.Contains(term, StringComparison.OrdinalIgnoreCase) || (secondName?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false) || names is null)
        {
            return null;
        }

        var normalized = SearchText.Normalize(term);
        return names.Split('\n').LastOrDefault(n => n != name && n != secondName && SearchText.Normalize(n).Contains(normalized, StringComparison.Ordinal));
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, IEnumerable<(string, object)> parameters, CancellationToken ct)
    {
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<RegisterHit>> ReadAsync(DbConnection connection, string sql, IEnumerable<(string, object)> parameters, string term, CancellationToken ct)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var hits = new List<RegisterHit>();
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(2);
            var second = reader.IsDBNull(3) ? null : reader.GetString(3);
            hits.Add(new RegisterHit(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), name, second, Enum.Parse<InstitutionStatus>(reader.GetString(4)), reader.GetString(5),
                Guid.Parse(reader.GetString(6)), FormerName(term, name, second, reader.IsDBNull(7) ? null : reader.GetString(7))));
        }

        return hits;
    }

    private static DbCommand Command(DbConnection connection, string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return command;
    }

    /// <summary>The optional filters as SQL over alias i, with their parameters.</summary>
    private sealed class Filters
    {
        private readonly List<(string, object)> _parameters = [];

        public Filters(RegisterQuery query)
        {
            var sql = new System.Text.StringBuilder();
            if (query.Status is { } status)
            {
                sql.Append(" AND i.Status = @status");
                _parameters.Add(("@status", status.ToString()));
            }

            if (query.OfficeId is { } office)
            {
                sql.Append(" AND i.OfficeId = @office");
                _parameters.Add(("@office", office.ToString().ToUpperInvariant()));
            }

            if (!string.IsNullOrWhiteSpace(query.Sponsor))
            {
                sql.Append(" AND i.Sponsor = @sponsor"); // the full name: an index lookup, never a scan
                _parameters.Add(("@sponsor", query.Sponsor.Trim()));
            }

            if (!string.IsNullOrWhiteSpace(query.FundingSource))
            {
                sql.Append(" AND i.FundingSourceCode = @funding");
                _parameters.Add(("@funding", query.FundingSource.Trim()));
            }

            Sql = sql.ToString();
        }

        public string Sql { get; }

        public bool Any => Sql.Length > 0;

        public IEnumerable<(string, object)> With(params (string, object)[] more) => _parameters.Concat(more);
    }
}

/// <summary>
/// Fills the search columns of institutions written before they existed (the triggers then index them).
/// Once done it records so in a counter row: looking for rows without search columns reads the whole
/// register, which at a million rows would slow every start.
/// </summary>
public static class SearchBackfill
{
    public const string DoneKey = "search-backfill:done";

    public static async Task<int> RunAsync(PortalDbContext db, CancellationToken ct = default)
    {
        if (await db.Counters.AnyAsync(c => c.Key == DoneKey, ct))
        {
            return 0;
        }

        var done = 0;
        while (true)
        {
            var batch = await db.Institutions.AsNoTracking().Where(i => EF.Property<string?>(i, PortalDbContext.SearchNamesColumn) == null)
                .Select(i => new { i.Id, i.Current.Name, i.Current.SecondName }).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                db.Counters.Add(new Counter { Key = DoneKey, Value = 1 });
                await db.SaveChangesAsync(ct);
                return done;
            }

            var ids = batch.Select(b => b.Id).ToList();
            var former = (await db.InstitutionVersions.AsNoTracking().Where(v => ids.Contains(v.InstitutionId))
                    .Select(v => new { v.InstitutionId, v.Number, v.Items.Name, v.Items.SecondName }).ToListAsync(ct))
                .ToLookup(v => v.InstitutionId);
            foreach (var b in batch)
            {
                var names = former[b.Id].OrderBy(v => v.Number).SelectMany(v => new[] { v.Name, v.SecondName }).Concat([b.Name, b.SecondName]).ToArray();
                var text = SearchText.AppendNames(null, names);
                await db.Institutions.Where(i => i.Id == b.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(i => EF.Property<string?>(i, PortalDbContext.SearchNamesColumn), text)
                    .SetProperty(i => EF.Property<string?>(i, PortalDbContext.SearchGramsColumn), SearchText.Grams(text)), ct);
            }

            done += batch.Count;
        }
    }
}
