using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Portal.Web.Features.Shared;

/// <summary>
/// The site's chrome (the real <c>_Layout.cshtml</c>: header, language link, footer) around a body that a
/// hot endpoint writes itself. For anonymous visitors it is rendered once per language and title and kept,
/// with the language link's return address filled in per request; signed-in visitors get it rendered for
/// them. So the busiest page looks exactly like every other page without rendering a layout per scan.
/// </summary>
public sealed class PageShell(IServiceScopeFactory scopes)
{
    private const string BodyMarker = "\u0001portal-body\u0001";
    private const string ReturnMarker = "/__portal_return__";

    private readonly ConcurrentDictionary<(string Culture, string Title), Task<(string Before, string After)>> _anonymous = new();

    /// <summary>The chrome before and after the body, for this request.</summary>
    public async Task<(string Before, string After)> ForAsync(HttpContext context, string title)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return Split(await RenderAsync(context, title));
        }

        var culture = CultureInfo.CurrentUICulture.Name;
        var (before, after) = await _anonymous.GetOrAdd((culture, title), key => RenderAnonymousAsync(key.Culture, key.Title));
        var back = Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
        return (before.Replace(Uri.EscapeDataString(ReturnMarker), back, StringComparison.Ordinal), after);
    }

    private async Task<(string, string)> RenderAnonymousAsync(string culture, string title)
    {
        using var scope = scopes.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = ReturnMarker;
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return Split(await RenderAsync(context, title));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private static async Task<string> RenderAsync(HttpContext context, string title)
    {
        var services = context.RequestServices;
        var action = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
        var view = services.GetRequiredService<ICompositeViewEngine>().GetView(null, "/Features/Shared/_Shell.cshtml", isMainPage: true).EnsureSuccessful([]).View!;
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            ["Title"] = title,
            ["ShellBody"] = BodyMarker,
        };
        await using var writer = new StringWriter();
        var viewContext = new ViewContext(action, view, viewData, services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context), writer, new HtmlHelperOptions());
        await view.RenderAsync(viewContext);
        return writer.ToString();
    }

    private static (string, string) Split(string html)
    {
        var at = html.IndexOf(BodyMarker, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException("The layout did not render the body marker.") : (html[..at], html[(at + BodyMarker.Length)..]);
    }
}
