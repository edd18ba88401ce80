using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Infrastructure.Identity;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Account;

/// <summary>A forgotten password (a link by e-mail) and changing one's own password.</summary>
public partial class AccountController
{
    [HttpGet("forgot-password")]
    [AllowAnonymous]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Auth)]
    public IActionResult ForgotPassword(ForgotPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (!throttle.TryAcquire("reset:" + form.Email, out var wait))
        {
            return TooManyAttempts(nameof(ForgotPassword), form, wait);
        }

        // The lookup, the token and the e-mail happen behind the response (PasswordResetQueue): the
        // answer and its timing are the same whether or not the address has an account.
        resets.Enqueue(form.Email.Trim(), System.Globalization.CultureInfo.CurrentUICulture.Name);
        return RedirectToAction(nameof(ForgotPasswordSent));
    }

    [HttpGet("forgot-password/sent")]
    [AllowAnonymous]
    public IActionResult ForgotPasswordSent() => View();

    [HttpGet("reset-password")]
    [AllowAnonymous]
    public IActionResult ResetPassword(string? email, string? code) =>
        string.IsNullOrEmpty(code) ? NotFound() : View(new ResetPasswordForm { Email = email ?? string.Empty, Code = code });

    [HttpPost("reset-password")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email.Trim());
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(form.Code));
        }
        catch (FormatException)
        {
            token = string.Empty;
        }

        var result = user is null ? IdentityResult.Failed() : await users.ResetPasswordAsync(user, token, form.Password);
        if (!result.Succeeded)
        {
            AddIdentityErrors(result, nameof(form.Password), invalidTokenKey: "Account.ResetLinkInvalid");
            return View(form);
        }

        await users.ResetAccessFailedCountAsync(user!);
        await UserSessions.EndOthersAsync(db, user!.Id, keep: null, "password", DateTime.UtcNow);
        await AuditAccountAsync("account.password-reset", user, null);
        TempData["Flash"] = "Account.PasswordResetDone";
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("change-password")]
    [Authorize]
    public async Task<IActionResult> ChangePassword() =>
        await CurrentUserAsync() is { } user ? View(new ChangePasswordForm { TwoFactorEnabled = user.TwoFactorEnabled }) : NotFound();

    /// <summary>Needs the current password and, when two-factor is on, a current code: a session cookie alone is not enough.</summary>
    [HttpPost("change-password")]
    [Authorize]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return NotFound();
        }

        form.TwoFactorEnabled = user.TwoFactorEnabled;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (!throttle.TryAcquire("factor:" + user.Id, out var wait))
        {
            return TooManyAttempts(nameof(ChangePassword), form, wait);
        }

        if (user.TwoFactorEnabled && !await VerifyCodeAsync(user, form.Code))
        {
            ModelState.AddModelError(nameof(form.Code), l["Account.InvalidCode"]);
            await AuditAccountAsync("account.factor-failed", user, "change password");
            return View(form);
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            AddIdentityErrors(result, nameof(form.NewPassword), invalidTokenKey: null);
            await AuditAccountAsync("account.factor-failed", user, "change password");
            return View(form);
        }

        await EndOtherSessionsAsync(user, "password");
        await signIn.RefreshSignInAsync(user);
        await AuditAccountAsync("account.password-changed", user, null);
        TempData["Flash"] = "Account.PasswordChanged";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>After a password or second-factor change, every other session of the account ends at once.</summary>
    private async Task EndOtherSessionsAsync(PortalUser user, string reason)
    {
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await UserSessions.EndOthersAsync(db, user.Id, SessionRevalidation.SessionId(current.Properties), reason, DateTime.UtcNow);
    }
}
