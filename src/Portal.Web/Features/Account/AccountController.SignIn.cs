using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Infrastructure.Identity;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Account;

/// <summary>Signing in (password, then a code), step-up before decisive acts, and signing out.</summary>
public partial class AccountController
{
    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.Auth)]
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
            // The same one hash verification as every other path (PortalSignInManager), so the answer's
            // timing does not tell an attacker which addresses have accounts.
            hasher.VerifyHashedPassword(new PortalUser(), decoy.Value, form.Password);
            await AuditAccountAsync("login.failed", null, "unknown account");
            return LoginFailed(form);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        await AuditAccountAsync(result.Succeeded ? "login.success" : result.RequiresTwoFactor ? "login.password-ok" : result.IsLockedOut ? "login.locked-out" : "login.failed", user, null);
        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = form.ReturnUrl });
        }

        if (!result.Succeeded)
        {
            // Locked out, disabled, no password yet, wrong password and unknown user all read the same.
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
    [EnableRateLimiting(RateLimits.Auth)]
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

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(NormalizeCode(form.Code), isPersistent: false, rememberClient: false);
        await AuditAccountAsync(result.Succeeded ? "login.success" : "login.two-factor-failed", user, "two-factor");
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
    [EnableRateLimiting(RateLimits.Auth)]
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
        await AuditAccountAsync(result.Succeeded ? "login.success" : "login.two-factor-failed", user, "recovery code");
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
    [EnableRateLimiting(RateLimits.Auth)]
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

        if (!ModelState.IsValid || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NormalizeCode(form.Code)))
        {
            ModelState.AddModelError(nameof(form.Code), l["Account.InvalidCode"]);
            return View(form);
        }

        // Same session (its id, start time and absolute limit unchanged), now freshly verified.
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var properties = current.Properties ?? new AuthenticationProperties();
        StepUpFilter.Stamp(properties, HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, current.Principal!, properties);
        await AuditAccountAsync("account.step-up", user, null);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/registry");
    }

    [HttpPost("logout")]
    [AllowAnonymous]
    public async Task<IActionResult> Logout()
    {
        // Ends the session on the server, not only the cookie: a kept copy of the cookie is then worthless.
        await SessionRevalidation.SignOutAsync(HttpContext);
        return LocalRedirect("/");
    }

    private IActionResult LoginFailed(LoginForm form)
    {
        ModelState.AddModelError(string.Empty, l["Account.LoginFailed"]);
        form.Password = string.Empty;
        return View(nameof(Login), form);
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
}
