using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Portal.Web.Infrastructure;

/// <summary>
/// The cookie TempData provider, minus one habit: on a visit that brought no TempData and left none it
/// still answered with a Set-Cookie deleting the cookie. That header made every page uncacheable (output
/// caching skips responses that set cookies) and sent a useless cookie to every visitor.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider inner, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) =>
        context.Request.Cookies.ContainsKey(CookieName) ? inner.LoadTempData(context) : new Dictionary<string, object>();

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count > 0 || context.Request.Cookies.ContainsKey(CookieName))
        {
            inner.SaveTempData(context, values);
        }
    }

    private string CookieName => options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;
}
