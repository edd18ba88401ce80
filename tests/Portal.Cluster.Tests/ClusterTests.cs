using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Portal.Domain.Common;
using Portal.Domain.Filings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Seeding;
using Portal.Web.Tests.Support;

namespace Portal.Cluster.Tests;

/// <summary>
/// Issue 15's cluster checks, through nginx: every request may land on a different node. The tests of this
/// class run one after another on one cluster; each uses its own client address (127.0.0.x), so the
/// per-address limits of one never touch another.
/// </summary>
public class ClusterTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static string Upstream(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var values) ? values.Last() : "?";

    private static async Task<(HttpStatusCode Status, string Upstream)> GetAsync(PortalClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, Upstream(response));
    }

    [ClusterFact]
    public async Task SignIn_Antiforgery_AndTwoFactor_WorkAcrossNodes()
    {
        using var first = cluster.Client("127.0.0.11");
        await first.LoginOkAsync(Demo.CityRegistrar); // the form from one node, the post to the next
        var key = (await first.PageAsync("/account/two-factor?required=true")).QuerySelector("[data-shared-key]")!.TextContent;
        var enrolStep = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        using var enabled = await first.SubmitAsync("/account/two-factor", "/account/two-factor/enable", new Dictionary<string, string>
        {
            ["Password"] = PortalFactory.DemoPassword,
            ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
        });
        Assert.Contains("data-recovery-code", await enabled.Content.ReadAsStringAsync());

        // A new session: password on one node, the code on another (a code is good once: wait for the next step).
        using var second = cluster.Client("127.0.0.11");
        using (var login = await second.LoginAsync(Demo.CityRegistrar))
        {
            Assert.StartsWith("/account/login-2fa", login.Headers.Location?.OriginalString);
        }

        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 <= enrolStep)
        {
            await Task.Delay(500);
        }

        using (var verified = await second.SubmitAsync("/account/login-2fa", "/account/login-2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        }

        var answers = new List<(HttpStatusCode Status, string Upstream)>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await GetAsync(second, "/registry/filings"));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(3, answers.Select(a => a.Upstream).Distinct().Count());
    }

    [ClusterFact]
    public async Task AFullLifecycle_FileAcceptApproveCertificateVerify_ThroughTheProxy()
    {
        // A change of name and domicile by the demo institution's manager (it ends in a new certificate; a
        // setup would too, but the one demo applicant has one matter at a time, and the next test has it).
        using var manager = cluster.Client("127.0.0.12");
        await manager.LoginOkAsync(Demo.Manager);
        var id = await SubmittedChangeAsync(manager, "浦江县集群验证服务中心", "浙江省金华市浦江县浦阳街道和平北路77号");
        using var registrar = cluster.Client("127.0.0.12");
        await registrar.LoginOkAsync(Demo.Registrar);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "approve")).StatusCode);
        Assert.Equal("Approved", await cluster.ScalarAsync<string>("SELECT \"State\" FROM \"Filings\" WHERE \"Id\" = @id", ("id", id)));

        var qr = await cluster.ScalarAsync<string>(
            "SELECT c.\"QrUrl\" FROM \"Certificates\" c JOIN \"Filings\" f ON f.\"InstitutionId\" = c.\"InstitutionId\" WHERE f.\"Id\" = @id AND c.\"Status\" = 'Valid'", ("id", id));
        Assert.StartsWith(cluster.Url + "/v/", qr);
        using var visitor = cluster.Client("127.0.0.13");
        var page = await visitor.PageAsync(new Uri(qr!).PathAndQuery);
        Assert.Equal("Valid", page.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        Assert.Contains("浦江县集群验证服务中心", page.Body!.TextContent);
    }

    [ClusterFact]
    public async Task TheVerifyLimit_AnswersExactlyNThen429_AcrossAllThreeNodes()
    {
        using var scanner = cluster.Client("127.0.0.21");
        var intoMinute = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 60_000; // windows are whole minutes, the same on every node
        if (intoMinute > 30_000)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(60_000 - intoMinute + 200));
        }

        var answers = new List<(HttpStatusCode Status, string Upstream)>();
        for (var i = 0; i < ClusterFixture.VerifyPerMinute + 5; i++)
        {
            answers.Add(await GetAsync(scanner, "/v/nothing-" + i));
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, ClusterFixture.VerifyPerMinute).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 5)), answers.Select(a => a.Status));
        Assert.Equal(3, answers.Take(ClusterFixture.VerifyPerMinute).Select(a => a.Upstream).Distinct().Count());
        Assert.Equal(3, answers.Skip(ClusterFixture.VerifyPerMinute).Select(a => a.Upstream).Distinct().Count()); // and refused by every node
    }

    [ClusterFact]
    public async Task ApprovalsAtOnceOnDifferentNodes_GetDistinctSerials_AndTheFeedStaysGapFree()
    {
        // Two filings that each end in a new certificate: a setup (the applicant) and a change of name and
        // domicile (the demo institution's manager). One matter at a time per unit, so one each.
        using var applicant = cluster.Client("127.0.0.31");
        await applicant.LoginOkAsync(Demo.Applicant);
        using var manager = cluster.Client("127.0.0.31");
        await manager.LoginOkAsync(Demo.Manager);
        using var registrar = cluster.Client("127.0.0.31");
        await registrar.LoginOkAsync(Demo.Registrar);
        var setup = await SubmittedSetupAsync(applicant, "浦江县并发核准测试中心");
        var change = await SubmittedChangeAsync(manager, "浦江县并发核准更名服务中心", "浙江省金华市浦江县浦阳街道和平北路99号");
        Guid[] ids = [setup, change];
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "accept")).StatusCode);
        }

        // Each approval's page first (its tokens), then both posts at once: round-robin sends them to two nodes.
        var forms = new List<(Guid Id, string Token, string Antiforgery)>();
        foreach (var id in ids)
        {
            var page = await registrar.PageAsync($"/registry/filings/{id}");
            var form = page.Forms.First(f => f.GetAttribute("action") == $"/registry/filings/{id}/approve");
            forms.Add((id, ((IHtmlInputElement)form.QuerySelector("input[name=Token]")!).Value, ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value));
        }

        var responses = await Task.WhenAll(forms.Select(f => registrar.PostDecisionAsync(f.Id, "approve", f.Token, f.Antiforgery)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(2, responses.Select(Upstream).Distinct().Count());
        foreach (var id in ids)
        {
            Assert.Equal("Approved", await cluster.ScalarAsync<string>("SELECT \"State\" FROM \"Filings\" WHERE \"Id\" = @id", ("id", id)));
        }

        var numbers = await cluster.ColumnAsync<string>(
            "SELECT c.\"Number\" FROM \"Certificates\" c JOIN \"Filings\" f ON f.\"InstitutionId\" = c.\"InstitutionId\" WHERE f.\"Id\" = ANY(@ids) AND c.\"Status\" = 'Valid'", ("ids", ids));
        Assert.Equal(2, numbers.Count);
        Assert.Equal(2, numbers.Distinct().Count());

        // Every certificate number of this office and year, from 1 up, none missing, none twice.
        var prefix = numbers[0][..10];
        var serials = (await cluster.ColumnAsync<string>("SELECT \"Number\" FROM \"Certificates\" WHERE \"Number\" LIKE @p", ("p", prefix + "%")))
            .Select(n => int.Parse(n[10..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, serials.Count), serials);

        var feed = await cluster.ColumnAsync<long>("SELECT \"Sequence\" FROM \"FeedEvents\" ORDER BY 1");
        Assert.Equal(Enumerable.Range(1, feed.Count).Select(i => (long)i), feed);
        Assert.Equal(feed.Count, await cluster.ScalarAsync<long>("SELECT \"Value\" FROM \"Counters\" WHERE \"Key\" = @k", ("k", PortalDbContext.FeedCounterKey)));
    }

    [ClusterFact]
    public async Task EachDailyJob_DoesItsWorkOnce_ThoughEveryNodeWakesForIt()
    {
        var wait = cluster.JobsAt.AddSeconds(75) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var formats = await cluster.ColumnAsync<string>("SELECT \"Format\" FROM \"OpenDataFiles\" WHERE \"Day\" = @d AND \"Complete\"", ("d", today));
        Assert.NotEmpty(formats);
        Assert.Equal(formats.Distinct().Count(), formats.Count); // one file per format, not one per node

        var leases = await cluster.ColumnAsync<string>("SELECT \"Name\" FROM \"JobLeases\"");
        Assert.Contains("open-data-export", leases);
        Assert.Contains("certificate-expiry", leases);
        Assert.Contains("report-cycle", leases);
        Assert.Contains("session-purge", leases);

        // Every node woke for each job at the same minute…
        foreach (var job in new[] { "open-data-export", "certificate-expiry", "report-cycle", "session-purge" })
        {
            Assert.All(Enumerable.Range(0, 3), i => Assert.Contains($"Background job {job} finished", cluster.Log(i)));
        }

        // …the session purge ran on exactly one of them (it holds its lease until its next run is due)…
        Assert.Equal(1, Enumerable.Range(0, 3).Sum(i => cluster.Log(i).Split('\n').Count(l => l.Contains("Session purge ran on this node", StringComparison.Ordinal))));

        // …and no e-mail the jobs write went out twice.
        var messages = await cluster.ColumnAsync<string>("SELECT \"To\" || '|' || \"Subject\" FROM \"OutboxMessages\"");
        Assert.Equal(messages.Distinct().Count(), messages.Count);
    }

    [ClusterFact]
    public async Task AnImportStartedOnOneNode_FinishesOnAnother_AfterItsNodeIsKilled()
    {
        const int rows = 40_000;
        using var supervisor = cluster.Client("127.0.0.41");
        await supervisor.LoginOkAsync(Demo.Supervisor);
        var csv = new StringBuilder("code,name,second_name,domicile,purpose_and_scope,legal_representative,legal_representative_id,funding_source,startup_capital,sponsor,registered_on,certificate_number,certificate_valid_until\r\n");
        for (var n = 0; n < rows; n++)
        {
            csv.Append(string.Join(',', SyntheticRegister.Code("330726", 600_000 + n), $"浦江县集群导入单位{n}", "", "浦江县示例路1号", "公共服务。", "张三",
                ResidentIdNumber.WithCheck("33072619800101" + (n % 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture)), "财政补助（全额拨款）", "10", "浦江县人民政府", "2001-03-04", "", "")).Append("\r\n");
        }

        var upload = await supervisor.PageAsync("/registry/import");
        var token = ((IHtmlInputElement)upload.QuerySelector("form[data-import-upload] input[name=__RequestVerificationToken]")!).Value;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "cluster.csv");
        using var uploaded = await supervisor.Http.PostAsync("/registry/import", form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var runUrl = uploaded.Headers.Location!.OriginalString;
        var runId = Guid.Parse(runUrl.TrimEnd('/').Split('/')[^1]);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.SubmitAsync(runUrl, runUrl + "/start", new Dictionary<string, string>())).StatusCode);

        // The node working on it: the holder of the run's lease, once rows are going in.
        int? worker = null;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            var holder = await cluster.ScalarAsync<string>("SELECT \"Holder\" FROM \"JobLeases\" WHERE \"Name\" = @n", ("n", "import:" + runId));
            var processed = await cluster.ScalarAsync<int>("SELECT \"ProcessedRows\" FROM \"ImportRuns\" WHERE \"Id\" = @id", ("id", runId));
            if (holder is not null && processed > 0 && cluster.NodeOfHolder(holder) is { } node)
            {
                Assert.True(processed < rows, "the import finished before its node could be killed; make it larger");
                worker = node;
                break;
            }

            await Task.Delay(100);
        }

        Assert.NotNull(worker);
        cluster.Kill(worker.Value);
        try
        {
            string? state = null;
            watch.Restart();
            while (watch.Elapsed < TimeSpan.FromSeconds(150) && state != "Completed")
            {
                await Task.Delay(1000);
                using var progress = await supervisor.GetAsync(runUrl + "/progress");
                if (progress.StatusCode == HttpStatusCode.OK)
                {
                    state = JsonDocument.Parse(await progress.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString();
                }
            }

            Assert.Equal("Completed", state);
            var finisher = cluster.NodeOfHolder(await cluster.ScalarAsync<string>("SELECT \"Holder\" FROM \"JobLeases\" WHERE \"Name\" = @n", ("n", "import:" + runId)) ?? string.Empty);
            Assert.NotNull(finisher);
            Assert.NotEqual(worker, finisher);
            Assert.Equal(rows, await cluster.ScalarAsync<int>("SELECT \"Inserted\" FROM \"ImportRuns\" WHERE \"Id\" = @id", ("id", runId)));
            Assert.Equal(rows, await cluster.ScalarAsync<long>("SELECT count(*) FROM \"ImportRunInstitutions\" WHERE \"ImportRunId\" = @id", ("id", runId)));
            Assert.Equal(rows, await cluster.ScalarAsync<long>("SELECT count(*) FROM \"Institutions\" WHERE \"Name\" LIKE '浦江县集群导入单位%'"));
        }
        finally
        {
            await cluster.StartNodeAsync(worker.Value);
        }
    }

    [ClusterFact]
    public async Task StoppingANodeMidBurst_LosesNoAcknowledgedWrite()
    {
        // The writes: the institution's manager inviting colleagues, from four sessions at once (each
        // acknowledged invitation is an account and an e-mail in the outbox).
        var clients = new List<PortalClient>();
        for (var i = 0; i < 4; i++)
        {
            var client = cluster.Client("127.0.0.5" + i);
            await client.LoginOkAsync(Demo.Manager);
            clients.Add(client);
        }

        var acknowledged = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<HttpStatusCode>();
        var until = DateTime.UtcNow.AddSeconds(8);
        var victim = 2;
        var burst = clients.Select((client, c) => Task.Run(async () =>
        {
            for (var n = 0; DateTime.UtcNow < until; n++)
            {
                var email = $"burst-{c}-{n}@example.org";
                try
                {
                    using var response = await client.SubmitAsync("/institution/users/invite", "/institution/users/invite",
                        new Dictionary<string, string> { ["DisplayName"] = $"并发邀请 {c}-{n}", ["Email"] = email });
                    if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/institution/users")
                    {
                        acknowledged.Add(email);
                    }
                    else
                    {
                        refused.Add(response.StatusCode);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException or InvalidOperationException)
                {
                    refused.Add(0); // the page or the post met the dying node: not acknowledged
                }
            }
        })).ToList();

        await Task.Delay(3000);
        var before = acknowledged.Count;
        cluster.Kill(victim);
        try
        {
            await Task.WhenAll(burst);
            Assert.True(before > 0 && acknowledged.Count > before, $"writes before the kill {before}, in all {acknowledged.Count}");
            var stored = (await cluster.ColumnAsync<string>("SELECT \"Email\" FROM \"AspNetUsers\" WHERE \"Email\" LIKE 'burst-%'")).ToHashSet();
            Assert.DoesNotContain(acknowledged, email => !stored.Contains(email));
            var mailed = (await cluster.ColumnAsync<string>("SELECT \"To\" FROM \"OutboxMessages\" WHERE \"To\" LIKE 'burst-%'")).ToHashSet();
            Assert.DoesNotContain(acknowledged, email => !mailed.Contains(email));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
            await cluster.StartNodeAsync(victim);
        }
    }

    /// <summary>Starts a setup filing at the county office: the POST's status and where it points.</summary>
    private static async Task<(HttpStatusCode Status, string Location)> StartSetupAsync(PortalClient client)
    {
        using var get = await client.GetAsync("/filings/new");
        var html = await get.Content.ReadAsStringAsync();
        var form = PortalClient.Parse(html).Forms.FirstOrDefault(f => f.GetAttribute("action") == "/filings/new" && f.QuerySelector("input[name=kind][value=Setup]") is not null);
        if (get.StatusCode != HttpStatusCode.OK || form is null)
        {
            var text = System.Text.RegularExpressions.Regex.Replace(PortalClient.Parse(html).QuerySelector("main")?.TextContent ?? html, @"\s+", " ").Trim();
            return (get.StatusCode, $"no setup form from {Upstream(get)}: {text[..Math.Min(1500, text.Length)]}");
        }

        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        using var response = await client.PostAsync("/filings/new", new Dictionary<string, string> { ["kind"] = "Setup", ["officeId"] = DemoDataSeeder.CountyOfficeId.ToString() }, token);
        return (response.StatusCode, response.Headers.Location?.OriginalString ?? string.Empty);
    }

    private static async Task<Guid> SubmittedChangeAsync(PortalClient manager, string name, string domicile)
    {
        var id = await manager.StartAsync(FilingKind.Change);
        var fields = PortalClient.FormFields(await manager.PageAsync($"/filings/{id}/edit"), "/edit");
        fields["Name"] = name;
        fields["Domicile"] = domicile;
        fields["PlannedMoveDate"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        fields["Explanation"] = "机构更名并迁址";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SaveAsync(id, fields)).StatusCode);
        await manager.UploadAllAsync(id, [AttachmentKind.ApplicationForm, AttachmentKind.NameApproval, AttachmentKind.DomicileProof]);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.ConfirmSubmitAsync(id)).StatusCode);
        return id;
    }

    private static async Task<Guid> SubmittedSetupAsync(PortalClient applicant, string name)
    {
        var (status, location) = await StartSetupAsync(applicant);
        Assert.True(status == HttpStatusCode.Redirect, $"start: {status} {location}");
        var id = Guid.Parse(location.Split('/')[2]);
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.SaveAsync(id, FilingDriver.SetupFields(name))).StatusCode);
        await applicant.UploadAllAsync(id, FilingMaterials.Required(FilingKind.Setup, []));
        Assert.Equal(HttpStatusCode.Redirect, (await applicant.ConfirmSubmitAsync(id)).StatusCode);
        return id;
    }
}
