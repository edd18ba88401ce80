using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Filings;
using Portal.Infrastructure.Api;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Support;
using UglyToad.PdfPig;

namespace Portal.Web.Tests;

/// <summary>
/// An internal note never reaches the institution: every page its users can reach, every document they can
/// download, every message sent to them and every API answer about them is searched for the note's text.
/// </summary>
public class InternalNoteLeakTests
{
    private const string Probe = "内部备注探针Q7X9不得外泄";

    /// <summary>The text of a PDF the portal drew; an uploaded file that is not one (the tests upload stand-ins) as raw text.</summary>
    private static string PdfText(byte[] pdf)
    {
        try
        {
            using var doc = PdfDocument.Open(pdf);
            return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty);
        }
        catch (UglyToad.PdfPig.Core.PdfDocumentFormatException)
        {
            return Encoding.UTF8.GetString(pdf);
        }
    }

    /// <summary>Every same-site page and file reachable by links from <paramref name="starts"/> (GET only, no language switch, no sign-out).</summary>
    private static async Task<Dictionary<string, string>> CrawlAsync(PortalClient client, IEnumerable<string> starts, int limit = 250)
    {
        var seen = new Dictionary<string, string>();
        var queue = new Queue<string>(starts);
        while (queue.Count > 0 && seen.Count < limit)
        {
            var url = queue.Dequeue();
            if (seen.ContainsKey(url))
            {
                continue;
            }

            var response = await client.GetAsync(url);
            var type = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = type == "application/pdf" ? PdfText(bytes) : Encoding.UTF8.GetString(bytes);
            seen[url] = text;
            if (type != "text/html")
            {
                continue;
            }

            foreach (var href in PortalClient.Parse(text).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//") && !href.StartsWith("/culture") && !href.StartsWith("/account/logout") && !seen.ContainsKey(href))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }

        return seen;
    }

    [Fact]
    public async Task ANoteWrittenThroughTheWholeProcedure_AppearsNowhereTheInstitutionOrTheApiCanLook()
    {
        using var factory = new PortalFactory();
        using var manager = factory.Client();
        await manager.LoginOkAsync(Demo.Manager);
        var id = await FilingWorkTests.SubmittedReissueAsync(manager);

        using var registrar = factory.Client();
        await registrar.LoginOkAsync(Demo.Registrar);
        async Task NoteAsync(string text)
        {
            var page = await registrar.PageAsync($"/registry/filings/{id}");
            var form = page.Forms.Single(f => f.GetAttribute("action") == $"/registry/filings/{id}/notes");
            var response = await registrar.PostAsync($"/registry/filings/{id}/notes", new Dictionary<string, string> { ["text"] = text },
                ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await NoteAsync(Probe + "（受理前）");
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "accept")).StatusCode);
        await NoteAsync(Probe + "（审查中）");
        Assert.Equal(HttpStatusCode.Redirect, (await registrar.DecideAsync(id, "approve")).StatusCode);
        Assert.Equal(FilingState.Approved, await factory.StateAsync(id));
        await NoteAsync(Probe + "（办结后）");
        Assert.Contains(Probe, (await registrar.PageAsync($"/registry/filings/{id}")).QuerySelector("[data-internal-notes]")!.TextContent);

        // Every page, document and file the institution's manager can reach, in both languages.
        var pages = await CrawlAsync(manager, ["/institution", "/filings", $"/filings/{id}", "/institution/documents", "/institution/certificates", "/annual-reports", "/inbox", "/account"]);
        Assert.Contains($"/filings/{id}", pages.Keys);
        Assert.Contains(pages, p => p.Key.StartsWith("/institution/documents/") && p.Key.EndsWith(".pdf")); // the instruments were read too
        Assert.All(pages, p => Assert.False(p.Value.Contains(Probe), $"the note leaked into {p.Key}"));
        var english = await manager.GetAsync($"/filings/{id}", "en-US");
        Assert.DoesNotContain(Probe, await english.Content.ReadAsStringAsync());

        // Messages and e-mails sent to the institution's users.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.False(await db.Notifications.AnyAsync(n => n.BodyZh.Contains(Probe) || n.BodyEn.Contains(Probe) || n.TitleZh.Contains(Probe)));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Body.Contains(Probe) || m.Subject.Contains(Probe)));
            Assert.False(await db.FilingEvents.AnyAsync(e => e.FilingId == id && e.Note != null && e.Note.Contains(Probe)));
        }

        // The API: the institution, its certificates, and the feed of changes.
        string code;
        List<string> certificates;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var institutionId = await db.Filings.Where(f => f.Id == id).Select(f => f.InstitutionId!.Value).SingleAsync();
            code = await db.Institutions.Where(i => i.Id == institutionId).Select(i => i.Code).SingleAsync();
            certificates = await db.Certificates.Where(c => c.InstitutionId == institutionId).Select(c => c.Number).ToListAsync();
        }

        var client = await ApiClientsForTests.RegisterAsync(factory, "内部备注泄露检查", ApiScopes.All, [code]);
        using var api = await ApiClientsForTests.ApiAsync(factory, client);
        var answers = new List<string>
        {
            await api.GetStringAsync($"/api/v1/institutions/{code}"),
            await api.GetStringAsync("/api/v1/feed?limit=1000"),
        };
        foreach (var number in certificates)
        {
            answers.Add(await api.GetStringAsync($"/api/v1/certificates/{Uri.EscapeDataString(number)}"));
        }

        Assert.All(answers, a => Assert.DoesNotContain(Probe, System.Text.RegularExpressions.Regex.Unescape(a)));

        // The public register and the progress lookup.
        using var anyone = factory.Client();
        var publicPages = await CrawlAsync(anyone, [$"/register/{code}"], limit: 30);
        Assert.All(publicPages, p => Assert.False(p.Value.Contains(Probe), $"the note leaked into {p.Key}"));
    }
}
