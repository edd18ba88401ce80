using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Filings;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;
using Portal.Web.Infrastructure;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests;

/// <summary>
/// A generated, seeded corpus of hostile values (over-long text, control and direction characters,
/// mixed-width Unicode, markup, SQL, wrong types, huge and negative numbers, impossible dates, malformed
/// codes) driven through every form field and API parameter below: never a 5xx, forms answer with a
/// message in the user's language, and nothing that fails validation is stored.
/// </summary>
public class HostileInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public const int Seed = 20261126;

    /// <summary>The corpus: fixed nasties plus seeded random mixtures, <paramref name="count"/> values.</summary>
    public static List<string> Corpus(int count)
    {
        string[] fixedValues =
        [
            "", " ", "\t\t", "\0", "a\0b", "\u0001\u0002\u001b[31m", "名称\u202Eexe.txt", "\u2066隐藏\u2069", "\uFEFF浦江", "line\r\nbreak", "\u2028\u2029",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "@(1+1)", "${jndi:ldap://x}",
            "' OR 1=1 --", "\"; DROP TABLE Institutions; --", "%' AND 1=0 UNION SELECT password FROM users --", "\\", "%", "_", "[", "]]>",
            "ＡＢＣ１２３", "ｅｘｐｌｏｉｔ", "𠮷野家", "👩‍👩‍👧‍👦", "e\u0301\u0301\u0301", "Ω≈ç√∫", "ﷺ", "\uD83D", "Ⅻ", "①②③",
            "NaN", "Infinity", "-0", "1e309", "-1", "-0.01", "0.001", "99999999999999999999999999", "1,000,000", "0x10", "١٢٣",
            "0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "99999-01-01", "1900-01-00", "yesterday", "2026/11/26", "26.11.2026",
            "12330726MB1A2B3CX0", "12330726mb1a2b3cxe", "1233 0726 MB1A 2B3C XE", "123307260000000000", "IIIIIIIIIIIIIIIIII", "330726198001010012", "33072619800101001x",
            "true", "false", "null", "undefined", "[]", "{}", "Approved", "Revoked", "../../etc/passwd", "C:\\Windows\\win.ini", "%00", "%2e%2e%2f",
        ];
        var random = new Random(Seed);
        var values = new List<string>(fixedValues);
        string[] pieces = ["浦江", "<b>", "'", "\"", ";", "--", "\u0000", "\u202E", "Ａ", "9", "-", ".", " ", "\n", "&amp;", "%", "𠮷", "e\u0301", "学校", "0"];
        while (values.Count < count)
        {
            var kind = random.Next(4);
            var s = kind switch
            {
                0 => new string((char)random.Next(0x4E00, 0x9FFF), random.Next(90, 5000)), // over-long Chinese
                1 => string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)])),
                2 => random.Next(3) switch { 0 => random.NextInt64().ToString(), 1 => (-random.NextDouble() * 1e12).ToString("R"), _ => random.Next(-10000, 10000) + "." + random.Next(0, 99999) },
                _ => new DateOnly(random.Next(1, 10000), random.Next(1, 13), 1).AddDays(random.Next(0, 31)).ToString(random.Next(2) == 0 ? "yyyy-MM-dd" : "yyyy/M/d"),
            };
            values.Add(s);
        }

        return values;
    }

    private sealed record Target(string Name, string[] Fields);

    [Fact]
    public async Task TenThousandHostileValues_NeverA5xx_AlwaysAnAnswer_AndNothingInvalidIsStored()
    {
        var corpus = Corpus(230);
        var requests = 0;
        var failures = new List<string>();
        void Check(string where, string value, HttpResponseMessage response, string body, bool form)
        {
            requests++;
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{where} ← {Show(value)}: {status}");
            }
            else if (form && status == 200 && !body.Contains("field-validation-error", StringComparison.Ordinal) && !body.Contains("validation-summary-errors", StringComparison.Ordinal)
                && !body.Contains("role=\"alert\"", StringComparison.Ordinal))
            {
                failures.Add($"{where} ← {Show(value)}: 200 without a message");
            }
        }

        // Forms, as the institution's manager: a setup-like change draft and last year's report.
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var filing = await manager.StartAsync(FilingKind.Change);
        var editPage = await manager.PageAsync($"/filings/{filing}/edit");
        var baseline = PortalClient.FormFields(editPage, "/edit");
        var token = ((IHtmlInputElement)editPage.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var year = DateTime.UtcNow.AddHours(8).Year - 1;
        var reportStart = await manager.SubmitAsync("/annual-reports", "/annual-reports/start", new Dictionary<string, string> { ["year"] = year.ToString() });
        var reportEdit = reportStart.Headers.Location!.ToString();
        string[] reportFields = ["BusinessActivities", "NetAssetsStart", "NetAssetsEnd", "Income", "Expenditure", "ChangeCompliance", "Performance", "StaffOnRoll", "ConfirmerName", "ConfirmerPost", "ConfirmedOn"];

        foreach (var field in baseline.Keys)
        {
            foreach (var value in corpus)
            {
                var fields = new Dictionary<string, string>(baseline) { [field] = value };
                var r = await manager.PostAsync($"/filings/{filing}/edit", fields, token);
                Check($"filing.{field}", value, r, await r.Content.ReadAsStringAsync(), form: true);
            }
        }

        foreach (var field in reportFields)
        {
            foreach (var value in corpus)
            {
                var r = await manager.PostAsync(reportEdit, new Dictionary<string, string> { [field] = value }, token);
                Check($"report.{field}", value, r, await r.Content.ReadAsStringAsync(), form: true);
            }
        }

        // Public pages and their parameters, in English this time.
        using var visitor = factory.Client();
        var pages = new (string Path, string[] Parameters)[]
        {
            ("/register", ["q", "status", "office", "sponsor", "funding", "page"]),
            ("/verify", ["number", "code"]),
            ("/announcements", ["kind", "from", "to", "page"]),
            ("/reports", ["year"]),
        };
        foreach (var (path, parameters) in pages)
        {
            foreach (var parameter in parameters)
            {
                foreach (var value in corpus)
                {
                    var r = await visitor.GetAsync($"{path}?{parameter}={Uri.EscapeDataString(value)}", "en-US");
                    Check($"{path}?{parameter}", value, r, string.Empty, form: false);
                }
            }
        }

        foreach (var value in corpus.Where(v => !v.Contains('\0')))
        {
            // (A NUL in a path never reaches the app: Kestrel answers 400 itself, and the test host refuses to send it.)
            var r = await visitor.GetAsync("/register/" + Uri.EscapeDataString(value));
            Check("/register/{code}", value, r, string.Empty, form: false);
            var v = await visitor.GetAsync("/v/" + Uri.EscapeDataString(value));
            Check("/v/{token}", value, v, string.Empty, form: false);
        }

        foreach (var value in corpus)
        {
            var login = await visitor.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = value, ["Password"] = value });
            Check("login", value, login, await login.Content.ReadAsStringAsync(), form: true);
        }

        // The API.
        var client = await ApiClientsForTests.RegisterAsync(factory, "恶意输入测试", [ApiScopes.RegisterRead, ApiScopes.CertificatesVerify, ApiScopes.FeedRead]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client, "register.read certificates.verify feed.read");
        foreach (var value in corpus)
        {
            Check("api.lookup", value, await api.PostAsJsonAsync("/api/v1/institutions/lookup", new { codes = new[] { value } }), string.Empty, false);
            Check("api.verify", value, await api.PostAsJsonAsync("/api/v1/certificates/verify", new { token = value }), string.Empty, false);
            Check("api.feed.after", value, await api.GetAsync("/api/v1/feed?after=" + Uri.EscapeDataString(value)), string.Empty, false);
            Check("api.feed.limit", value, await api.GetAsync("/api/v1/feed?limit=" + Uri.EscapeDataString(value)), string.Empty, false);
            if (!value.Contains('\0'))
            {
                Check("api.institution", value, await api.GetAsync("/api/v1/institutions/" + Uri.EscapeDataString(value)), string.Empty, false);
                Check("api.certificate", value, await api.GetAsync("/api/v1/certificates/" + Uri.EscapeDataString(value)), string.Empty, false);
            }

            using var raw = new StringContent("{\"codes\": [" + value + "]}", Encoding.UTF8, "application/json"); // malformed JSON and wrong types
            Check("api.lookup.raw", value, await api.PostAsync("/api/v1/institutions/lookup", raw), string.Empty, false);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests}:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(requests >= 10_000, $"only {requests} requests");

        // Nothing stored fails validation: the draft and the report hold no invisible characters and fit their limits.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = await db.Filings.AsNoTracking().SingleAsync(f => f.Id == filing);
        var items = stored.Proposed!;
        foreach (var text in new[] { items.Name, items.SecondName, items.Domicile, items.PurposeAndScope, items.LegalRepresentative, items.Sponsor, stored.Explanation })
        {
            Assert.False(text is not null && UnsafeTextFilter.IsUnsafe(text), Show(text ?? string.Empty));
        }

        Assert.True(items.Name.Length <= 100 && items.Domicile.Length <= 200 && items.PurposeAndScope.Length <= 2000);
        Assert.True(items.StartupCapital >= 0);
        Assert.True(Portal.Domain.Common.ResidentIdNumber.IsValid(items.LegalRepresentativeIdNumber));
        var report = await db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(reportEdit.Split('/')[2]));
        Assert.False(UnsafeTextFilter.IsUnsafe(report.Content.BusinessActivities ?? string.Empty));
        Assert.True((report.Content.Income ?? 0) >= 0 && (report.Content.Expenditure ?? 0) >= 0);
        Assert.True(report.Content.BusinessActivities is null || report.Content.BusinessActivities.Length <= 4000);
    }

    private static string Show(string value) => value.Length > 40 ? value[..40] + $"… ({value.Length})" : value.Replace("\0", "\\0", StringComparison.Ordinal);
}
