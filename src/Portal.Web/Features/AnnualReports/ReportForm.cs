using System.ComponentModel.DataAnnotations;
using Portal.Domain.AnnualReports;

namespace Portal.Web.Features.AnnualReports;

/// <summary>Every section of the annual report, as typed; amounts in 万元 with two decimals.</summary>
public sealed class ReportForm
{
    [StringLength(4000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.BusinessActivities")]
    public string? BusinessActivities { get; set; }

    [Range(typeof(decimal), "-100000000", "100000000", ErrorMessage = "Validation.Range")]
    [Display(Name = "Report.NetAssetsStart")]
    public decimal? NetAssetsStart { get; set; }

    [Range(typeof(decimal), "-100000000", "100000000", ErrorMessage = "Validation.Range")]
    [Display(Name = "Report.NetAssetsEnd")]
    public decimal? NetAssetsEnd { get; set; }

    [Range(typeof(decimal), "0", "100000000", ErrorMessage = "Validation.Range")]
    [Display(Name = "Report.Income")]
    public decimal? Income { get; set; }

    [Range(typeof(decimal), "0", "100000000", ErrorMessage = "Validation.Range")]
    [Display(Name = "Report.Expenditure")]
    public decimal? Expenditure { get; set; }

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

    [Range(0, 1000000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Report.StaffOnRoll")]
    public int? StaffOnRoll { get; set; }

    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.ConfirmerName")]
    public string? ConfirmerName { get; set; }

    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Report.ConfirmerPost")]
    public string? ConfirmerPost { get; set; }

    [Display(Name = "Report.ConfirmedOn")]
    public DateOnly? ConfirmedOn { get; set; }

    public static ReportForm From(AnnualReport r) => new()
    {
        BusinessActivities = r.Content.BusinessActivities,
        NetAssetsStart = r.Content.NetAssetsStart,
        NetAssetsEnd = r.Content.NetAssetsEnd,
        Income = r.Content.Income,
        Expenditure = r.Content.Expenditure,
        ChangeCompliance = r.Content.ChangeCompliance,
        Performance = r.Content.Performance,
        Litigation = r.Content.Litigation,
        Complaints = r.Content.Complaints,
        Donations = r.Content.Donations,
        OtherMatters = r.Content.OtherMatters,
        Licences = r.Content.Licences,
        StaffOnRoll = r.Content.StaffOnRoll,
        ConfirmerName = r.Confirmation?.ConfirmerName,
        ConfirmerPost = r.Confirmation?.ConfirmerPost,
        ConfirmedOn = r.Confirmation?.ConfirmedOn,
    };

    public ReportContent ToContent() => new()
    {
        BusinessActivities = Clean(BusinessActivities),
        NetAssetsStart = NetAssetsStart,
        NetAssetsEnd = NetAssetsEnd,
        Income = Income,
        Expenditure = Expenditure,
        ChangeCompliance = Clean(ChangeCompliance),
        Performance = Clean(Performance),
        Litigation = Clean(Litigation),
        Complaints = Clean(Complaints),
        Donations = Clean(Donations),
        OtherMatters = Clean(OtherMatters),
        Licences = Clean(Licences),
        StaffOnRoll = StaffOnRoll,
    };

    /// <summary>The sponsor's confirmation when all three parts are given.</summary>
    public SponsorConfirmation? ToConfirmation() =>
        string.IsNullOrWhiteSpace(ConfirmerName) || string.IsNullOrWhiteSpace(ConfirmerPost) || ConfirmedOn is null
            ? null
            : new SponsorConfirmation(Clean(ConfirmerName), Clean(ConfirmerPost), ConfirmedOn.Value);

    /// <summary>Two decimals at most for every amount (万元).</summary>
    public IEnumerable<string> AmountsWithTooManyDecimals()
    {
        foreach (var (name, value) in new[] { (nameof(NetAssetsStart), NetAssetsStart), (nameof(NetAssetsEnd), NetAssetsEnd), (nameof(Income), Income), (nameof(Expenditure), Expenditure) })
        {
            if (value is { } v && decimal.Round(v, 2) != v)
            {
                yield return name;
            }
        }
    }

    private static string Clean(string? value) =>
        new string((value ?? string.Empty).Where(c => !char.IsControl(c) || c is '\n' or '\r').ToArray()).Trim();
}

/// <summary>The report body as shown to its institution and staff, or to the public (confidential sections and the confirmer withheld).</summary>
public sealed record ReportContentView(AnnualReport Report, bool Public);
