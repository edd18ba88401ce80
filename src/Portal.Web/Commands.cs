using Portal.Infrastructure.Certificates;

namespace Portal.Web;

/// <summary>The portal's command-line tools: `dotnet run --project src/Portal.Web -- <command>`.</summary>
public static class Commands
{
    /// <summary>verify-token &lt;url-or-token&gt; --keys &lt;file-or-url&gt;: offline verification with the JWKS alone.</summary>
    public static async Task<int> VerifyTokenAsync(string[] args)
    {
        var input = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var keysAt = Array.IndexOf(args, "--keys");
        if (input is null || keysAt < 0 || keysAt + 1 >= args.Length)
        {
            Console.Error.WriteLine("usage: verify-token <url-or-token> --keys <jwks-file-or-url>");
            return 2;
        }

        var source = args[keysAt + 1];
        string jwks;
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            jwks = await http.GetStringAsync(uri);
        }
        else
        {
            jwks = await File.ReadAllTextAsync(source);
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
            Console.WriteLine($"valid:       {c.ValidFrom} – {c.ValidUntil} (issued {c.IssuedOn})");
        }

        Console.WriteLine(verdict.Check == TokenCheck.Valid
            ? "The token was signed by the portal. Its current status (superseded, voided, expired) is on the verify page."
            : "NOT issued by this portal's keys.");
        return verdict.Check == TokenCheck.Valid ? 0 : 1;
    }
}
