using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Identity;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Account;

/// <summary>
/// A person's own account. Split by what it does: signing in and out (AccountController.SignIn.cs),
/// passwords (AccountController.Passwords.cs) and the second factor (AccountController.TwoFactor.cs).
/// </summary>
[Route("account")]
public partial class AccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    IPasswordHasher<PortalUser> hasher,
    DecoyPasswordHash decoy,
    PortalDbContext db,
    PasswordResetQueue resets,
    IOptions<PortalOptions> portal,
    IStringLocalizer<SharedResource> l,
    AccountThrottle throttle) : Controller
{
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
        return View(new AccountViewModel(user.Email!, user.DisplayName, [.. roles], user.TwoFactorEnabled, user.ReminderEmailsOptOut, user.PhoneNumber));
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

    /// <summary>
    /// The person's mobile number (mainland, 11 digits starting 1); blank removes it. Its last four digits let the
    /// applicant look up a setup filing's progress without signing in.
    /// </summary>
    [HttpPost("mobile")]
    [Authorize]
    public async Task<IActionResult> Mobile(string? mobile)
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return NotFound();
        }

        var digits = mobile is null ? null : new string(mobile.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (!string.IsNullOrEmpty(digits) && !MobileNumber.IsValid(digits))
        {
            TempData["Error"] = "Error.BadMobile";
            return RedirectToAction(nameof(Index));
        }

        user.PhoneNumber = string.IsNullOrEmpty(digits) ? null : digits;
        user.PhoneNumberConfirmed = false;
        await users.UpdateAsync(user);
        await AuditAccountAsync("account.mobile", user, null);
        TempData["Flash"] = "Common.Saved";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("access-denied")]
    [AllowAnonymous]
    public IActionResult AccessDenied() => StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>Account acts go into the audit log by account id (never the password, never what was typed for an unknown account).</summary>
    private async Task AuditAccountAsync(string action, PortalUser? user, string? detail)
    {
        db.ChangeTracker.Clear(); // the sign-in and user managers saved their own changes already
        var previous = db.Actor;
        db.Actor = new AccountActor(user?.Id, user?.DisplayName ?? "anonymous", HttpContext.Connection.RemoteIpAddress?.ToString());
        db.RecordAct(action, "Account", user?.Id ?? "-", user?.OfficeId, detail);
        await db.SaveChangesAsync();
        db.Actor = previous;
    }

    private sealed record AccountActor(string? UserId, string Name, string? Address) : Portal.Infrastructure.Audit.IAuditActor;

    /// <summary>Too many attempts for one account: the form again, with when to retry, as 429 with Retry-After.</summary>
    private ViewResult TooManyAttempts(string view, object form, TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        ModelState.AddModelError(string.Empty, l["Account.TooManyAttempts", minutes]);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return View(view, form);
    }

    private Task<PortalUser?> CurrentUserAsync() => users.GetUserAsync(User);

    private static string NormalizeCode(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

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

/// <summary>A mainland mobile number: 11 ASCII digits, the first 1.</summary>
public static class MobileNumber
{
    public static bool IsValid(string? value) => value is { Length: 11 } && value[0] == '1' && value.All(char.IsAsciiDigit);
}
