using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenIddict.Abstractions;
using Portal.Domain.Codes;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Web.Features.ApiClients;

public sealed class ApiClientForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "ApiClient.Name")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "ApiClient.Kind")]
    public ApiClientKind Kind { get; set; }

    [Display(Name = "ApiClient.Scopes")]
    public List<string> Scopes { get; set; } = [];

    /// <summary>For a sponsor's client with reports.submit: the unified social credit codes of the institutions it acts for, one per line.</summary>
    [StringLength(40_000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "ApiClient.Institutions")]
    public string? InstitutionCodes { get; set; }

    [StringLength(400, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "ApiClient.RedirectUri")]
    public string? RedirectUri { get; set; }
}

public sealed record ApiClientRow(string ClientId, string Name, ApiClientKind Kind, string Scopes, bool Disabled, DateTime CreatedUtc, int Institutions);

public sealed record ApiClientCreatedViewModel(string ClientId, string Secret, string Name);

/// <summary>
/// Administrators register API clients. The secret is generated here, shown once, and handed to OpenIddict,
/// which stores only its hash. Disabling is checked on every token and API request.
/// </summary>
[Route("admin/api-clients")]
[Authorize(Policy = Policies.Administrator)]
[BackOffice]
public class ApiClientsController(PortalDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await db.ApiClients.AsNoTracking().OrderBy(c => c.Name)
        .Select(c => new ApiClientRow(c.ClientId, c.Name, c.Kind, c.Scopes, c.Disabled, c.CreatedUtc, c.Institutions.Count)).ToListAsync(ct));

    [HttpGet("new")]
    public IActionResult New() => View(new ApiClientForm { Scopes = [ApiScopes.RegisterRead] });

    [HttpPost("")]
    public async Task<IActionResult> Create(ApiClientForm form, [FromServices] RegisterApiClient register, CancellationToken ct)
    {
        form.Scopes = form.Scopes.Where(ApiScopes.All.Contains).Distinct().ToList();
        if (form.Scopes.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Scopes), l["ApiClient.ScopeRequired"]);
        }

        if (!Enum.IsDefined(form.Kind))
        {
            ModelState.AddModelError(nameof(form.Kind), l["Validation.Required", l["ApiClient.Kind"]]);
        }

        Uri? redirect = null;
        if (form.Kind == ApiClientKind.Interactive && (!Uri.TryCreate(form.RedirectUri?.Trim(), UriKind.Absolute, out redirect) || redirect.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(redirect.Fragment)))
        {
            ModelState.AddModelError(nameof(form.RedirectUri), l["ApiClient.RedirectInvalid"]);
        }

        var institutionIds = new List<Guid>();
        var codes = (form.InstitutionCodes ?? string.Empty).Split(['\n', '\r', ',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var raw in codes)
        {
            var id = UnifiedSocialCreditCode.TryParse(raw, out var code) ? await db.Institutions.Where(i => i.Code == code.Value).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct) : null;
            if (id is null)
            {
                ModelState.AddModelError(nameof(form.InstitutionCodes), l["ApiClient.UnknownCode", raw]);
            }
            else
            {
                institutionIds.Add(id.Value);
            }
        }

        if (form.Scopes.Contains(ApiScopes.ReportsSubmit) && institutionIds.Count == 0)
        {
            ModelState.AddModelError(nameof(form.InstitutionCodes), l["ApiClient.InstitutionsRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return View("New", form);
        }

        var (clientId, secret) = await register.HandleAsync(form.Name.Trim(), form.Kind, form.Scopes, institutionIds, form.Kind == ApiClientKind.Interactive ? redirect : null, User.Identity?.Name ?? "admin", ct);

        // Shown once, on this response only; never stored in clear, never in TempData or a log.
        Response.Headers.CacheControl = "no-store";
        return View("Created", new ApiClientCreatedViewModel(clientId, secret, form.Name.Trim()));
    }

    [HttpPost("{clientId}/disable")]
    public Task<IActionResult> Disable(string clientId, bool confirmed, CancellationToken ct) => SetDisabledAsync(clientId, true, confirmed, ct);

    [HttpPost("{clientId}/enable")]
    public Task<IActionResult> Enable(string clientId, CancellationToken ct) => SetDisabledAsync(clientId, false, true, ct);

    private async Task<IActionResult> SetDisabledAsync(string clientId, bool disabled, bool confirmed, CancellationToken ct)
    {
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            TempData["Error"] = "ApiClient.ConfirmDisable";
            return Redirect("/admin/api-clients");
        }

        client.Disabled = disabled;
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = disabled ? "ApiClient.Disabled" : "ApiClient.Enabled";
        return Redirect("/admin/api-clients");
    }

}
