using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Portal.Web.Tests.Support;

/// <summary>
/// Drives the app like a browser: keeps cookies, reads pages with AngleSharp, and posts forms with the
/// antiforgery token scraped from the page (as eShopOnWeb's functional tests do).
/// </summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> GetAsync(string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return await Http.SendAsync(request);
    }

    public async Task<IHtmlDocument> PageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {expected}, got {response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        return Parser.ParseDocument(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The current values of the form whose action ends with <paramref name="actionSuffix"/> (without its token).</summary>
    public static Dictionary<string, string> FormFields(IHtmlDocument page, string actionSuffix) =>
        page.Forms.First(f => f.GetAttribute("action")!.EndsWith(actionSuffix, StringComparison.Ordinal))
            .QuerySelectorAll("input[name], textarea[name], select[name]")
            .Where(e => e.GetAttribute("name") is not ("__RequestVerificationToken" or "next"))
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.Last() switch
            {
                IHtmlInputElement i => i.Value,
                IHtmlTextAreaElement t => t.Value,
                IHtmlSelectElement sel => sel.Value ?? string.Empty,
                _ => string.Empty,
            });

    /// <summary>GETs <paramref name="pageUrl"/>, takes the antiforgery token from the form posting to <paramref name="action"/>, and posts the fields.</summary>
    public Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, IDictionary<string, string> fields) =>
        SubmitAsync(pageUrl, action, (IEnumerable<KeyValuePair<string, string>>)fields);

    /// <summary>As above, with repeated names allowed (checkbox lists).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await PageAsync(pageUrl);
        var form = page.Forms.FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to {action} on {pageUrl}.");
        var token = (form.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"The form posting to {action} has no antiforgery token.");
        return await PostAsync(action, fields, token);
    }

    public Task<HttpResponseMessage> PostAsync(string action, IDictionary<string, string> fields, string? token) =>
        PostAsync(action, (IEnumerable<KeyValuePair<string, string>>)fields, token);

    public async Task<HttpResponseMessage> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var values = new List<KeyValuePair<string, string>>(fields);
        if (token is not null)
        {
            values.Add(new("__RequestVerificationToken", token));
        }

        return await Http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public async Task<HttpResponseMessage> LoginAsync(string email, string password = PortalFactory.DemoPassword) =>
        await SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public async Task LoginOkAsync(string email)
    {
        var response = await LoginAsync(email);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login of {email} answered {response.StatusCode}");
    }

    public void Dispose() => Http.Dispose();
}

public static class PortalFactoryExtensions
{
    /// <summary>Waits until the password-reset links asked for so far are in the outbox (they are made behind the response).</summary>
    public static Task ResetLinksSentAsync(this PortalFactory factory) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Portal.Web.Features.Account.PasswordResetQueue>(factory.Services).WhenIdleAsync(TimeSpan.FromSeconds(60));

    /// <summary>A browser-like client: cookies kept, redirects not followed (tests assert them).</summary>
    public static PortalClient Client(this PortalFactory factory) =>
        new(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}
