using Microsoft.AspNetCore.HostFiltering;
using Portal.Infrastructure.Data;

namespace Portal.Web.Infrastructure;

/// <summary>
/// The portal's public address (<c>Portal:PublicBaseUrl</c>) is the only source of absolute URLs: QR codes,
/// e-mail links, the OpenID Connect discovery document, redirects. Nothing is built from the request's
/// Host header, which the client chooses (issue 12, finding 10): after host filtering has refused unknown
/// hosts, every request is seen with the configured scheme and host, so code that derives a URL from the
/// request (ours or a library's) derives the configured one.
/// </summary>
public static class PublicAddress
{
    public static void Add(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Portal:PublicBaseUrl"];
        if (!builder.Environment.IsDevelopment())
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new StartupConfigurationException(
                    "Portal:PublicBaseUrl is not set. Set it to the address people use, e.g. Portal__PublicBaseUrl=https://portal.example.gov.cn; it is the only source of links, QR codes and the allowed host.");
            }

            // Session, antiforgery and other cookies are Secure outside development, so a plain-HTTP
            // address could never keep anyone signed in: refuse it at start rather than fail every form.
            if (!Uri.TryCreate(configured, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps)
            {
                throw new StartupConfigurationException($"Portal:PublicBaseUrl \"{configured}\" must be an absolute https:// address outside Development.");
            }

            // Outside development only the public host is answered (plus any the operator lists, e.g. for
            // an internal health probe); "*" in AllowedHosts does not widen it.
            var extra = (builder.Configuration["AllowedHosts"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(h => h != "*");
            builder.Services.PostConfigure<HostFilteringOptions>(o =>
            {
                o.AllowedHosts = [parsed.IdnHost, .. extra];
                o.AllowEmptyHosts = false;
            });
        }
    }

    /// <summary>
    /// Plain HTTP to an HTTPS portal is sent to the HTTPS address (308 keeps the method); then the request's
    /// scheme and host become the configured ones.
    /// </summary>
    public static IApplicationBuilder UsePublicAddress(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        return app.Use(async (context, next) =>
        {
            var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;
            var address = new Uri(options.PublicBaseUrl);
            var request = context.Request;
            if (address.Scheme == Uri.UriSchemeHttps && !request.IsHttps && !environment.IsDevelopment())
            {
                context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = options.Url(request.Path.Value + request.QueryString.Value);
                return;
            }

            request.Scheme = address.Scheme;
            request.Host = address.IsDefaultPort ? new HostString(address.IdnHost) : new HostString(address.IdnHost, address.Port);
            await next();
        });
    }
}

/// <summary>
/// Behind a reverse proxy (nginx terminating TLS), the client's address and scheme come from the
/// X-Forwarded-For and X-Forwarded-Proto headers — but only when the connection comes from a proxy listed
/// in <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR
/// ranges, e.g. 10.0.0.0/24). ASP.NET Core trusts loopback by default; here nothing is trusted unless
/// configured, so a client cannot forge its address (rate limits, audit) or claim HTTPS.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ForwardedHeaders";

    public static void Add(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Portal:KnownProxies is the setting's earlier name, still read.
        var proxies = (configuration.GetSection(Section + ":KnownProxies").Get<string[]>() ?? [])
            .Concat(configuration.GetSection("Portal:KnownProxies").Get<string[]>() ?? [])
            .Select(p => System.Net.IPAddress.TryParse(p, out var address)
                ? address
                : throw new StartupConfigurationException($"ForwardedHeaders:KnownProxies holds \"{p}\", which is not an IP address."))
            .ToList();
        var networks = (configuration.GetSection(Section + ":KnownNetworks").Get<string[]>() ?? [])
            .Select(n => System.Net.IPNetwork.TryParse(n, out var network)
                ? network
                : throw new StartupConfigurationException($"ForwardedHeaders:KnownNetworks holds \"{n}\", which is not a network such as 10.0.0.0/24."))
            .ToList();
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
            // nginx appends to X-Forwarded-For; the client is the last address a trusted proxy added.
            o.ForwardLimit = 1;
        });
    }
}
