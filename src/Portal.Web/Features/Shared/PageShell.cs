using System.Buffers;
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

    private readonly ConcurrentDictionary<(string Culture, string Title), Task<Parts>> _anonymous = new();

    /// <summary>The cached chrome as UTF-8: before the return address, between it and the body, after the body.</summary>
    private sealed record Parts(byte[] Head, byte[] Middle, byte[] Tail);

    /// <summary>Writes the page: the chrome (from the cache for anonymous visitors) around <paramref name="body"/>.</summary>
    public async Task WriteAsync(HttpContext context, string title, string body)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var (before, after) = Split(await RenderAsync(context, title));
            await context.Response.WriteAsync(before + body + after, context.RequestAborted);
            return;
        }

        var parts = await _anonymous.GetOrAdd((CultureInfo.CurrentUICulture.Name, title), key => RenderAnonymousAsync(key.Culture, key.Title));
        var writer = context.Response.BodyWriter;
        writer.Write(parts.Head);
        System.Text.EncodingExtensions.GetBytes(System.Text.Encoding.UTF8, Uri.EscapeDataString(context.Request.Path + context.Request.QueryString).AsSpan(), writer);
        writer.Write(parts.Middle);
        System.Text.EncodingExtensions.GetBytes(System.Text.Encoding.UTF8, body.AsSpan(), writer);
        writer.Write(parts.Tail);
        await writer.FlushAsync(context.RequestAborted);
    }

    private async Task<Parts> RenderAnonymousAsync(string culture, string title)
    {
        using var scope = scopes.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = ReturnMarker;
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var (before, after) = Split(await RenderAsync(context, title));
            var marker = Uri.EscapeDataString(ReturnMarker);
            var at = before.IndexOf(marker, StringComparison.Ordinal);
            var utf8 = System.Text.Encoding.UTF8;
            return at < 0
                ? new Parts(utf8.GetBytes(before), [], utf8.GetBytes(after))
                : new Parts(utf8.GetBytes(before[..at]), utf8.GetBytes(before[(at + marker.Length)..]), utf8.GetBytes(after));
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
