using System.ComponentModel.DataAnnotations;
using Portal.Domain.AnnualReports;
using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Domain.Common;

namespace Portal.Web.Features.AnnualReports;

/// <summary>
/// Every section of the annual report, as typed; amounts in 万元 with two decimals. Numbers are kept as the text that was
/// typed (a form field, or a JSON number or string from the API) and read by <see cref="PlainNumber"/>, the same in every culture.
/// </summary>
public sealed class ReportForm
{
    [StringLength(4000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.BusinessActivities")]
    public string? BusinessActivities { get; set; }

    [Display(Name = "Report.NetAssetsStart")]
    [JsonConverter(typeof(NumberAsTextConverter))]
    public string? NetAssetsStart { get; set; }

    [Display(Name = "Report.NetAssetsEnd")]
    [JsonConverter(typeof(NumberAsTextConverter))]
    public string? NetAssetsEnd { get; set; }

    [Display(Name = "Report.Income")]
    [JsonConverter(typeof(NumberAsTextConverter))]
    public string? Income { get; set; }

    [Display(Name = "Report.Expenditure")]
    [JsonConverter(typeof(NumberAsTextConverter))]
    public string? Expenditure { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.ChangeCompliance")]
    public string? ChangeCompliance { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.Performance")]
    public string? Performance { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.Litigation")]
    public string? Litigation { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.Complaints")]
    public string? Complaints { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.Donations")]
    public string? Donations { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.OtherMatters")]
    public string? OtherMatters { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.Licences")]
    public string? Licences { get; set; }

    [Display(Name = "Report.StaffOnRoll")]
    [JsonConverter(typeof(NumberAsTextConverter))]
    public string? StaffOnRoll { get; set; }

    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.ConfirmerName")]
    public string? ConfirmerName { get; set; }

    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.ConfirmerPost")]
    public string? ConfirmerPost { get; set; }

    [Display(Name = "Report.ConfirmedOn")]
    public DateOnly? ConfirmedOn { get; set; }

    /// <summary>The form as saved, with any text that could not be read shown again exactly as it was typed.</summary>
    public static ReportForm From(AnnualReport r)
    {
        var form = FromContent(r);
        if (r.UnreadInput is { } unread && JsonSerializer.Deserialize<Dictionary<string, string>>(unread) is { } typed)
        {
            foreach (var (field, text) in typed)
            {
                switch (field)
                {
                    case nameof(NetAssetsStart): form.NetAssetsStart = text; break;
                    case nameof(NetAssetsEnd): form.NetAssetsEnd = text; break;
                    case nameof(Income): form.Income = text; break;
                    case nameof(Expenditure): form.Expenditure = text; break;
                    case nameof(StaffOnRoll): form.StaffOnRoll = text; break;
                }
            }
        }

        return form;
    }

    /// <summary>The typed text of each number that could not be read (JSON), or null when every number was read.</summary>
    public string? UnreadInput()
    {
        var unread = NumberProblems().ToDictionary(p => p.Field, p => Numbers().First(n => n.Name == p.Field).Text ?? string.Empty);
        return unread.Count == 0 ? null : JsonSerializer.Serialize(unread, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static ReportForm FromContent(AnnualReport r) => new()
    {
        BusinessActivities = r.Content.BusinessActivities,
        NetAssetsStart = PlainNumber.Format(r.Content.NetAssetsStart, 2),
        NetAssetsEnd = PlainNumber.Format(r.Content.NetAssetsEnd, 2),
        Income = PlainNumber.Format(r.Content.Income, 2),
        Expenditure = PlainNumber.Format(r.Content.Expenditure, 2),
        ChangeCompliance = r.Content.ChangeCompliance,
        Performance = r.Content.Performance,
        Litigation = r.Content.Litigation,
        Complaints = r.Content.Complaints,
        Donations = r.Content.Donations,
        OtherMatters = r.Content.OtherMatters,
        Licences = r.Content.Licences,
        StaffOnRoll = r.Content.StaffOnRoll?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ConfirmerName = r.Confirmation?.ConfirmerName,
        ConfirmerPost = r.Confirmation?.ConfirmerPost,
        ConfirmedOn = r.Confirmation?.ConfirmedOn,
    };

    /// <summary>The content to save; a number that could not be read keeps its <paramref name="previous"/> value (its text stays in the form with a message).</summary>
    /// <summary>
    /// A fingerprint of the saved content: the browser's unsaved copy of the form (form-keeper.js) is offered back only while it
    /// was typed over this very version — after a save (new content) the old copy is discarded; an upload leaves it.
    /// </summary>
    public static string VersionOf(AnnualReport report)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(From(report));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)))[..16];
    }

    public ReportContent ToContent(ReportContent? previous = null) => new()
    {
        BusinessActivities = Clean(BusinessActivities),
        NetAssetsStart = Read(NetAssetsStart, 2, -MaxAmount, previous?.NetAssetsStart),
        NetAssetsEnd = Read(NetAssetsEnd, 2, -MaxAmount, previous?.NetAssetsEnd),
        Income = Read(Income, 2, 0m, previous?.Income),
        Expenditure = Read(Expenditure, 2, 0m, previous?.Expenditure),
        ChangeCompliance = Clean(ChangeCompliance),
        Performance = Clean(Performance),
        Litigation = Clean(Litigation),
        Complaints = Clean(Complaints),
        Donations = Clean(Donations),
        OtherMatters = Clean(OtherMatters),
        Licences = Clean(Licences),
        StaffOnRoll = Read(StaffOnRoll, 0, 0m, previous?.StaffOnRoll) is { } staff ? (int)staff : null,
    };

    /// <summary>The sponsor's confirmation when all three parts are given.</summary>
    public SponsorConfirmation? ToConfirmation() =>
        string.IsNullOrWhiteSpace(ConfirmerName) || string.IsNullOrWhiteSpace(ConfirmerPost) || ConfirmedOn is null
            ? null
            : new SponsorConfirmation(Clean(ConfirmerName), Clean(ConfirmerPost), ConfirmedOn.Value);

    /// <summary>The largest amount a report can carry (万元), and the largest count.</summary>
    public const decimal MaxAmount = 99_999_999.99m;

    public const decimal MaxCount = 1_000_000m;

    /// <summary>
    /// Each typed number that cannot be read exactly (field name, message), in page order. Amounts: two decimals at most, net
    /// assets may be negative; the staff count a whole number. A blank number is no error (a draft may leave it open).
    /// </summary>
    public IEnumerable<(string Field, NumberProblem Problem, int Decimals, string Example)> NumberProblems()
    {
        foreach (var (name, text, decimals, min, max, example) in Numbers())
        {
            var problem = PlainNumber.TryParse(text, decimals, min, max, out _);
            if (problem is not (NumberProblem.None or NumberProblem.Empty))
            {
                yield return (name, problem, decimals, example);
            }
        }
    }

    /// <summary>Adds each number that cannot be read as a message naming its field (<paramref name="prefix"/>: "Report." in the API).</summary>
    public void AddNumberErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, Microsoft.Extensions.Localization.IStringLocalizer l, string prefix = "")
    {
        foreach (var (field, problem, decimals, example) in NumberProblems())
        {
            modelState.AddModelError(prefix + field, Portal.Web.Infrastructure.NumberMessages.For(problem, l, l["Report." + field], decimals, example));
        }
    }

    private IEnumerable<(string Name, string? Text, int Decimals, decimal Min, decimal Max, string Example)> Numbers() =>
    [
        (nameof(NetAssetsStart), NetAssetsStart, 2, -MaxAmount, MaxAmount, "120.5"),
        (nameof(NetAssetsEnd), NetAssetsEnd, 2, -MaxAmount, MaxAmount, "120.5"),
        (nameof(Income), Income, 2, 0m, MaxAmount, "86.25"),
        (nameof(Expenditure), Expenditure, 2, 0m, MaxAmount, "80"),
        (nameof(StaffOnRoll), StaffOnRoll, 0, 0m, MaxCount, "25"),
    ];

    /// <summary>The typed number; blank reads as no value, a refused one as <paramref name="previous"/>.</summary>
    private static decimal? Read(string? text, int decimals, decimal min, decimal? previous) =>
        PlainNumber.TryParse(text, decimals, min, decimals == 0 ? MaxCount : MaxAmount, out var value) switch
        {
            NumberProblem.None => value,
            NumberProblem.Empty => null,
            _ => previous,
        };

    /// <summary>The fields whose problems still let the rest of a draft be saved.</summary>
    public static readonly IReadOnlySet<string> NumberAndDateFields =
        new HashSet<string> { nameof(NetAssetsStart), nameof(NetAssetsEnd), nameof(Income), nameof(Expenditure), nameof(StaffOnRoll), nameof(ConfirmedOn) };

    private static string Clean(string? value) =>
        new string((value ?? string.Empty).Where(c => !char.IsControl(c) || c is '\n' or '\r').ToArray()).Trim();
}

/// <summary>The report body as shown to its institution and staff, or to the public (confidential sections and the confirmer withheld).</summary>
public sealed record ReportContentView(AnnualReport Report, bool Public);

/// <summary>An API client may send an amount as a JSON number (120.5) or a string ("120.5"): both are kept as their text.</summary>
public sealed class NumberAsTextConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException("A number was expected."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
