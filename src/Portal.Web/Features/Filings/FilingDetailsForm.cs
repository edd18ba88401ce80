using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Web.Infrastructure;

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

    /// <summary>开办资金 in 万元 as typed; read by <see cref="PlainNumber"/> (never by the culture's number rules).</summary>
    [Display(Name = "Item.StartupCapital")]
    public string? StartupCapital { get; set; }

    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Item.Sponsor")]
    public string? Sponsor { get; set; }

    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Filing.ApprovalDocumentNumber")]
    public string? ApprovalDocumentNumber { get; set; }

    [Display(Name = "Filing.ApprovalDocumentDate")]
    public DateOnly? ApprovalDocumentDate { get; set; }

    [Display(Name = "Filing.StaffingQuota")]
    public string? StaffingQuota { get; set; }

    [Display(Name = "Filing.PlannedMoveDate")]
    public DateOnly? PlannedMoveDate { get; set; }

    [Display(Name = "Filing.DeregistrationReason")]
    public DeregistrationReason? DeregistrationReason { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Filing.Explanation")]
    public string? Explanation { get; set; }

    /// <summary>The form as last saved: the draft exactly as typed when it did not pass the checks, else the described items.</summary>
    public static FilingDetailsForm From(Filing filing)
    {
        if (filing.DraftInput is { } draft && JsonSerializer.Deserialize<FilingDetailsForm>(draft, DraftJson) is { } typed)
        {
            return typed;
        }

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
            StartupCapital = items is null ? null : PlainNumber.Format(items.StartupCapital, 2),
            Sponsor = items?.Sponsor,
            ApprovalDocumentNumber = filing.ApprovalDocumentNumber,
            ApprovalDocumentDate = filing.ApprovalDocumentDate,
            StaffingQuota = filing.StaffingQuota?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PlannedMoveDate = filing.PlannedMoveDate,
            DeregistrationReason = filing.DeregistrationReason,
            Explanation = filing.Explanation,
        };
    }

    private static readonly JsonSerializerOptions DraftJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The typed input to keep as a draft (each text capped at 4,000 characters).</summary>
    public string ToDraftInput()
    {
        static string? Cap(string? v) => v is { Length: > 4000 } ? v[..4000] : v;
        return JsonSerializer.Serialize(new FilingDetailsForm
        {
            Name = Cap(Name), SecondName = Cap(SecondName), Domicile = Cap(Domicile), PurposeAndScope = Cap(PurposeAndScope),
            LegalRepresentative = Cap(LegalRepresentative), LegalRepresentativeIdNumber = Cap(LegalRepresentativeIdNumber),
            FundingSourceCode = Cap(FundingSourceCode), StartupCapital = Cap(StartupCapital), Sponsor = Cap(Sponsor),
            ApprovalDocumentNumber = Cap(ApprovalDocumentNumber), ApprovalDocumentDate = ApprovalDocumentDate, StaffingQuota = Cap(StaffingQuota),
            PlannedMoveDate = PlannedMoveDate, DeregistrationReason = DeregistrationReason, Explanation = Cap(Explanation),
        }, DraftJson);
    }

    /// <summary>The identity number as an applicant sees it in the form: masked (the full number is for the registering office only).</summary>
    public FilingDetailsForm MaskIdentityNumber()
    {
        if (!string.IsNullOrEmpty(LegalRepresentativeIdNumber) && !LegalRepresentativeIdNumber.Contains('*'))
        {
            LegalRepresentativeIdNumber = IdentityNumberMask.Mask(LegalRepresentativeIdNumber);
        }

        return this;
    }

    /// <summary>A masked number posted back unchanged keeps the stored one; only a newly typed full number replaces it.</summary>
    public void KeepStoredIdentityNumber(string? stored)
    {
        if (LegalRepresentativeIdNumber?.Contains('*') == true)
        {
            LegalRepresentativeIdNumber = stored;
        }
    }

    /// <summary>Start-up capital and staffing quota as read by <see cref="Validate"/>.</summary>
    public decimal? StartupCapitalValue { get; private set; }

    public int? StaffingQuotaValue { get; private set; }

    public RegisteredItems ToItems() => new()
    {
        Name = Clean(Name),
        SecondName = string.IsNullOrWhiteSpace(SecondName) ? null : Clean(SecondName),
        Domicile = Clean(Domicile),
        PurposeAndScope = Clean(PurposeAndScope),
        LegalRepresentative = Clean(LegalRepresentative),
        LegalRepresentativeIdNumber = Clean(LegalRepresentativeIdNumber).ToUpperInvariant(),
        FundingSourceCode = Clean(FundingSourceCode),
        StartupCapital = StartupCapitalValue ?? 0m,
        Sponsor = Clean(Sponsor),
    };

    /// <summary>
    /// Adds the errors that depend on the filing's kind. <paramref name="fundingCodes"/>: the active funding sources.
    /// <paramref name="complete"/>: false for a draft, where empty fields are fine and only what was typed wrongly is reported.
    /// </summary>
    public void Validate(FilingKind kind, ModelStateDictionary modelState, IReadOnlyCollection<string> fundingCodes, DateOnly today, IStringLocalizer l, bool complete = true)
    {
        var state = new Errors(modelState, l, complete);
        if (kind is FilingKind.Setup or FilingKind.Change)
        {
            Require(state, nameof(Name), Name);
            Require(state, nameof(Domicile), Domicile);
            Require(state, nameof(PurposeAndScope), PurposeAndScope);
            Require(state, nameof(LegalRepresentative), LegalRepresentative);
            if (string.IsNullOrWhiteSpace(LegalRepresentativeIdNumber))
            {
                state.Missing(nameof(LegalRepresentativeIdNumber), "Validation.Required");
            }
            else if (!ResidentIdNumber.IsValid(LegalRepresentativeIdNumber.Trim().ToUpperInvariant()))
            {
                state.AddModelError(nameof(LegalRepresentativeIdNumber), "Validation.IdNumber");
            }

            if (string.IsNullOrEmpty(FundingSourceCode))
            {
                state.Missing(nameof(FundingSourceCode), "Validation.Choose");
            }
            else if (!fundingCodes.Contains(FundingSourceCode))
            {
                state.AddModelError(nameof(FundingSourceCode), "Validation.Choose");
            }

            StartupCapitalValue = state.Number(nameof(StartupCapital), StartupCapital, 2, 0m, 99_999_999.99m, "50 或 12.5", "50 or 12.5");
            Require(state, nameof(Sponsor), Sponsor);
        }

        if (kind == FilingKind.Setup)
        {
            Require(state, nameof(ApprovalDocumentNumber), ApprovalDocumentNumber);
            if (ApprovalDocumentDate is null)
            {
                state.Missing(nameof(ApprovalDocumentDate), "Validation.Required");
            }
            else if (ApprovalDocumentDate > today || ApprovalDocumentDate < new DateOnly(1949, 10, 1))
            {
                state.AddModelError(nameof(ApprovalDocumentDate), "Validation.DateNotFuture");
            }

            if (state.Number(nameof(StaffingQuota), StaffingQuota, 0, 0m, 100_000m, "8", "8", required: false) is { } quota)
            {
                StaffingQuotaValue = (int)quota;
            }
        }

        if (kind == FilingKind.Change && PlannedMoveDate is { } move && (move.Year < 2000 || move.Year > 2100))
        {
            state.AddModelError(nameof(PlannedMoveDate), "Validation.DateRange");
        }

        if (kind == FilingKind.Deregistration)
        {
            if (DeregistrationReason is null)
            {
                state.Missing(nameof(DeregistrationReason), "Validation.Choose");
            }
            else if (!Enum.IsDefined(DeregistrationReason.Value))
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

    /// <summary>The fields in the order they appear on the edit page.</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        nameof(Name), nameof(SecondName), nameof(Domicile), nameof(PurposeAndScope), nameof(LegalRepresentative), nameof(LegalRepresentativeIdNumber),
        nameof(FundingSourceCode), nameof(StartupCapital), nameof(Sponsor), nameof(ApprovalDocumentNumber), nameof(ApprovalDocumentDate),
        nameof(StaffingQuota), nameof(PlannedMoveDate), nameof(DeregistrationReason), nameof(Explanation),
    ];

    /// <summary>Where on the edit page a problem found before submission is fixed.</summary>
    public static string FieldFor(SubmissionProblem problem) => problem.Code switch
    {
        FilingErrors.AttachmentMissing => MaterialSlot.FieldName(Enum.Parse<AttachmentKind>(problem.Detail!)),
        FilingErrors.MoveDateMissing => nameof(PlannedMoveDate),
        FilingErrors.DeregistrationReasonMissing => nameof(DeregistrationReason),
        FilingErrors.ExplanationMissing => nameof(Explanation),
        FilingErrors.DraftUnchecked => "main",
        _ => nameof(Name),
    };

    /// <summary>The field of the edit page that holds a registered item.</summary>
    public static string FieldFor(RegisteredItem item) => item switch
    {
        RegisteredItem.FundingSource => nameof(FundingSourceCode),
        _ => item.ToString(),
    };

    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(Name)] = "Item.Name",
        [nameof(Domicile)] = "Item.Domicile",
        [nameof(PurposeAndScope)] = "Item.PurposeAndScope",
        [nameof(LegalRepresentative)] = "Item.LegalRepresentative",
        [nameof(LegalRepresentativeIdNumber)] = "Item.LegalRepresentativeId",
        [nameof(FundingSourceCode)] = "Item.FundingSource",
        [nameof(StartupCapital)] = "Item.StartupCapital",
        [nameof(StaffingQuota)] = "Filing.StaffingQuota",
        [nameof(Sponsor)] = "Item.Sponsor",
        [nameof(ApprovalDocumentNumber)] = "Filing.ApprovalDocumentNumber",
        [nameof(ApprovalDocumentDate)] = "Filing.ApprovalDocumentDate",
        [nameof(PlannedMoveDate)] = "Filing.PlannedMoveDate",
        [nameof(DeregistrationReason)] = "Filing.DeregistrationReason",
        [nameof(Explanation)] = "Filing.Explanation",
    };

    /// <summary>Adds errors as localized sentences naming the field; in a draft, a missing value is no error.</summary>
    private sealed class Errors(ModelStateDictionary state, IStringLocalizer l, bool complete)
    {
        public void AddModelError(string field, string key) => state.AddModelError(field, l[key, l[Labels[field]]]);

        public void Missing(string field, string key)
        {
            if (complete)
            {
                AddModelError(field, key);
            }
        }

        public decimal? Number(string field, string? text, int decimals, decimal min, decimal max, string exampleZh, string exampleEn, bool required = true)
        {
            var problem = PlainNumber.TryParse(text, decimals, min, max, out var value);
            var label = l[Labels[field]];
            switch (problem)
            {
                case NumberProblem.None:
                    return value;
                case NumberProblem.Empty:
                    if (required)
                    {
                        Missing(field, "Validation.Required");
                    }

                    return null;
                default:
                    state.AddModelError(field, NumberMessages.For(problem, l, label, decimals, Cultures.Pick(exampleZh, exampleEn)));
                    return null;
            }
        }
    }

    private static void Require(Errors state, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            state.Missing(field, "Validation.Required");
        }
    }

    /// <summary>Trims and removes control characters (keeping line breaks in long texts).</summary>
    private static string Clean(string? value) =>
        new string((value ?? string.Empty).Where(c => !char.IsControl(c) || c is '\n' or '\r').ToArray()).Trim();
}
