using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Home;

public sealed record PublicHomeViewModel(RegisterFigures? Figures);

public class HomeController : Controller
{
    /// <summary>The figures come from the background count (<see cref="PublicFigures"/>), never from a count per visit.</summary>
    [HttpGet("/")]
    public IActionResult Index([FromServices] PublicFigures figures) => View(new PublicHomeViewModel(figures.Current));

    /// <summary>
    /// Switches the language and remembers it for a year in a cookie. A link (GET): the worst a forged
    /// request can do is change someone's language, and public pages need no antiforgery token for it.
    /// </summary>
    [HttpGet("/culture")]
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
