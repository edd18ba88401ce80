using System.CommandLine;
using Portal.Infrastructure.Certificates;

namespace Portal.Web.Commands;

/// <summary><c>verify-token &lt;url-or-token&gt; --keys &lt;file-or-url&gt;</c>: offline verification with the JWKS alone; needs no database.</summary>
public static class VerifyTokenCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("url-or-token") { Description = "The scanned URL (…/v/<token>) or the token itself" };
        var keys = new Option<string>("--keys") { Description = "The JWKS: a file or an https URL (…/.well-known/certificate-keys.json)", Required = true };
        var command = new Command("verify-token", "Verify a certificate QR token offline, with the published public keys only") { input, keys };
        command.SetAction((result, ct) => RunAsync(result.GetValue(input)!, result.GetValue(keys)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(string input, string source, CancellationToken ct)
    {
        string jwks;
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            jwks = await http.GetStringAsync(uri, ct);
        }
        else
        {
            jwks = await File.ReadAllTextAsync(source, ct);
        }

        var keys = CertificateTokens.KeysFromJwks(jwks);
        var token = CertificateTokens.Extract(input);
        var verdict = token is null
            ? new TokenVerdict(TokenCheck.Malformed, null, null)
            : CertificateTokens.Verify(token, kid => keys.GetValueOrDefault(kid));
        Console.WriteLine($"signature: {verdict.Check}{(verdict.KeyId is null ? string.Empty : $" (key {verdict.KeyId})")}");
        if (verdict.Claims is { } c)
        {
            Console.WriteLine($"certificate: {c.Number}");
            Console.WriteLine($"code:        {c.Code}");
            Console.WriteLine($"name:        {c.Name}");
            Console.WriteLine(c.IsAgency
                ? "family:      统一社会信用代码证书 (code certificate of an organ, people's organisation or other body)"
                : "family:      事业单位法人证书 (legal-person certificate of a public institution)");
            Console.WriteLine(string.IsNullOrEmpty(c.ValidUntil)
                ? $"valid:       from {c.ValidFrom}, no end printed (issued {c.IssuedOn})"
                : $"valid:       {c.ValidFrom} – {c.ValidUntil} (issued {c.IssuedOn})");
        }

        Console.WriteLine(verdict.Check == TokenCheck.Valid
            ? "The token was signed by the portal. Its current status (superseded, voided, expired) is on the verify page."
            : "NOT issued by this portal's keys.");
        return verdict.Check == TokenCheck.Valid ? 0 : 1;
    }
}
