using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Portal.Web.Infrastructure;

public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    /// <summary>
    /// Read-only (cached) cultures: the localization middleware hands out CultureInfo.ReadOnly of the
    /// supported culture it matched, which clones a writable one on every request and makes .NET rebuild
    /// its number and date formats through ICU each time — a third of a verify scan's CPU for any browser
    /// that sends Accept-Language.
    /// </summary>
    public static readonly CultureInfo[] Supported = [CultureInfo.GetCultureInfo(Chinese), CultureInfo.GetCultureInfo(English)];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>Picks the Chinese or English form of a bilingual value stored in the database.</summary>
    public static string Pick(string zh, string en) => IsEnglish ? en : zh;
}

/// <summary>
/// Maps Accept-Language to the two supported cultures by language alone: "en", "en-GB" → en-US;
/// "zh", "zh-TW", "zh-Hans" → zh-CN. The built-in provider only matches exact or parent cultures.
/// </summary>
public sealed class LanguageOnlyAcceptLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var languages = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? string.Empty;
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Cultures.Chinese));
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Cultures.English));
            }
        }

        return NullProviderCultureResult;
    }
}
