using Microsoft.AspNetCore.Authentication;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Identity;
using Portal.Web.Infrastructure;
using QRCoder;

namespace Portal.Web.Features.Account;

[Route("account")]
public class AccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    IPasswordHasher<PortalUser> hasher,
    PortalDbContext db,
    EmailOutbox outbox,
    IOptions<PortalOptions> portal,
    IStringLocalizer<SharedResource> l,
    AccountThrottle throttle) : Controller
{
    // A hash computed once so that an unknown e-mail costs the same time as a wrong password
    // (otherwise response timing tells an attacker which accounts exist).
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<PortalUser>().HashPassword(new PortalUser(), "not-a-real-password-" + Guid.NewGuid()));

    /// <summary>Logins go into the audit log by account id (never the password, never what was typed for an unknown account).</summary>
    private async Task AuditLoginAsync(string action, PortalUser? user, string? detail)
    {
        db.ChangeTracker.Clear(); // the sign-in manager saved its own changes already
        var previous = db.Actor;
        db.Actor = new LoginActor(user?.Id, user?.DisplayName ?? "anonymous", HttpContext.Connection.RemoteIpAddress?.ToString());
        db.RecordAct(action, "Account", user?.Id ?? "-", user?.OfficeId, detail);
        await db.SaveChangesAsync();
        db.Actor = previous;
    }

    private sealed record LoginActor(string? UserId, string Name, string? Address) : Portal.Infrastructure.Audit.IAuditActor;

    [HttpGet("")]
    [Authorize]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return NotFound();
        }

        var roles = await users.GetRolesAsync(user);
        return View(new AccountViewModel(user.Email!, user.DisplayName, [.. roles], user.TwoFactorEnabled, user.ReminderEmailsOptOut));
    }

    /// <summary>Annual-report reminders by email on or off; the portal inbox always gets them.</summary>
    [HttpPost("reminder-emails")]
    [Authorize]
    public async Task<IActionResult> ReminderEmails(bool send)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return NotFound();
        }

        user.ReminderEmailsOptOut = !send;
        await users.UpdateAsync(user);
        TempData["Flash"] = "Common.Saved";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (!throttle.TryAcquire("login:" + form.Email, out var wait))
        {
            return TooManyAttempts(nameof(Login), form, wait);
        }

        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is null)
        {
            hasher.VerifyHashedPassword(new PortalUser(), DummyHash.Value, form.Password);
            await AuditLoginAsync("login.failed", null, "unknown account");
            return LoginFailed(form);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        await AuditLoginAsync(result.Succeeded ? "login.success" : result.RequiresTwoFactor ? "login.password-ok" : result.IsLockedOut ? "login.locked-out" : "login.failed", user, null);
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = form.ReturnUrl });
        }

        if (!result.Succeeded)
        {
            // Locked out, wrong password and unknown user all read the same.
            return LoginFailed(form);
        }

        return await RedirectAfterLoginAsync(user, form.ReturnUrl);
    }

    [HttpGet("login-2fa")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new TwoFactorLoginForm { ReturnUrl = returnUrl });

    [HttpPost("login-2fa")]
    [AllowAnonymous]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorLoginForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (!throttle.TryAcquire("2fa:" + user.Id, out var wait))
        {
            return TooManyAttempts(nameof(LoginTwoFactor), form, wait);
        }

        var code = form.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        await AuditLoginAsync(result.Succeeded ? "login.success" : "login.two-factor-failed", user, "two-factor");
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(form.Code), l["Account.InvalidCode"]);
            return View(form);
        }

        return await RedirectAfterLoginAsync(user, form.ReturnUrl);
    }

    [HttpGet("login-recovery")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginRecovery(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new RecoveryCodeLoginForm { ReturnUrl = returnUrl });

    [HttpPost("login-recovery")]
    [AllowAnonymous]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> LoginRecovery(RecoveryCodeLoginForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (!throttle.TryAcquire("2fa:" + user.Id, out var wait))
        {
            return TooManyAttempts(nameof(LoginRecovery), form, wait);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(form.RecoveryCode), l["Account.InvalidCode"]);
            return View(form);
        }

        return await RedirectAfterLoginAsync(user, form.ReturnUrl);
    }

    /// <summary>Asks staff for a fresh two-factor code before a decisive act (<see cref="StepUpFilter"/>).</summary>
    [HttpGet("step-up")]
    [Authorize]
    public IActionResult StepUp(string? returnUrl) => View(new TwoFactorLoginForm { ReturnUrl = returnUrl });

    [HttpPost("step-up")]
    [Authorize]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> StepUp(TwoFactorLoginForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!throttle.TryAcquire("2fa:" + user.Id, out var wait))
        {
            return TooManyAttempts(nameof(StepUp), form, wait);
        }

        var code = (form.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(form.Code), l["Account.InvalidCode"]);
            return View(form);
        }

        // Same session (its start time and absolute limit unchanged), now freshly verified.
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var properties = current.Properties ?? new AuthenticationProperties();
        StepUpFilter.Stamp(properties, HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, current.Principal!, properties);
        await AuditLoginAsync("account.step-up", user, null);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/registry");
    }

    [HttpPost("logout")]
    [AllowAnonymous]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied() => StatusCode(StatusCodes.Status403Forbidden);

    [HttpGet("forgot-password")]
    [AllowAnonymous]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password")]
    [AllowAnonymous]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Auth)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (!throttle.TryAcquire("reset:" + form.Email, out var wait))
        {
            return TooManyAttempts(nameof(ForgotPassword), form, wait);
        }

        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is not null && !await users.IsLockedOutAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = ResetLink(user.Email!, token);
            outbox.Enqueue(user.Email!, l["Email.PasswordReset.Subject"], l["Email.PasswordReset.Body", user.DisplayName, link], "password-reset");
            await db.SaveChangesAsync();
        }

        // Same answer whether or not the address has an account.
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
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Auth)]
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
        TempData["Flash"] = "Account.PasswordResetDone";
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("change-password")]
    [Authorize]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("change-password")]
    [Authorize]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await CurrentUserAsync();
        if (user is null)
        {
            return NotFound();
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            AddIdentityErrors(result, nameof(form.NewPassword), invalidTokenKey: null);
            return View(form);
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Account.PasswordChanged";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("two-factor")]
    [Authorize]
    public async Task<IActionResult> TwoFactor(bool required = false)
    {
        var user = await CurrentUserAsync();
        return user is null ? NotFound() : View(await TwoFactorModelAsync(user, required, null));
    }

    [HttpPost("two-factor/enable")]
    [Authorize]
    public async Task<IActionResult> EnableTwoFactor(EnableTwoFactorForm form)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return NotFound();
        }

        var code = form.Code?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal) ?? string.Empty;
        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(form.Code), l["Account.InvalidCode"]);
            }

            return View(nameof(TwoFactor), await TwoFactorModelAsync(user, false, null));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        return View(nameof(TwoFactor), await TwoFactorModelAsync(user, false, codes));
    }

    [HttpPost("two-factor/recovery-codes")]
    [Authorize]
    public async Task<IActionResult> NewRecoveryCodes()
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

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        return View(nameof(TwoFactor), await TwoFactorModelAsync(user, false, codes));
    }

    [HttpPost("two-factor/disable")]
    [Authorize]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Account.TwoFactor.Disabled";
        return RedirectToAction(nameof(TwoFactor));
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
        return new TwoFactorViewModel(user.TwoFactorEnabled, required, grouped, svg, left, newCodes);
    }

    private IActionResult LoginFailed(LoginForm form)
    {
        ModelState.AddModelError(string.Empty, l["Account.LoginFailed"]);
        form.Password = string.Empty;
        return View(nameof(Login), form);
    }

    /// <summary>Too many attempts for one account: the form again, with when to retry, as 429 with Retry-After.</summary>
    private ViewResult TooManyAttempts(string view, object form, TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        ModelState.AddModelError(string.Empty, l["Account.TooManyAttempts", minutes]);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return View(view, form);
    }

    private async Task<IActionResult> RedirectAfterLoginAsync(PortalUser user, string? returnUrl)
    {
        if (Url.IsLocalUrl(returnUrl))
        {
            return LocalRedirect(returnUrl);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return LocalRedirect(principal.HomePath());
    }

    private string ResetLink(string email, string token)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return portal.Value.Url($"/account/reset-password?email={Uri.EscapeDataString(email)}&code={code}");
    }

    private Task<PortalUser?> CurrentUserAsync() => users.GetUserAsync(User);

    private void AddIdentityErrors(IdentityResult result, string field, string? invalidTokenKey)
    {
        foreach (var error in result.Errors.DefaultIfEmpty(new IdentityError { Code = "InvalidToken" }))
        {
            var key = error.Code switch
            {
                "InvalidToken" when invalidTokenKey is not null => invalidTokenKey,
                "PasswordMismatch" => "Account.CurrentPasswordWrong",
                "PasswordTooShort" => "Account.PasswordTooShort",
                CommonPasswordValidator.ErrorCode => "Account.PasswordCommon",
                _ => "Account.PasswordRejected",
            };
            ModelState.AddModelError(field, l[key]);
        }
    }
}
