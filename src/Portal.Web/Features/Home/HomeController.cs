using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Home;

public sealed record PublicHomeViewModel(int RegisteredInstitutions, int Offices);

public class HomeController(PortalDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var model = new PublicHomeViewModel(
            await db.Institutions.CountAsync(i => i.Status == InstitutionStatus.Registered, ct),
            await db.Offices.CountAsync(ct));
        return View(model);
    }

    /// <summary>Switches the language and remembers it for a year in a cookie.</summary>
    [HttpPost("/culture")]
    public IActionResult SetCulture(string culture, string? returnUrl)
    {
        var chosen = culture == Cultures.English ? Cultures.English : Cultures.Chinese;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax }); // Secure and HttpOnly: the cookie policy
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
