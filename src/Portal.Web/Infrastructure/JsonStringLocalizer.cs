using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Portal.Web.Infrastructure;

/// <summary>
/// All UI text lives in one embedded file, Resources/strings.json, keyed by an identifier with the
/// Chinese and English side by side ("Key": ["中文", "English"]), so a missing translation is
/// visible at a glance and a test can prove every key has both.
/// </summary>
public sealed class PortalStrings
{
    public const string ResourceName = "Portal.Web.Resources.strings.json";

    private PortalStrings(FrozenDictionary<string, string[]> entries) => Entries = entries;

    public static PortalStrings Instance { get; } = Load();

    public FrozenDictionary<string, string[]> Entries { get; }

    public string? Find(string key, CultureInfo culture)
    {
        if (!Entries.TryGetValue(key, out var pair))
        {
            return null;
        }

        return culture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? pair[1] : pair[0];
    }

    private static PortalStrings Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Embedded strings.json is missing.");
        var entries = JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream)
            ?? throw new InvalidOperationException("strings.json is empty.");
        return new PortalStrings(entries.ToFrozenDictionary());
    }
}

public sealed class JsonStringLocalizer : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = PortalStrings.Instance.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, arguments), template.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        PortalStrings.Instance.Entries.Keys.Select(k => this[k]);
}

public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private static readonly JsonStringLocalizer Localizer = new();

    public IStringLocalizer Create(Type resourceSource) => Localizer;

    public IStringLocalizer Create(string baseName, string location) => Localizer;
}

/// <summary>The marker type views and controllers ask for: <c>IStringLocalizer&lt;SharedResource&gt;</c>.</summary>
public sealed class SharedResource;
