using Portal.Domain.Common;
using Portal.Domain.Institutions;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Shared;

/// <summary>
/// How a page shows the legal representative's identity number (README, "Identity numbers"): in full only to staff of the office
/// that registers the institution; masked to the institution's own users; not at all on public pages.
/// </summary>
public enum IdentityNumberView
{
    Full,
    Masked,
    Hidden,
}

/// <summary>The seven registered items as shown on a page; the identity number as <see cref="IdentityNumberView"/> says.</summary>
public sealed record RegisteredItemsViewModel(
    string Name,
    string? SecondName,
    string Domicile,
    string PurposeAndScope,
    string LegalRepresentative,
    string? LegalRepresentativeId,
    string FundingSource,
    decimal StartupCapital,
    string Sponsor)
{
    public static RegisteredItemsViewModel From(RegisteredItems items, IReadOnlyDictionary<string, (string Zh, string En)> fundingNames, IdentityNumberView identityNumber) => new(
        items.Name,
        items.SecondName,
        items.Domicile,
        items.PurposeAndScope,
        items.LegalRepresentative,
        identityNumber switch
        {
            IdentityNumberView.Full => items.LegalRepresentativeIdNumber,
            IdentityNumberView.Masked => IdentityNumberMask.Mask(items.LegalRepresentativeIdNumber),
            _ => null,
        },
        fundingNames.TryGetValue(items.FundingSourceCode, out var f) ? Cultures.Pick(f.Zh, f.En) : items.FundingSourceCode,
        items.StartupCapital,
        items.Sponsor);
}
