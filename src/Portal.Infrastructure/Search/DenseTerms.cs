using System.Collections.Concurrent;

namespace Portal.Infrastructure.Search;

/// <summary>
/// Search terms (with their filters) recently found to match more than <see cref="RegisterSearch.ExactLimit"/>
/// institutions. Such a term is searched by walking the name index at once, without counting its matches
/// again: the count is what costs on PostgreSQL (a GIN index cannot stop early), and a term with thousands of
/// matches does not fall below the limit within minutes. At most 10,000 terms, each for 10 minutes.
/// </summary>
public sealed class DenseTerms(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    public static string Key(string term, RegisterQuery query) =>
        string.Join('\u001f', term, query.Status?.ToString(), query.OfficeId?.ToString(), query.Sponsor?.Trim(), query.FundingSource);

    public bool IsDense(string key) => _until.TryGetValue(key, out var until) && until > clock.GetUtcNow();

    public void Remember(string key)
    {
        if (_until.Count >= Capacity)
        {
            _until.Clear();
        }

        _until[key] = clock.GetUtcNow() + Lifetime;
    }
}
