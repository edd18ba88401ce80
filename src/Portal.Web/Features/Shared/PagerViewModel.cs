namespace Portal.Web.Features.Shared;

/// <summary>Page links that keep the rest of the query string.</summary>
public sealed record PagerViewModel(int Page, int PageSize, int Total, string Path, IReadOnlyDictionary<string, string?> Query)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static int Clamp(int page) => page < 1 ? 1 : Math.Min(page, 100_000);

    public string Href(int page)
    {
        var parts = Query.Where(kv => !string.IsNullOrEmpty(kv.Value) && kv.Key != "page")
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value!)}")
            .Append($"page={page}");
        return Path + "?" + string.Join('&', parts);
    }
}
