using Portal.Domain.Common;
using Portal.Domain.Institutions;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Shared;

/// <summary>The seven registered items as shown on a page; the identity number is masked unless the viewer is registry staff.</summary>
public sealed record RegisteredItemsViewModel(
    string Name,
    string? SecondName,
    string Domicile,
    string PurposeAndScope,
    string LegalRepresentative,
    string LegalRepresentativeId,
    string FundingSource,
    decimal StartupCapital,
    string Sponsor)
{
    public static RegisteredItemsViewModel From(RegisteredItems items, IReadOnlyDictionary<string, (string Zh, string En)> fundingNames, bool showFullIdentityNumber) => new(
        items.Name,
        items.SecondName,
        items.Domicile,
        items.PurposeAndScope,
        items.LegalRepresentative,
        showFullIdentityNumber ? items.LegalRepresentativeIdNumber : IdentityNumberMask.Mask(items.LegalRepresentativeIdNumber),
        fundingNames.TryGetValue(items.FundingSourceCode, out var f) ? Cultures.Pick(f.Zh, f.En) : items.FundingSourceCode,
        items.StartupCapital,
        items.Sponsor);
}
