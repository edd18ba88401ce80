using System.ComponentModel.DataAnnotations;
using Portal.Domain.Calendar;

namespace Portal.Web.Features.Admin;

public sealed class FundingSourceForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [RegularExpression("^[A-Z0-9_]{1,20}$", ErrorMessage = "Admin.CodeFormat")]
    [Display(Name = "Field.ReferenceCode")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.NameZh")]
    public string NameZh { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.NameEn")]
    public string NameEn { get; set; } = string.Empty;

    [Range(0, 10000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.SortOrder")]
    public int SortOrder { get; set; }

    [Display(Name = "Field.Active")]
    public bool IsActive { get; set; } = true;

    public bool IsNew { get; set; }
}

public sealed class CalendarDayForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.DayKind")]
    public CalendarDayKind? Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.NameZh")]
    public string NameZh { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.NameEn")]
    public string NameEn { get; set; } = string.Empty;
}

public sealed class RegionForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [RegularExpression("^[0-9]{6}$", ErrorMessage = "Admin.RegionFormat")]
    [Display(Name = "Field.RegionCode")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.NameZh")]
    public string NameZh { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.NameEn")]
    public string NameEn { get; set; } = string.Empty;
}

public sealed record AdminHomeViewModel(int Offices, int Users, int FundingSources, int CalendarDays, int Regions);

public sealed record FundingSourceRow(string Code, string NameZh, string NameEn, int SortOrder, bool IsActive);

public sealed record CalendarViewModel(int Year, IReadOnlyList<int> Years, IReadOnlyList<CalendarDay> Days, CalendarDayForm Form);

public sealed record RegionsViewModel(IReadOnlyList<RegionForm> Regions, RegionForm Form);
