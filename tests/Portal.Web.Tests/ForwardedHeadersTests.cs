using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>
/// The portal behind a proxy: one known proxy (10.0.0.5) and one known network (10.1.0.0/16). The test
/// server has no TCP peer, so a startup filter sets the connection's address from X-Test-Peer before any of
/// the portal's middleware runs: that is the address a real socket would give.
/// </summary>
public class ProxiedPortalFactory : PortalFactory
{
    public const string PeerHeader = "X-Test-Peer";

    public ProxiedPortalFactory()
    {
        Settings["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5";
        Settings["ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16";
        Settings["RateLimits:VerifyPerMinute"] = "3";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, PeerFromHeader>());
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return following(context);
            });
            next(app);
        };
    }
}

public class ForwardedHeadersTests
{
    private static async Task<HttpStatusCode> VerifyAsync(HttpClient http, string peer, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v/nothing");
        request.Headers.Add(ProxiedPortalFactory.PeerHeader, peer);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task AForgedForwardedFor_FromAnyoneButAKnownProxy_ChangesNothing_HoweverItIsWritten()
    {
        using var factory = new ProxiedPortalFactory();
        using var http = factory.CreateClient();
        const string attacker = "203.0.113.9";

        // Every request claims a different client, in every shape the header takes: the verify limit (3 a
        // minute per address) still counts them all against the attacker's own address.
        (string, string)[][] forged =
        [
            [("X-Forwarded-For", "198.51.100.1")],
            [("X-Forwarded-For", "198.51.100.2, 198.51.100.3")],
            [("X-Forwarded-For", "198.51.100.4"), ("X-Forwarded-For", "198.51.100.5")],
            [("X-Forwarded-For", "[2001:db8::1]:443"), ("X-Forwarded-Proto", "https")],
            [("X-Forwarded-For", " 198.51.100.6 "), ("Forwarded", "for=198.51.100.7;proto=https")],
            [("X-Forwarded-For", "10.0.0.5")],
        ];
        var answers = new List<HttpStatusCode>();
        foreach (var headers in forged)
        {
            answers.Add(await VerifyAsync(http, attacker, headers));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);

        // From a peer just outside the known network, the same: counted as itself.
        const string nearby = "10.2.0.1";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await VerifyAsync(http, nearby, ("X-Forwarded-For", $"198.51.100.{20 + i}")));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await VerifyAsync(http, nearby, ("X-Forwarded-For", "198.51.100.99")));
    }

    [Fact]
    public async Task FromAKnownProxyOrNetwork_TheForwardedClientIsTheOneCounted()
    {
        using var factory = new ProxiedPortalFactory();
        using var http = factory.CreateClient();

        // The known proxy forwards two clients: each has its own allowance, not the proxy's one.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await VerifyAsync(http, "10.0.0.5", ("X-Forwarded-For", "198.51.100.1")));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await VerifyAsync(http, "10.0.0.5", ("X-Forwarded-For", "198.51.100.1")));
        Assert.Equal(HttpStatusCode.OK, await VerifyAsync(http, "10.0.0.5", ("X-Forwarded-For", "198.51.100.2")));

        // A proxy in the known network is believed too: the same client through it is the same client.
        Assert.Equal(HttpStatusCode.TooManyRequests, await VerifyAsync(http, "10.1.2.3", ("X-Forwarded-For", "198.51.100.1")));
        Assert.Equal(HttpStatusCode.OK, await VerifyAsync(http, "10.1.2.3", ("X-Forwarded-For", "198.51.100.3")));

        // nginx appends the real peer to whatever the client sent: only that last address counts.
        Assert.Equal(HttpStatusCode.OK, await VerifyAsync(http, "10.0.0.5", ("X-Forwarded-For", "198.51.100.50, 198.51.100.4")));
        Assert.Equal(HttpStatusCode.OK, await VerifyAsync(http, "10.0.0.5", ("X-Forwarded-For", "198.51.100.1, 198.51.100.4")));
    }

    [Fact]
    public async Task TheScheme_IsTakenFromAKnownProxyOnly()
    {
        // In production the portal is HTTPS: plain HTTP is redirected, unless a known proxy says the client came over HTTPS.
        using var factory = new ProductionProxiedPortalFactory();
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://portal.example"),
            AllowAutoRedirect = false,
        });

        async Task<HttpStatusCode> HomeAsync(string peer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add(ProxiedPortalFactory.PeerHeader, peer);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "198.51.100.8");
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await HomeAsync("10.0.0.5"));
        Assert.Equal(HttpStatusCode.OK, await HomeAsync("10.1.200.7"));
        Assert.Equal(HttpStatusCode.PermanentRedirect, await HomeAsync("203.0.113.9"));
        Assert.Equal(HttpStatusCode.PermanentRedirect, await HomeAsync("10.2.0.1"));
    }
}

/// <summary>The proxied portal in production, at https://portal.example.</summary>
public sealed class ProductionProxiedPortalFactory : ProxiedPortalFactory
{
    public ProductionProxiedPortalFactory()
    {
        Settings["Portal:PublicBaseUrl"] = "https://portal.example";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
