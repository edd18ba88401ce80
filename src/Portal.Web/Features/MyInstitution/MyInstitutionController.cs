using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.MyInstitution;

public sealed record MyInstitutionViewModel(
    string? Code,
    InstitutionStatus? Status,
    DateOnly? RegisteredOn,
    string? OfficeName,
    RegisteredItemsViewModel? Items,
    int Version,
    string? CertificateNumber,
    DateOnly? CertificateValidUntil,
    IReadOnlyList<Portal.Web.Features.Filings.FilingListRow> Filings,
    IReadOnlyList<ToDoItem>? ToDo = null);

public sealed record InstitutionUserRow(string Id, string DisplayName, string Email, bool IsManager, bool IsSelf);

public sealed class InviteUserForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.DisplayName")]
    public string DisplayName { get; set; } = string.Empty;
}

[Route("institution")]
[Authorize(Policy = Policies.Institution)]
public class MyInstitutionController(
    PortalDbContext db,
    UserManager<PortalUser> users,
    EmailOutbox outbox,
    IOptions<PortalOptions> portal,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] Portal.Web.Features.Filings.FilingAccess access, [FromServices] SignInManager<PortalUser> signIn, [FromServices] InstitutionToDo todo, CancellationToken ct)
    {
        var institutionId = User.InstitutionId();
        var filings = await access.ForApplicant(User).AsNoTracking()
            .OrderByDescending(f => f.CreatedUtc)
            .Select(f => new Portal.Web.Features.Filings.FilingListRow(f.Id, f.Number, f.Kind, f.State, f.CreatedUtc, f.SubmittedOn, f.Proposed != null ? f.Proposed.Name : f.Base != null ? f.Base.Name : null))
            .ToListAsync(ct);
        if (institutionId is null)
        {
            // An applicant whose setup was approved since signing in: refresh the sign-in so it carries the institution.
            var user = await users.GetUserAsync(User);
            if (user?.InstitutionId is not null)
            {
                await signIn.RefreshSignInAsync(user);
                return Redirect("/institution");
            }

            // An applicant from the sponsor whose setup filing has not been approved yet.
            return View(new MyInstitutionViewModel(null, null, null, null, null, 0, null, null, filings, await todo.BuildAsync(User, ct)));
        }

        var row = await db.Institutions.AsNoTracking()
            .Where(i => i.Id == institutionId)
            .Select(i => new { i.Code, i.Status, i.RegisteredOn, i.Current, i.CurrentVersion, i.OfficeId, i.CertificateNumber, i.CertificateValidUntil })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        var office = await db.Offices.AsNoTracking().Where(o => o.Id == row.OfficeId).Select(o => new { o.NameZh, o.NameEn }).SingleAsync(ct);
        var funding = await ReferenceNames.FundingSourcesAsync(db, ct);
        return View(new MyInstitutionViewModel(
            row.Code,
            row.Status,
            row.RegisteredOn,
            Cultures.Pick(office.NameZh, office.NameEn),
            RegisteredItemsViewModel.From(row.Current, funding, IdentityNumberView.Masked),
            row.CurrentVersion,
            row.CertificateNumber,
            row.CertificateValidUntil,
            filings,
            await todo.BuildAsync(User, ct)));
    }

    [HttpGet("users")]
    [Authorize(Policy = Policies.InstitutionManager)]
    public async Task<IActionResult> Users(CancellationToken ct)
    {
        var institutionId = User.InstitutionId()!.Value;
        var me = User.UserId();
        var managerIds = (await users.GetUsersInRoleAsync(Roles.InstitutionManager)).Where(u => u.InstitutionId == institutionId).Select(u => u.Id).ToHashSet();
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.InstitutionId == institutionId)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(ct);
        return View(rows.Select(u => new InstitutionUserRow(u.Id, u.DisplayName, u.Email ?? string.Empty, managerIds.Contains(u.Id), u.Id == me)).ToList());
    }

    [HttpGet("users/invite")]
    [Authorize(Policy = Policies.InstitutionManager)]
    public IActionResult Invite() => View(new InviteUserForm());

    [HttpPost("users/invite")]
    [Authorize(Policy = Policies.InstitutionManager)]
    public async Task<IActionResult> Invite(InviteUserForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var email = form.Email.Trim();
        var institutionName = await db.Institutions.Where(i => i.Id == User.InstitutionId()).Select(i => i.Current.Name).SingleAsync(ct);
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // The same answer as for a new address, so the form does not tell a manager who has an account
            // (staff included); the address's owner is told instead, and can ask for a transfer.
            outbox.Enqueue(existing.Email!, l["Email.InviteExisting.Subject", institutionName], l["Email.InviteExisting.Body", existing.DisplayName, User.DisplayName(), institutionName], "invitation-existing");
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Users.Invited";
            return RedirectToAction(nameof(Users));
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = form.DisplayName.Trim(),
            InstitutionId = User.InstitutionId(),
            CreatedUtc = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            ModelState.AddModelError(nameof(form.Email), l["Validation.Invalid"]);
            return View(form);
        }

        await users.AddToRoleAsync(user, Roles.InstitutionUser);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = portal.Value.Url($"/account/reset-password?email={Uri.EscapeDataString(email)}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}");
        outbox.Enqueue(email, l["Email.Invite.Subject", institutionName], l["Email.Invite.Body", user.DisplayName, User.DisplayName(), institutionName, link], "invitation");
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "Users.Invited";
        return RedirectToAction(nameof(Users));
    }

    [HttpGet("users/{id}/remove")]
    [Authorize(Policy = Policies.InstitutionManager)]
    public async Task<IActionResult> Remove(string id, CancellationToken ct)
    {
        var user = await FindColleagueAsync(id, ct);
        return user is null ? NotFound() : View(new InstitutionUserRow(user.Id, user.DisplayName, user.Email ?? string.Empty, false, false));
    }

    [HttpPost("users/{id}/remove")]
    [Authorize(Policy = Policies.InstitutionManager)]
    [ActionName(nameof(Remove))]
    public async Task<IActionResult> RemoveConfirmed(string id, CancellationToken ct)
    {
        var user = await FindColleagueAsync(id, ct);
        if (user is null)
        {
            return NotFound();
        }

        // The account stays for the record (who did what) but can no longer sign in or see the institution.
        user.InstitutionId = null;
        await users.UpdateAsync(user);
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        TempData["Flash"] = "Users.Removed";
        return RedirectToAction(nameof(Users));
    }

    /// <summary>Another user of the caller's own institution; never the caller, never someone elsewhere (404).</summary>
    private async Task<PortalUser?> FindColleagueAsync(string id, CancellationToken ct)
    {
        var institutionId = User.InstitutionId();
        if (id == User.UserId())
        {
            return null;
        }

        return await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.InstitutionId == institutionId, ct);
    }
}
