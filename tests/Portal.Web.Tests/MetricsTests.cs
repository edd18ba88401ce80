using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Filings;
using Portal.Infrastructure.Observability;
using Portal.Infrastructure.Seeding;
using Portal.Web.Infrastructure;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>A portal whose metrics the monitoring network 10.9.0.0/16 may read.</summary>
public sealed class MonitoredPortalFactory : ProxiedPortalFactory
{
    public MonitoredPortalFactory()
    {
        Settings["Metrics:AllowedNetworks:0"] = "10.9.0.0/16";
        Settings["RateLimits:VerifyPerMinute"] = "1000";
    }
}

public class MetricsTests(MonitoredPortalFactory factory) : IClassFixture<MonitoredPortalFactory>
{
    private async Task<HttpResponseMessage> ScrapeAsync(HttpClient http, string? peer, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (peer is not null)
        {
            request.Headers.Add(ProxiedPortalFactory.PeerHeader, peer);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await http.SendAsync(request);
    }

    [Fact]
    public async Task Metrics_AreNotFound_ForAnyoneOutsideTheAllowedNetwork_WhoIsNotAnAdministrator()
    {
        using var http = factory.CreateClient();
        foreach (var (peer, headers) in new (string?, (string, string)[])[]
        {
            (null, []),
            ("203.0.113.9", []),
            ("10.10.0.1", []),
            ("203.0.113.9", [("X-Forwarded-For", "10.9.0.1")]), // not from a known proxy: changes nothing
            ("203.0.113.9", [("Forwarded", "for=10.9.0.1")]),
        })
        {
            using var response = await ScrapeAsync(http, peer, headers);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("portal_", await response.Content.ReadAsStringAsync());
        }

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        using var staff = await registrar.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, staff.StatusCode);
    }

    [Fact]
    public async Task TheMonitoringNetworkAndAdministrators_ReadPrometheusText_WithThePlatformsAndThePortalsMeters()
    {
        using var http = factory.CreateClient();
        (await http.GetAsync("/v/nothing")).Dispose(); // a verdict
        await factory.Services.GetRequiredService<OperationsFigures>().RefreshAsync(CancellationToken.None);

        using var response = await ScrapeAsync(http, "10.9.3.4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", text); // ASP.NET Core
        Assert.Contains("dotnet_", text); // the runtime
        Assert.Contains("portal_verify_verdicts", text);
        Assert.Contains("verdict=\"NotIssued\"", text);
        Assert.Contains("portal_queue_length", text);
        Assert.Contains("office=\"330726\"", text);
        Assert.Contains("portal_audit_chain_length", text);

        using var admin = factory.Client();
        await admin.LoginOkAsync(Demo.Admin);
        using var asAdmin = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Contains("portal_filings_overdue", await asAdmin.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AFilingsLife_IsCountedOnceAtEachStep_ByKind()
    {
        var meter = factory.Services.GetRequiredService<PortalMetrics>().Meter;
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var labels = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            counts.AddOrUpdate($"{instrument.Name}[{labels}]", value, (_, old) => old + value);
        });
        listener.Start();

        using var applicant = factory.Client();
        await applicant.LoginOkAsync(Demo.Applicant);
        var id = await applicant.StartAsync(FilingKind.Setup, DemoDataSeeder.CountyOfficeId);
        await applicant.SaveAsync(id, FilingDriver.SetupFields("浦江县计量监测服务中心"));
        await applicant.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Setup, []));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.ConfirmSubmitAsync(id)).StatusCode);
        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "approve")).StatusCode);

        Assert.Equal(1, counts.GetValueOrDefault("portal.filings.submitted[kind=Setup]"));
        Assert.Equal(1, counts.GetValueOrDefault("portal.filings.accepted[kind=Setup]"));
        Assert.Equal(1, counts.GetValueOrDefault("portal.filings.decided[kind=Setup,decision=approved]"));
        Assert.Equal(1, counts.GetValueOrDefault("portal.certificates.issued[reason=Setup]"));
        Assert.Equal(0, counts.GetValueOrDefault("portal.filings.returned[kind=Setup]"));
    }
}
