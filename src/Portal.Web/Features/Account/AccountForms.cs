using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Features.Account;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorLoginForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(10, MinimumLength = 6, ErrorMessage = "Validation.Code")]
    [Display(Name = "Field.AuthenticatorCode")]
    public string Code { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeLoginForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.RecoveryCode")]
    public string RecoveryCode { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

public sealed class ForgotPasswordForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;
}

public sealed class ResetPasswordForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(2000)]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.CurrentPassword")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string NewPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;

    /// <summary>A current authenticator (or recovery) code, asked for when two-factor is on.</summary>
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.CurrentCode")]
    public string? Code { get; set; }

    /// <summary>Set by the server from the account, never bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool TwoFactorEnabled { get; set; }
}

public sealed class EnableTwoFactorForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.CurrentPassword")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.Code")]
    [Display(Name = "Field.AuthenticatorCode")]
    public string Code { get; set; } = string.Empty;
}

/// <summary>Proof of the second factor before changing it: a current authenticator code or a recovery code.</summary>
public sealed class CurrentFactorForm
{
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.CurrentCode")]
    public string? Code { get; set; }
}

public sealed record TwoFactorViewModel(bool Enabled, bool Required, string SharedKey, string QrSvg, int RecoveryCodesLeft, IReadOnlyList<string>? NewRecoveryCodes, bool MustKeep);

public sealed record AccountViewModel(string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool ReminderEmailsOptOut, string? Mobile = null);
