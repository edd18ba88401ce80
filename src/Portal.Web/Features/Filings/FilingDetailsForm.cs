using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;

namespace Portal.Web.Features.Filings;

/// <summary>Everything an applicant can type into a filing; which parts apply depends on the filing's kind.</summary>
public sealed class FilingDetailsForm
{
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Item.Name")]
    public string? Name { get; set; }

    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Item.SecondName")]
    public string? SecondName { get; set; }

    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Item.Domicile")]
    public string? Domicile { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Item.PurposeAndScope")]
    public string? PurposeAndScope { get; set; }

    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Item.LegalRepresentative")]
    public string? LegalRepresentative { get; set; }

    [StringLength(18, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Item.LegalRepresentativeId")]
    public string? LegalRepresentativeIdNumber { get; set; }

    [StringLength(20)]
    [Display(Name = "Item.FundingSource")]
    public string? FundingSourceCode { get; set; }

    [Range(typeof(decimal), "0", "100000000", ErrorMessage = "Validation.Range")]
    [Display(Name = "Item.StartupCapital")]
    public decimal? StartupCapital { get; set; }

    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Item.Sponsor")]
    public string? Sponsor { get; set; }

    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Filing.ApprovalDocumentNumber")]
    public string? ApprovalDocumentNumber { get; set; }

    [Display(Name = "Filing.ApprovalDocumentDate")]
    public DateOnly? ApprovalDocumentDate { get; set; }

    [Range(0, 100000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Filing.StaffingQuota")]
    public int? StaffingQuota { get; set; }

    [Display(Name = "Filing.PlannedMoveDate")]
    public DateOnly? PlannedMoveDate { get; set; }

    [Display(Name = "Filing.DeregistrationReason")]
    public DeregistrationReason? DeregistrationReason { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Filing.Explanation")]
    public string? Explanation { get; set; }

    public static FilingDetailsForm From(Filing filing)
    {
        var items = filing.Proposed ?? filing.Base;
        return new FilingDetailsForm
        {
            Name = items?.Name,
            SecondName = items?.SecondName,
            Domicile = items?.Domicile,
            PurposeAndScope = items?.PurposeAndScope,
            LegalRepresentative = items?.LegalRepresentative,
            LegalRepresentativeIdNumber = items?.LegalRepresentativeIdNumber,
            FundingSourceCode = items?.FundingSourceCode,
            StartupCapital = items?.StartupCapital,
            Sponsor = items?.Sponsor,
            ApprovalDocumentNumber = filing.ApprovalDocumentNumber,
            ApprovalDocumentDate = filing.ApprovalDocumentDate,
            StaffingQuota = filing.StaffingQuota,
            PlannedMoveDate = filing.PlannedMoveDate,
            DeregistrationReason = filing.DeregistrationReason,
            Explanation = filing.Explanation,
        };
    }

    public RegisteredItems ToItems() => new()
    {
        Name = Clean(Name),
        SecondName = string.IsNullOrWhiteSpace(SecondName) ? null : Clean(SecondName),
        Domicile = Clean(Domicile),
        PurposeAndScope = Clean(PurposeAndScope),
        LegalRepresentative = Clean(LegalRepresentative),
        LegalRepresentativeIdNumber = Clean(LegalRepresentativeIdNumber).ToUpperInvariant(),
        FundingSourceCode = Clean(FundingSourceCode),
        StartupCapital = StartupCapital ?? 0m,
        Sponsor = Clean(Sponsor),
    };

    /// <summary>Adds the errors that depend on the filing's kind. <paramref name="fundingCodes"/>: the active funding sources.</summary>
    public void Validate(FilingKind kind, ModelStateDictionary modelState, IReadOnlyCollection<string> fundingCodes, DateOnly today, IStringLocalizer l)
    {
        var state = new Errors(modelState, l);
        if (kind is FilingKind.Setup or FilingKind.Change)
        {
            Require(state, nameof(Name), Name);
            Require(state, nameof(Domicile), Domicile);
            Require(state, nameof(PurposeAndScope), PurposeAndScope);
            Require(state, nameof(LegalRepresentative), LegalRepresentative);
            Require(state, nameof(Sponsor), Sponsor);
            if (!ResidentIdNumber.IsValid(LegalRepresentativeIdNumber?.Trim()))
            {
                state.AddModelError(nameof(LegalRepresentativeIdNumber), "Validation.IdNumber");
            }

            if (FundingSourceCode is null || !fundingCodes.Contains(FundingSourceCode))
            {
                state.AddModelError(nameof(FundingSourceCode), "Validation.Choose");
            }

            if (StartupCapital is null)
            {
                state.AddModelError(nameof(StartupCapital), "Validation.Required");
            }
            else if (decimal.Round(StartupCapital.Value, 2) != StartupCapital.Value)
            {
                state.AddModelError(nameof(StartupCapital), "Validation.TwoDecimals");
            }
        }

        if (kind == FilingKind.Setup)
        {
            Require(state, nameof(ApprovalDocumentNumber), ApprovalDocumentNumber);
            if (ApprovalDocumentDate is null)
            {
                state.AddModelError(nameof(ApprovalDocumentDate), "Validation.Required");
            }
            else if (ApprovalDocumentDate > today || ApprovalDocumentDate < new DateOnly(1949, 10, 1))
            {
                state.AddModelError(nameof(ApprovalDocumentDate), "Validation.DateNotFuture");
            }
        }

        if (kind == FilingKind.Change && PlannedMoveDate is { } move && (move.Year < 2000 || move.Year > 2100))
        {
            state.AddModelError(nameof(PlannedMoveDate), "Validation.DateRange");
        }

        if (kind == FilingKind.Deregistration)
        {
            if (DeregistrationReason is null || !Enum.IsDefined(DeregistrationReason.Value))
            {
                state.AddModelError(nameof(DeregistrationReason), "Validation.Choose");
            }

            Require(state, nameof(Explanation), Explanation);
        }

        if (kind == FilingKind.CertificateReissue)
        {
            Require(state, nameof(Explanation), Explanation);
        }
    }

    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(Name)] = "Item.Name",
        [nameof(Domicile)] = "Item.Domicile",
        [nameof(PurposeAndScope)] = "Item.PurposeAndScope",
        [nameof(LegalRepresentative)] = "Item.LegalRepresentative",
        [nameof(LegalRepresentativeIdNumber)] = "Item.LegalRepresentativeId",
        [nameof(FundingSourceCode)] = "Item.FundingSource",
        [nameof(StartupCapital)] = "Item.StartupCapital",
        [nameof(Sponsor)] = "Item.Sponsor",
        [nameof(ApprovalDocumentNumber)] = "Filing.ApprovalDocumentNumber",
        [nameof(ApprovalDocumentDate)] = "Filing.ApprovalDocumentDate",
        [nameof(PlannedMoveDate)] = "Filing.PlannedMoveDate",
        [nameof(DeregistrationReason)] = "Filing.DeregistrationReason",
        [nameof(Explanation)] = "Filing.Explanation",
    };

    /// <summary>Adds errors as localized sentences naming the field.</summary>
    private sealed class Errors(ModelStateDictionary state, IStringLocalizer l)
    {
        public void AddModelError(string field, string key) => state.AddModelError(field, l[key, l[Labels[field]]]);
    }

    private static void Require(Errors state, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            state.AddModelError(field, "Validation.Required");
        }
    }

    /// <summary>Trims and removes control characters (keeping line breaks in long texts).</summary>
    private static string Clean(string? value) =>
        new string((value ?? string.Empty).Where(c => !char.IsControl(c) || c is '\n' or '\r').ToArray()).Trim();
}
