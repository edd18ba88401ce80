using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Verify;

/// <summary>
/// The verify page's body, written directly: a phone scanning a certificate gets it without the MVC and
/// Razor machinery (a third of the CPU a scan cost), inside the site's own chrome (<see cref="PageShell"/>).
/// The by-number form's result page shows the same body through its Razor view.
/// </summary>
public static class VerifyPage
{
    /// <summary>Chinese as characters, as the app's Razor encoder writes it (markup characters are still escaped).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary><c>GET /v/{**token}</c>: the scanned QR code.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/v/{**token}", async (string? token, HttpContext context, CertificateVerification verification, PageShell shell, IStringLocalizer<SharedResource> l) =>
            {
                var model = await verification.ForTokenAsync(token, context.RequestAborted);
                context.Response.Headers.CacheControl = "no-store"; // the status can change after printing
                await shell.WriteAsync(context, l["Verify.Title"], Body(model, l));
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Verify)
            .WithName("VerifyToken")
            .ExcludeFromDescription();

    public static string Body(VerifyViewModel model, IStringLocalizer l)
    {
        var h = Encoder;
        var html = new StringBuilder(3000);
        string E(string? text) => h.Encode(text ?? string.Empty);
        string T(string key) => E(l[key]);
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd") ?? "—";
        string Show(string label, string value) => label == "Item.StartupCapital" ? l["Format.TenThousandYuan", value].Value : value;

        var verdict = model.Verdict.ToString();
        html.Append("<div class=\"verify mx-auto\">")
            .Append("<h1 class=\"h4 mb-3\">").Append(T(model.FamilyKey is null ? "Verify.Title" : "Verify.TitleAgency")).Append("</h1>");
        if (model.FamilyKey is not null)
        {
            // Which certificate family: 《统一社会信用代码证书》 of an organ or people's organisation, not a legal-person certificate.
            html.Append("<p class=\"verify-family fw-semibold mb-2\" data-family>").Append(T(model.FamilyKey)).Append("</p>");
        }

        html
            .Append("<section class=\"verdict verdict-").Append(verdict.ToLowerInvariant()).Append(" rounded p-3 mb-3\" role=\"status\" aria-live=\"polite\" data-verdict=\"").Append(verdict).Append("\">")
            .Append("<p class=\"verdict-word mb-1\">").Append(T("Verdict." + verdict)).Append("</p>");
        if (model.Verdict != Verdict.NotIssued)
        {
            // At a glance: whose certificate, which one.
            html.Append("<p class=\"verdict-subject fw-bold mb-1\" lang=\"zh-CN\" data-verdict-name>").Append(E(model.Name)).Append("</p>")
                .Append("<p class=\"mb-1\" data-verdict-number>").Append(E(l["Verify.NumberIs", model.Number ?? string.Empty])).Append("</p>");
        }

        html.Append("<p class=\"mb-0\">").Append(T("VerdictText." + verdict)).Append("</p>");
        if (model.Verdict == Verdict.Superseded)
        {
            html.Append("<p class=\"mb-0 mt-2\" data-ended>").Append(E(l["Verify.SupersededOn", Day(model.EndedOn)])).Append("</p>");
        }
        if (model.Verdict == Verdict.Voided && model.VoidReason is { } reason)
        {
            html.Append("<p class=\"mb-0 mt-2\">").Append(E(l["Verify.VoidedBecause", l["VoidReason." + reason].Value, Day(model.EndedOn)])).Append("</p>");
        }

        if (model.Verdict == Verdict.Expired)
        {
            html.Append("<p class=\"mb-0 mt-2\">").Append(E(l["Verify.ExpiredOn", Day(model.ValidUntil)])).Append("</p>");
        }

        if (model.SuccessorUrl is not null)
        {
            html.Append("<p class=\"mb-0 mt-2\"><a class=\"link-dark fw-bold\" href=\"").Append(E(model.SuccessorUrl)).Append("\" data-successor>")
                .Append(E(l["Verify.SeeCurrent", model.SuccessorNumber ?? string.Empty])).Append("</a></p>");
        }

        html.Append("</section>");
        if (model.HeldUntil is { } held)
        {
            html.Append("<p class=\"alert alert-danger\" role=\"alert\" data-hold>").Append(E(l["Register.Held", held.ToString("yyyy-MM-dd")])).Append("</p>");
        }

        if (model.Verdict != Verdict.NotIssued)
        {
            if (model.RegisterUrl is not null)
            {
                html.Append("<p><a href=\"").Append(E(model.RegisterUrl)).Append("\">").Append(T("Verify.PublicPage")).Append("</a></p>");
            }

            html.Append("<dl class=\"items\">");
            Item("Verify.Number", model.Number, "code");
            Item("Field.Code", model.Code, "code");
            if (model.Verdict == Verdict.Valid)
            {
                Item("Verify.Validity", model.ValidUntil is null ? l["Verify.NoValidityPrinted"].Value : Day(model.ValidFrom) + " — " + Day(model.ValidUntil), null);
            }
            else
            {
                // Not valid: the day it stopped, and the period it once had, never shown as if still current.
                Item("Verify.EndedOnLabel", Day(model.EndedOn), "text-danger fw-bold");
                if (model.ValidUntil is not null)
                {
                    Item("Verify.ValidityWas", Day(model.ValidFrom) + " — " + Day(model.ValidUntil), "text-muted");
                }
            }

            Item("Verify.IssuedOn", Day(model.IssuedOn), null);
            Item(model.FamilyKey is null ? "Verify.Office" : "Agency.Office", model.OfficeName, null);
            if (model.OfficeTelephone is not null)
            {
                html.Append("<dt>").Append(T("Verify.OfficeTelephone")).Append("</dt><dd><a href=\"tel:").Append(E(new string(model.OfficeTelephone.Where(c => char.IsAsciiDigit(c) || c is '+' or '-').ToArray())))
                    .Append("\">").Append(E(model.OfficeTelephone)).Append("</a></dd>");
            }

            Item("Verify.CheckedAt", model.CheckedAt?.ToString("yyyy-MM-dd HH:mm:ss") is { } at ? at + " " + l["Verify.ChinaTime"].Value : "—", null);
            html.Append("</dl><h2 class=\"h6\">").Append(T("Verify.AsPrinted")).Append("</h2><dl class=\"items\">");
            foreach (var row in model.Printed)
            {
                html.Append("<dt>").Append(T(row.Label)).Append("</dt><dd>").Append(E(Show(row.Label, row.AsIssued)));
                if (row.Now is not null)
                {
                    html.Append("<br /><span class=\"badge text-bg-warning\">").Append(T("Verify.NowRegistered")).Append("</span> ").Append(E(Show(row.Label, row.Now)));
                }

                html.Append("</dd>");
            }

            html.Append("</dl>");
        }
        else
        {
            html.Append("<p>").Append(T("Verify.NotIssuedHelp")).Append("</p>");
        }

        html.Append("<p class=\"small text-muted mt-4\"><a href=\"/verify\">").Append(T("Verify.ByNumber")).Append("</a></p></div>");
        return html.ToString();

        void Item(string label, string? value, string? cssClass)
        {
            html.Append("<dt>").Append(T(label)).Append("</dt><dd").Append(cssClass is null ? string.Empty : " class=\"" + cssClass + "\"").Append('>').Append(E(value)).Append("</dd>");
        }
    }
}
