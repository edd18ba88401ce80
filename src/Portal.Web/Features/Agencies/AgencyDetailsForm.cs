using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Portal.Domain.Agencies;
using Portal.Domain.Codes;
using Portal.Domain.Common;
using Portal.Domain.Filings;

namespace Portal.Web.Features.Agencies;

/// <summary>What an organ's or people's organisation's applicant types into one of the four agency filings.</summary>
public sealed class AgencyDetailsForm
{
    public string? Name { get; set; }

    public string? SecondName { get; set; }

    /// <summary>First application only: afterwards the category is in the code and never changes.</summary>
    public AgencyCategory? Category { get; set; }

    public string? EstablishingDocument { get; set; }

    public string? Functions { get; set; }

    public string? Address { get; set; }

    public string? PersonInCharge { get; set; }

    public string? PersonInChargeIdNumber { get; set; }

    /// <summary>First application: the old nine-character organisation code, when the body holds one.</summary>
    public string? OldOrganisationCode { get; set; }

    public ReissueCause? ReissueCause { get; set; }

    public string? Explanation { get; set; }

    public static readonly IReadOnlyList<string> FieldOrder =
    [
        nameof(Name), nameof(SecondName), nameof(Category), nameof(EstablishingDocument), nameof(Functions), nameof(Address),
        nameof(PersonInCharge), nameof(PersonInChargeIdNumber), nameof(OldOrganisationCode), nameof(ReissueCause), nameof(Explanation),
    ];

    private static readonly Dictionary<string, (string Label, int Max)> Fields = new()
    {
        [nameof(Name)] = ("Agency.Name", 100),
        [nameof(SecondName)] = ("Agency.SecondName", 100),
        [nameof(EstablishingDocument)] = ("Agency.EstablishingDocument", 100),
        [nameof(Functions)] = ("Agency.Functions", 2000),
        [nameof(Address)] = ("Agency.Address", 200),
        [nameof(PersonInCharge)] = ("Agency.PersonInCharge", 50),
        [nameof(PersonInChargeIdNumber)] = ("Agency.PersonInChargeIdNumber", 18),
        [nameof(OldOrganisationCode)] = ("Agency.OldOrganisationCode", 12),
        [nameof(Explanation)] = ("Filing.Explanation", 2000),
    };

    public static AgencyDetailsForm From(Filing filing)
    {
        var items = filing.AgencyProposed ?? filing.AgencyBase;
        return new AgencyDetailsForm
        {
            Name = items?.Name,
            SecondName = items?.SecondName,
            Category = items?.Category,
            EstablishingDocument = items?.EstablishingDocument,
            Functions = items?.Functions,
            Address = items?.Address,
            PersonInCharge = items?.PersonInCharge,
            PersonInChargeIdNumber = items?.PersonInChargeIdNumber,
            OldOrganisationCode = filing.OldOrganisationCode,
            ReissueCause = filing.ReissueCause,
            Explanation = filing.Explanation,
        };
    }

    /// <summary>The identity number is shown masked; a masked value sent back means "unchanged".</summary>
    public AgencyDetailsForm MaskIdentityNumber()
    {
        if (!string.IsNullOrEmpty(PersonInChargeIdNumber) && !PersonInChargeIdNumber.Contains('*'))
        {
            PersonInChargeIdNumber = IdentityNumberMask.Mask(PersonInChargeIdNumber);
        }

        return this;
    }

    public void KeepStoredIdentityNumber(string? stored)
    {
        if (PersonInChargeIdNumber?.Contains('*') == true)
        {
            PersonInChargeIdNumber = stored;
        }
    }

    /// <summary>Checks every field the kind uses, adding localized messages that name the field. Valid: the filing can be described.</summary>
    public void Validate(FilingKind kind, ModelStateDictionary state, IStringLocalizer l)
    {
        void Error(string field, string key) => state.AddModelError(field, l[key, l[Fields.TryGetValue(field, out var f) ? f.Label : "Agency." + field]]);
        void Text(string field, string? value, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    Error(field, "Validation.Required");
                }
            }
            else if (value.Trim().Length > Fields[field].Max)
            {
                Error(field, "Validation.TooLong");
            }
        }

        foreach (var field in FieldOrder.Where(f => Fields.ContainsKey(f)))
        {
            var value = typeof(AgencyDetailsForm).GetProperty(field)!.GetValue(this) as string;
            if (value?.Length > 10_000)
            {
                Error(field, "Validation.TooLong");
            }
        }

        switch (kind)
        {
            case FilingKind.AgencyFirstApplication or FilingKind.AgencyChange:
                Text(nameof(Name), Name, true);
                Text(nameof(SecondName), SecondName, false);
                Text(nameof(EstablishingDocument), EstablishingDocument, true);
                Text(nameof(Functions), Functions, true);
                Text(nameof(Address), Address, true);
                Text(nameof(PersonInCharge), PersonInCharge, true);
                if (string.IsNullOrWhiteSpace(PersonInChargeIdNumber))
                {
                    Error(nameof(PersonInChargeIdNumber), "Validation.Required");
                }
                else if (!ResidentIdNumber.IsValid(PersonInChargeIdNumber.Trim().ToUpperInvariant()))
                {
                    Error(nameof(PersonInChargeIdNumber), "Validation.IdNumber");
                }

                if (kind == FilingKind.AgencyFirstApplication)
                {
                    if (Category is not { } c || !Enum.IsDefined(c))
                    {
                        Error(nameof(Category), "Validation.Choose");
                    }

                    if (!string.IsNullOrWhiteSpace(OldOrganisationCode)
                        && !UnifiedSocialCreditCode.TryFromOrganisationCode(CodeCategory.Organ, "000000", OldOrganisationCode, out _))
                    {
                        Error(nameof(OldOrganisationCode), "Validation.OldOrganisationCode");
                    }
                }

                Text(nameof(Explanation), Explanation, false);
                break;
            case FilingKind.AgencyReissue:
                if (ReissueCause is not { } cause || !Enum.IsDefined(cause))
                {
                    Error(nameof(ReissueCause), "Validation.Choose");
                }

                Text(nameof(Explanation), Explanation, true);
                break;
            case FilingKind.AgencyCancellation:
                Text(nameof(Explanation), Explanation, true);
                break;
        }
    }

    /// <summary>The items as typed, cleaned; <paramref name="category"/> is the agency's own for a change.</summary>
    public AgencyItems ToItems(AgencyCategory category) => new()
    {
        Name = Clean(Name),
        SecondName = string.IsNullOrWhiteSpace(SecondName) ? null : Clean(SecondName),
        Category = category,
        EstablishingDocument = Clean(EstablishingDocument),
        Functions = Clean(Functions),
        Address = Clean(Address),
        PersonInCharge = Clean(PersonInCharge),
        PersonInChargeIdNumber = Clean(PersonInChargeIdNumber).ToUpperInvariant(),
    };

    public static string Clean(string? value) =>
        new string((value ?? string.Empty).Where(c => !char.IsControl(c) || c is '\n' or '\r').ToArray()).Trim();
}
