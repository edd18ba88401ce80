using Portal.Domain.Institutions;

namespace Portal.Domain.Filings;

/// <summary>Old → new per registered item.</summary>
public sealed record ItemChange(RegisteredItem Item, string Old, string New);

public static class ItemComparison
{
    public static IReadOnlyList<RegisteredItem> Changed(RegisteredItems before, RegisteredItems after) =>
        Compare(before, after).Where(c => c.Old != c.New).Select(c => c.Item).ToList();

    /// <summary>Every item with its old and new value, as text (start-up capital with two decimals).</summary>
    public static IReadOnlyList<ItemChange> Compare(RegisteredItems before, RegisteredItems after) =>
    [
        new(RegisteredItem.Name, NameText(before), NameText(after)),
        new(RegisteredItem.Domicile, before.Domicile, after.Domicile),
        new(RegisteredItem.PurposeAndScope, before.PurposeAndScope, after.PurposeAndScope),
        new(RegisteredItem.LegalRepresentative, before.LegalRepresentative + " " + before.LegalRepresentativeIdNumber, after.LegalRepresentative + " " + after.LegalRepresentativeIdNumber),
        new(RegisteredItem.FundingSource, before.FundingSourceCode, after.FundingSourceCode),
        new(RegisteredItem.StartupCapital, before.StartupCapital.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), after.StartupCapital.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
        new(RegisteredItem.Sponsor, before.Sponsor, after.Sponsor),
    ];

    private static string NameText(RegisteredItems items) => string.IsNullOrEmpty(items.SecondName) ? items.Name : $"{items.Name}（{items.SecondName}）";
}
