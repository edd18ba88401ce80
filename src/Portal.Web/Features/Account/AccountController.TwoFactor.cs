using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Infrastructure.Identity;
using Portal.Web.Infrastructure;
using QRCoder;

namespace Portal.Web.Features.Account;

/// <summary>
/// The second factor: enrol, new recovery codes, reset the authenticator, turn it off. Every change asks
/// for a current factor (a code, or the password to enrol) and is audited: someone holding only a
/// session cookie must not be able to take over or weaken the account (issue 12, finding 3).
/// </summary>
public partial class AccountController
{
    [HttpGet("two-factor")]
    [Authorize]
    public async Task<IActionResult> TwoFactor(bool required = false)
    {
        var user = await CurrentUserAsync();
        return user is null ? NotFound() : View(await TwoFactorModelAsync(user, required, null));
    }

    /// <summary>Enrolling needs the password too: otherwise a stolen session could bind the account to the thief's phone.</summary>
    [HttpPost("two-factor/enable")]
    [Authorize]
    [EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> EnableTwoFactor(EnableTwoFactorForm form)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return NotFound();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(TwoFactor));
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(TwoFactor), await TwoFactorModelAsync(user, false, null));
        }

        if (!throttle.TryAcquire("factor:" + user.Id, out var wait))
        {
            return TooManyAttempts(nameof(TwoFactor), await TwoFactorModelAsync(user, false, null), wait);
        }

        if (!await users.CheckPasswordAsync(user, form.Password))
        {
            ModelState.AddModelError(nameof(form.Password), l["Account.CurrentPasswordWrong"]);
            await AuditAccountAsync("account.factor-failed", user, "enable two-factor");
            return View(nameof(TwoFactor), await TwoFactorModelAsync(user, false, null));
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NormalizeCode(form.Code)))
        {
            ModelState.AddModelError(nameof(form.Code), l["Account.InvalidCode"]);
            return View(nameof(TwoFactor), await TwoFactorModelAsync(user, false, null));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await EndOtherSessionsAsync(user, "two-factor");
        await signIn.RefreshSignInAsync(user);
        await AuditAccountAsync("account.two-factor-enabled", user, null);
        return View(nameof(TwoFactor), await TwoFactorModelAsync(user, false, codes));
    }

    [HttpPost("two-factor/recovery-codes")]
    [Authorize]
    [EnableRateLimiting(RateLimits.Auth)]
    public Task<IActionResult> NewRecoveryCodes(CurrentFactorForm form) => WithCurrentFactorAsync(form, "recovery codes", async user =>
    {
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        await AuditAccountAsync("account.recovery-codes", user, null);
        return View(nameof(TwoFactor), await TwoFactorModelAsync(user, false, codes));
    });

    /// <summary>Staff cannot turn two-factor off while the office requires it of them.</summary>
    [HttpPost("two-factor/disable")]
    [Authorize]
    [EnableRateLimiting(RateLimits.Auth)]
    public Task<IActionResult> DisableTwoFactor(CurrentFactorForm form) => WithCurrentFactorAsync(form, "disable two-factor", async user =>
    {
        if (MustKeepTwoFactor())
        {
            TempData["Error"] = "Account.TwoFactor.RequiredCannotDisable";
            return RedirectToAction(nameof(TwoFactor));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await EndOtherSessionsAsync(user, "two-factor");
        await signIn.RefreshSignInAsync(user);
        await AuditAccountAsync("account.two-factor-disabled", user, null);
        TempData["Flash"] = "Account.TwoFactor.Disabled";
        return RedirectToAction(nameof(TwoFactor));
    });

    /// <summary>A new authenticator key (a new phone): two-factor is off until the new app is enrolled, which staff must do at once.</summary>
    [HttpPost("two-factor/reset")]
    [Authorize]
    [EnableRateLimiting(RateLimits.Auth)]
    public Task<IActionResult> ResetAuthenticator(CurrentFactorForm form) => WithCurrentFactorAsync(form, "reset authenticator", async user =>
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await EndOtherSessionsAsync(user, "two-factor");
        await signIn.RefreshSignInAsync(user);
        await AuditAccountAsync("account.authenticator-reset", user, null);
        TempData["Flash"] = "Account.TwoFactor.ResetDone";
        return RedirectToAction(nameof(TwoFactor), new { required = MustKeepTwoFactor() ? true : (bool?)null });
    });

    private bool MustKeepTwoFactor() =>
        portal.Value.RequireStaffTwoFactor && (User.IsInRole(Roles.Registrar) || User.IsInRole(Roles.RegistrySupervisor) || User.IsInRole(Roles.Administrator));

    /// <summary>Runs a second-factor change only when the form carries a current code (or a recovery code).</summary>
    private async Task<IActionResult> WithCurrentFactorAsync(CurrentFactorForm form, string what, Func<PortalUser, Task<IActionResult>> change)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return NotFound();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(TwoFactor));
        }

        if (!throttle.TryAcquire("factor:" + user.Id, out var wait))
        {
            return TooManyAttempts(nameof(TwoFactor), await TwoFactorModelAsync(user, false, null), wait);
        }

        if (!await VerifyCodeAsync(user, form.Code))
        {
            ModelState.AddModelError(nameof(form.Code), l["Account.InvalidCode"]);
            await AuditAccountAsync("account.factor-failed", user, what);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(TwoFactor), await TwoFactorModelAsync(user, false, null));
        }

        return await change(user);
    }

    /// <summary>A current authenticator code, or one of the recovery codes (spent by this use).</summary>
    private async Task<bool> VerifyCodeAsync(PortalUser user, string? code)
    {
        var value = NormalizeCode(code);
        if (value.Length == 0)
        {
            return false;
        }

        if (value.Length == 6 && value.All(char.IsAsciiDigit))
        {
            return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, value);
        }

        // Recovery codes are stored as written ("xxxxx-xxxxx"): only spaces are forgiven.
        return (await users.RedeemTwoFactorRecoveryCodeAsync(user, (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal))).Succeeded;
    }

    private async Task<TwoFactorViewModel> TwoFactorModelAsync(PortalUser user, bool required, IReadOnlyList<string>? newCodes)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;

            // A new key changes the security stamp: re-issue this session's cookie so it stays valid.
            await signIn.RefreshSignInAsync(user);
        }

        var issuer = UrlEncoder.Default.Encode("Portal");
        var uri = $"otpauth://totp/{issuer}:{UrlEncoder.Default.Encode(user.Email!)}?secret={key}&issuer={issuer}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        var grouped = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var left = user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return new TwoFactorViewModel(user.TwoFactorEnabled, required, grouped, svg, left, newCodes, MustKeepTwoFactor());
    }
}
