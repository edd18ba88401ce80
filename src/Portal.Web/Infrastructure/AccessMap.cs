using System.Text;
using Portal.Infrastructure.Api;

namespace Portal.Web.Infrastructure;

/// <summary>Who may use an endpoint. Records are further scoped: another institution's or office's answer 404.</summary>
public enum Audience
{
    /// <summary>Anyone, signed in or not.</summary>
    Anyone,

    /// <summary>Any signed-in person (their own account, inbox).</summary>
    SignedIn,

    /// <summary>Users of an institution, including an applicant whose setup is pending.</summary>
    Institution,

    /// <summary>Users of a registered institution.</summary>
    InstitutionMember,

    /// <summary>The manager of an institution.</summary>
    InstitutionManager,

    /// <summary>Registrars and supervisors of an office: their office's records only.</summary>
    Registry,

    /// <summary>Supervisors of an office (and of its child offices, for statistics).</summary>
    Supervisor,

    Administrator,

    /// <summary>An API client whose token carries the scope.</summary>
    ApiClient,
}

public sealed record Access(Audience Audience, string? Scope, string What);

/// <summary>
/// The declared access of every endpoint, keyed "METHOD /route". The access-matrix test checks each
/// endpoint of the running app against this map for every kind of principal, and fails on an endpoint
/// that is missing here, so a new page cannot ship unguarded. The README's roles table is generated
/// from it (<see cref="Markdown"/>).
/// </summary>
public static class AccessMap
{
    public static readonly IReadOnlyDictionary<string, Access> Endpoints = new Dictionary<string, Access>
    {
        ["* /error"] = new(Audience.Anyone, null, "Error page"),
        ["* /error/{code:int}"] = new(Audience.Anyone, null, "Error page for a status code"),
        ["* /health/ready"] = new(Audience.Anyone, null, "Readiness probe (database reachable)"),
        ["GET /"] = new(Audience.Anyone, null, "Home page"),
        ["GET /.well-known/certificate-keys.json"] = new(Audience.Anyone, null, "Public keys (JWKS) to verify certificate QR codes offline"),
        ["GET /abnormal-list"] = new(Audience.Anyone, null, "The abnormal list, when the office publishes it"),
        ["GET /account"] = new(Audience.SignedIn, null, "Own account page"),
        ["GET /account/access-denied"] = new(Audience.Anyone, null, "Access denied page"),
        ["GET /account/change-password"] = new(Audience.SignedIn, null, "Change own password"),
        ["GET /account/forgot-password"] = new(Audience.Anyone, null, "Ask for a password reset link"),
        ["GET /account/forgot-password/sent"] = new(Audience.Anyone, null, "Reset link sent page"),
        ["GET /account/login"] = new(Audience.Anyone, null, "Log in"),
        ["GET /account/login-2fa"] = new(Audience.Anyone, null, "Two-factor step of logging in"),
        ["GET /account/login-recovery"] = new(Audience.Anyone, null, "Log in with a recovery code"),
        ["GET /account/reset-password"] = new(Audience.Anyone, null, "Set a new password from a reset link"),
        ["GET /account/step-up"] = new(Audience.SignedIn, null, "Confirm a two-factor code before a decisive act"),
        ["POST /account/step-up"] = new(Audience.SignedIn, null, "Confirm a two-factor code before a decisive act"),
        ["GET /account/two-factor"] = new(Audience.SignedIn, null, "Own two-factor settings"),
        ["GET /admin"] = new(Audience.Administrator, null, "Administration home"),
        ["GET /admin/api-clients"] = new(Audience.Administrator, null, "List API clients"),
        ["GET /admin/api-clients/new"] = new(Audience.Administrator, null, "Register an API client"),
        ["GET /admin/calendar"] = new(Audience.Administrator, null, "Holiday calendar"),
        ["GET /admin/funding-sources"] = new(Audience.Administrator, null, "Funding sources"),
        ["GET /admin/funding-sources/{code}"] = new(Audience.Administrator, null, "Edit a funding source"),
        ["GET /admin/funding-sources/new"] = new(Audience.Administrator, null, "Add a funding source"),
        ["GET /admin/keys"] = new(Audience.Administrator, null, "Certificate signing keys"),
        ["POST /admin/keys/rotate"] = new(Audience.Administrator, null, "Rotate the certificate signing key (two-factor step-up)"),
        ["POST /admin/keys/documents/{region}/rotate"] = new(Audience.Administrator, null, "Rotate an office's document-signing certificate (embedded setup)"),
        ["GET /admin/regions"] = new(Audience.Administrator, null, "Region codes"),
        ["GET /culture"] = new(Audience.Anyone, null, "Switch the language"),
        ["GET /announcements"] = new(Audience.Anyone, null, "Announcements, filtered by kind and date"),
        ["GET /progress"] = new(Audience.Anyone, null, "Progress lookup (进度查询): the form"),
        ["POST /progress"] = new(Audience.Anyone, null, "Progress lookup: number plus code or the applicant mobile's last four digits; state, dates, deadlines only; rate-limited"),
        ["GET /services"] = new(Audience.Anyone, null, "Service guides (办事指南): the list"),
        ["GET /services/{slug}/template.pdf"] = new(Audience.Anyone, null, "A filing service's blank application form (样表), from the rules the checks use"),
        ["GET /services/{slug}"] = new(Audience.Anyone, null, "A service's guide: conditions, materials, time limits, fee, legal basis, steps, result, desks"),
        ["GET /annual-reports"] = new(Audience.InstitutionMember, null, "Own institution's annual reports"),
        ["GET /annual-reports/{id:guid}"] = new(Audience.InstitutionMember, null, "An annual report of own institution"),
        ["GET /annual-reports/{id:guid}/attachments/{attachmentId:guid}"] = new(Audience.InstitutionMember, null, "Download an attachment of own institution's report"),
        ["GET /annual-reports/{id:guid}/edit"] = new(Audience.InstitutionMember, null, "Edit own institution's report"),
        ["GET /api/reference/{documentName?}"] = new(Audience.Anyone, null, "API reference page"),
        ["GET /api/reference/favicon.svg"] = new(Audience.Anyone, null, "API reference asset"),
        ["GET /api/reference/scalar.aspnetcore.js"] = new(Audience.Anyone, null, "API reference asset"),
        ["GET /api/reference/scalar.js"] = new(Audience.Anyone, null, "API reference asset"),
        ["GET /api/v1/certificates/{number}"] = new(Audience.ApiClient, ApiScopes.CertificatesVerify, "API: a certificate's status"),
        ["GET /api/v1/feed"] = new(Audience.ApiClient, ApiScopes.FeedRead, "API: the register's change feed"),
        ["GET /api/v1/institutions/{code}"] = new(Audience.ApiClient, ApiScopes.RegisterRead, "API: an institution's public items"),
        ["GET /api/v1/agencies/{code}"] = new(Audience.ApiClient, ApiScopes.RegisterRead, "API: an organ's or people's organisation's public items"),
        ["GET /connect/authorize"] = new(Audience.Anyone, null, "OpenID Connect authorization (signs the person in first)"),
        ["GET /filings"] = new(Audience.Institution, null, "Own filings"),
        ["GET /filings/{id:guid}"] = new(Audience.Institution, null, "One of own filings"),
        ["GET /filings/{id:guid}/attachments/{attachmentId:guid}"] = new(Audience.Institution, null, "Download an attachment of own filing"),
        ["GET /filings/{id:guid}/edit"] = new(Audience.Institution, null, "Edit own draft filing"),
        ["GET /filings/{id:guid}/agency"] = new(Audience.Institution, null, "Edit own draft agency filing (机关、群团赋码)"),
        ["GET /agency/certificates"] = new(Audience.Institution, null, "Own agency's code certificates (none for other accounts)"),
        ["GET /agency/certificates/{id:guid}/{part}.pdf"] = new(Audience.Institution, null, "Download own agency's code certificate"),
        ["GET /registry/agency-certificates/{id:guid}/{part}.pdf"] = new(Audience.Registry, null, "Download an agency code certificate of the office"),
        ["GET /filings/{id:guid}/submit"] = new(Audience.Institution, null, "Check and submit own filing"),
        ["GET /filings/{id:guid}/withdraw"] = new(Audience.Institution, null, "Withdraw own filing"),
        ["GET /filings/new"] = new(Audience.Institution, null, "Start a filing"),
        ["GET /favicon.ico"] = new(Audience.Anyone, null, "Old browsers' icon request: redirects to /favicon.svg"),
        ["GET /health/live"] = new(Audience.Anyone, null, "Liveness probe"),
        ["GET /inbox"] = new(Audience.SignedIn, null, "Own notifications"),
        ["GET /institution"] = new(Audience.Institution, null, "Own institution's registered items"),
        ["GET /institution/certificates"] = new(Audience.Institution, null, "Own institution's certificates"),
        ["GET /institution/documents"] = new(Audience.Institution, null, "Own notices and decisions (instruments), with delivery"),
        ["GET /institution/documents/{id:guid}.pdf"] = new(Audience.Institution, null, "Open an own instrument (the first opening records delivery)"),
        ["GET /registry/documents"] = new(Audience.Registry, null, "The office's instruments"),
        ["GET /registry/documents/{id:guid}.pdf"] = new(Audience.Registry, null, "Open an instrument of the office"),
        ["GET /documents/check"] = new(Audience.Anyone, null, "Check an instrument by number and check code"),
        ["GET /documents/check/{code}"] = new(Audience.Anyone, null, "Check an instrument from its QR code"),
        ["GET /institution/certificates/{id:guid}/{part}.pdf"] = new(Audience.Institution, null, "Download own certificate (original or duplicate)"),
        ["GET /institution/users"] = new(Audience.InstitutionManager, null, "Own institution's users"),
        ["GET /institution/users/{id}/remove"] = new(Audience.InstitutionManager, null, "Remove a user of own institution"),
        ["GET /institution/users/invite"] = new(Audience.InstitutionManager, null, "Invite a user to own institution"),
        ["GET /openapi/{documentName}.json"] = new(Audience.Anyone, null, "OpenAPI document"),
        ["GET /register"] = new(Audience.Anyone, null, "Search the public register"),
        ["GET /register/{code}"] = new(Audience.Anyone, null, "An institution's public profile"),
        ["GET /register/open-data.{format:regex(^(csv|json)$)}"] = new(Audience.Anyone, null, "Open data of the register (CSV, JSON)"),
        ["GET /registry"] = new(Audience.Registry, null, "Office home"),
        ["GET /registry/audit"] = new(Audience.Supervisor, null, "Verify the audit chain; the office's recent audit entries"),
        ["GET /registry/certificates/{id:guid}/{part}.pdf"] = new(Audience.Registry, null, "Download a certificate of the office"),
        ["GET /registry/filings"] = new(Audience.Registry, null, "The office's filing queue"),
        ["GET /registry/filings/{id:guid}"] = new(Audience.Registry, null, "Review one of the office's filings"),
        ["GET /registry/filings/{id:guid}/attachments/{attachmentId:guid}"] = new(Audience.Registry, null, "Download a filing attachment of the office"),
        ["GET /registry/import"] = new(Audience.Supervisor, null, "Imports of the office's existing register"),
        ["GET /registry/import/{id:guid}"] = new(Audience.Supervisor, null, "One import: dry run, progress"),
        ["GET /registry/import/{id:guid}/errors.csv"] = new(Audience.Supervisor, null, "Download an import's problems"),
        ["GET /registry/import/{id:guid}/progress"] = new(Audience.Supervisor, null, "An import's progress"),
        ["GET /registry/import/template.csv"] = new(Audience.Supervisor, null, "Download the import template"),
        ["GET /registry/institutions"] = new(Audience.Registry, null, "The office's register"),
        ["GET /registry/institutions/{id:guid}"] = new(Audience.Registry, null, "One of the office's institutions"),
        ["GET /registry/reports"] = new(Audience.Registry, null, "The office's annual reports to review"),
        ["GET /registry/reports/{id:guid}"] = new(Audience.Registry, null, "Review one of the office's reports"),
        ["GET /registry/reports/{id:guid}/attachments/{attachmentId:guid}"] = new(Audience.Registry, null, "Download a report attachment of the office"),
        ["GET /registry/reports/overdue"] = new(Audience.Registry, null, "The office's overdue reports"),
        ["GET /registry/spot-checks"] = new(Audience.Registry, null, "The office's spot checks"),
        ["GET /registry/spot-checks/{id:guid}"] = new(Audience.Registry, null, "One of the office's spot checks"),
        ["GET /registry/statistics"] = new(Audience.Registry, null, "The office's statistics (a parent office's supervisor: with its child offices)"),
        ["GET /registry/statistics/export.csv"] = new(Audience.Registry, null, "Export the statistics"),
        ["GET /registry/statistics/records"] = new(Audience.Registry, null, "The records behind a figure"),
        ["GET /reports"] = new(Audience.Anyone, null, "Published annual reports"),
        ["GET /reports/{id:guid}"] = new(Audience.Anyone, null, "A published annual report"),
        ["GET /spot-checks"] = new(Audience.Anyone, null, "Closed spot checks and their results"),
        ["GET /v/{**token}"] = new(Audience.Anyone, null, "Verify a certificate from its QR code"),
        ["GET /verify"] = new(Audience.Anyone, null, "Verify a certificate by number and code"),
        ["POST /account/change-password"] = new(Audience.SignedIn, null, "Change own password"),
        ["POST /account/forgot-password"] = new(Audience.Anyone, null, "Send a password reset link"),
        ["POST /account/login"] = new(Audience.Anyone, null, "Log in"),
        ["POST /account/login-2fa"] = new(Audience.Anyone, null, "Log in: two-factor code"),
        ["POST /account/login-recovery"] = new(Audience.Anyone, null, "Log in: recovery code"),
        ["POST /account/logout"] = new(Audience.Anyone, null, "Log out"),
        ["POST /account/reminder-emails"] = new(Audience.SignedIn, null, "Opt in or out of reminder emails"),
        ["POST /account/mobile"] = new(Audience.SignedIn, null, "Set or clear own mobile number (its last four digits look up a setup's progress)"),
        ["POST /account/reset-password"] = new(Audience.Anyone, null, "Set a new password"),
        ["POST /account/two-factor/disable"] = new(Audience.SignedIn, null, "Turn own two-factor off (needs a current code; not for staff who must keep it)"),
        ["POST /account/two-factor/enable"] = new(Audience.SignedIn, null, "Turn own two-factor on (needs the password)"),
        ["POST /account/two-factor/recovery-codes"] = new(Audience.SignedIn, null, "New recovery codes (needs a current code)"),
        ["POST /account/two-factor/reset"] = new(Audience.SignedIn, null, "Set up a new authenticator (needs a current code)"),
        ["POST /admin/api-clients"] = new(Audience.Administrator, null, "Register an API client"),
        ["POST /admin/api-clients/{clientId}/disable"] = new(Audience.Administrator, null, "Disable an API client"),
        ["POST /admin/api-clients/{clientId}/enable"] = new(Audience.Administrator, null, "Enable an API client"),
        ["POST /admin/calendar"] = new(Audience.Administrator, null, "Edit the holiday calendar"),
        ["POST /admin/calendar/{date}/delete"] = new(Audience.Administrator, null, "Remove a calendar day"),
        ["POST /admin/funding-sources"] = new(Audience.Administrator, null, "Save a funding source"),
        ["POST /admin/regions"] = new(Audience.Administrator, null, "Save a region code"),
        ["POST /annual-reports/{id:guid}/attachments"] = new(Audience.InstitutionMember, null, "Attach to own report"),
        ["POST /annual-reports/{id:guid}/attachments/{attachmentId:guid}/remove"] = new(Audience.InstitutionMember, null, "Remove an attachment of own report"),
        ["POST /annual-reports/{id:guid}/correct"] = new(Audience.InstitutionMember, null, "Start a correction of own published report"),
        ["POST /annual-reports/{id:guid}/edit"] = new(Audience.InstitutionMember, null, "Save own report"),
        ["POST /annual-reports/{id:guid}/submit"] = new(Audience.InstitutionMember, null, "Submit own report"),
        ["POST /annual-reports/start"] = new(Audience.InstitutionMember, null, "Start last year's report"),
        ["POST /api/v1/annual-reports"] = new(Audience.ApiClient, ApiScopes.ReportsSubmit, "API: a sponsor files reports for its institutions"),
        ["POST /api/v1/certificates/verify"] = new(Audience.ApiClient, ApiScopes.CertificatesVerify, "API: verify a scanned token"),
        ["POST /api/v1/institutions/lookup"] = new(Audience.ApiClient, ApiScopes.RegisterRead, "API: look up to 1,000 codes"),
        ["POST /connect/authorize"] = new(Audience.Anyone, null, "OpenID Connect authorization"),
        ["POST /connect/token"] = new(Audience.Anyone, null, "OAuth 2 token endpoint"),

        ["POST /filings/{id:guid}/attachments"] = new(Audience.Institution, null, "Attach to own filing"),
        ["POST /filings/{id:guid}/attachments/{attachmentId:guid}/remove"] = new(Audience.Institution, null, "Remove an attachment of own filing"),
        ["POST /filings/{id:guid}/edit"] = new(Audience.Institution, null, "Save own draft filing"),
        ["POST /filings/{id:guid}/agency"] = new(Audience.Institution, null, "Save own draft agency filing"),
        ["POST /registry/filings/{id:guid}/collected"] = new(Audience.Registry, null, "Record an agency's certificate and seal collected before cancellation"),
        ["POST /filings/{id:guid}/submit"] = new(Audience.Institution, null, "Submit own filing"),
        ["POST /filings/{id:guid}/withdraw"] = new(Audience.Institution, null, "Withdraw own filing"),
        ["POST /filings/new"] = new(Audience.Institution, null, "Start a filing"),
        ["POST /inbox/{id:guid}/read"] = new(Audience.SignedIn, null, "Mark own notification read"),
        ["POST /institution/users/{id}/remove"] = new(Audience.InstitutionManager, null, "Remove a user of own institution"),
        ["POST /institution/users/invite"] = new(Audience.InstitutionManager, null, "Invite a user to own institution"),
        ["POST /registry/certificates/{id:guid}/void"] = new(Audience.Registry, null, "Void a certificate of the office"),
        ["POST /institution/delivery-consent"] = new(Audience.InstitutionManager, null, "Consent to electronic delivery of instruments (audited)"),
        ["POST /documents/check/file"] = new(Audience.Anyone, null, "Compare an uploaded PDF with the instrument issued"),
        ["POST /registry/filings/{id:guid}/{verb}"] = new(Audience.Registry, null, "Accept, return, approve, propose refusal, refuse one of the office's filings"),
        ["POST /filings/{id:guid}/rating"] = new(Audience.Institution, null, "好差评: rate own closed filing once"),
        ["POST /annual-reports/{id:guid}/rating"] = new(Audience.InstitutionMember, null, "好差评: rate own published report once"),
        ["POST /ratings/{id:guid}/feedback"] = new(Audience.SignedIn, null, "Say whether the follow-up of own rating resolved the problem"),
        ["GET /registry/ratings"] = new(Audience.Registry, null, "The office's ratings, satisfaction rate and follow-ups"),
        ["GET /registry/ratings/appeals"] = new(Audience.Supervisor, null, "Appeals against ratings from the child offices"),
        ["GET /registry/ratings/{id:guid}"] = new(Audience.Registry, null, "One of the office's ratings (or a child office's appealed one, for its supervisor)"),
        ["POST /registry/ratings/{id:guid}/answer"] = new(Audience.Supervisor, null, "Answer and close the follow-up of a bad rating"),
        ["POST /registry/ratings/{id:guid}/appeal"] = new(Audience.Supervisor, null, "Appeal a rating to the parent office"),
        ["POST /registry/ratings/{id:guid}/appeal-decision"] = new(Audience.Supervisor, null, "Decide a child office's appeal against a rating"),
        ["POST /registry/filings/{id:guid}/take"] = new(Audience.Registry, null, "我来办: take one of the office's unassigned filings"),
        ["POST /registry/filings/{id:guid}/assign"] = new(Audience.Supervisor, null, "Assign or reassign one of the office's filings to a member of its staff (audited)"),
        ["POST /registry/filings/{id:guid}/notes"] = new(Audience.Registry, null, "Write an internal note on one of the office's filings (staff only)"),
        ["POST /registry/reports/overdue/{institutionId:guid}/chase"] = new(Audience.Registry, null, "催报: remind one of the office's institutions of its overdue report (once a week)"),
        ["POST /registry/import"] = new(Audience.Supervisor, null, "Upload and dry-run an import"),
        ["POST /registry/import/{id:guid}/pause"] = new(Audience.Supervisor, null, "Pause an import"),
        ["POST /registry/import/{id:guid}/rollback"] = new(Audience.Supervisor, null, "Roll back an import"),
        ["POST /registry/import/{id:guid}/start"] = new(Audience.Supervisor, null, "Start or resume an import"),
        ["POST /registry/institutions/{id:guid}/enforcement"] = new(Audience.Registry, null, "Take an enforcement action (revocation: supervisor)"),
        ["POST /registry/reports/{id:guid}/flag"] = new(Audience.Registry, null, "Flag a report for an on-site check"),
        ["POST /registry/reports/{id:guid}/publish"] = new(Audience.Registry, null, "Publish a report"),
        ["POST /registry/reports/{id:guid}/return"] = new(Audience.Registry, null, "Return a report"),
        ["POST /registry/settings"] = new(Audience.Supervisor, null, "The office's time limits and report window"),
        ["POST /registry/service-desk"] = new(Audience.Supervisor, null, "Set the office's service desk (address, hours, notes) for the guides"),
        ["POST /registry/spot-checks"] = new(Audience.Supervisor, null, "Draw a spot check"),
        ["POST /registry/spot-checks/{id:guid}/close"] = new(Audience.Supervisor, null, "Close a spot check"),
        ["POST /registry/spot-checks/{id:guid}/items/{itemId:guid}"] = new(Audience.Registry, null, "Record a spot-check result"),
    };

    private static readonly (Audience Audience, string Who)[] Roles =
    [
        (Audience.Anyone, "Anyone (no login)"),
        (Audience.SignedIn, "Any signed-in person"),
        (Audience.Institution, "Institution users (and applicants)"),
        (Audience.InstitutionMember, "Users of a registered institution"),
        (Audience.InstitutionManager, "Institution manager"),
        (Audience.Registry, "Registrar or supervisor (own office)"),
        (Audience.Supervisor, "Supervisor (own office)"),
        (Audience.Administrator, "Administrator"),
        (Audience.ApiClient, "API client (by scope)"),
    ];

    /// <summary>The README's roles table: who may do what, one row per audience.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder("| Who | May |\n|---|---|\n");
        foreach (var (audience, who) in Roles)
        {
            var things = Endpoints.Where(e => e.Value.Audience == audience && !e.Key.StartsWith("* ", StringComparison.Ordinal) && !e.Value.What.EndsWith("asset", StringComparison.Ordinal))
                .Select(e => e.Value.Scope is { } scope ? $"{e.Value.What} (`{scope}`)" : e.Value.What)
                .Distinct().ToList();
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {who} | {string.Join("; ", things)} |\n");
        }

        return text.ToString();
    }
}
