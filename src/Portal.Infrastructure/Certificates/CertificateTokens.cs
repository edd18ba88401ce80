using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Domain.Certificates;

namespace Portal.Infrastructure.Certificates;

/// <summary>
/// What a certificate's QR token says, with short claim names so the URL fits a QR version ≤ 15 at
/// error correction M: n = number, c = unified social credit code, nm = name, vf/vu = validity from/until,
/// is = issue date (dates as yyyyMMdd), f = the certificate family: absent for 《事业单位法人证书》, "a" for an agency's
/// 《统一社会信用代码证书》 (an agency's certificate with no validity carries vu = "").
/// </summary>
public sealed record CertificateClaims(
    [property: JsonPropertyName("n")] string Number,
    [property: JsonPropertyName("c")] string Code,
    [property: JsonPropertyName("nm")] string Name,
    [property: JsonPropertyName("vf")] string ValidFrom,
    [property: JsonPropertyName("vu")] string ValidUntil,
    [property: JsonPropertyName("is")] string IssuedOn,
    [property: JsonPropertyName("f"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Family = null)
{
    /// <summary>The family claim of an agency's 《统一社会信用代码证书》.</summary>
    public const string AgencyFamily = "a";

    public bool IsAgency => Family == AgencyFamily;

    public static string Day(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

public enum TokenCheck
{
    Valid,
    Malformed,
    UnknownKey,
    BadSignature,
}

public sealed record TokenVerdict(TokenCheck Check, CertificateClaims? Claims, string? KeyId);

/// <summary>Compact JWS (RFC 7515) with ES256: header.payload.signature, each base64url.</summary>
public static class CertificateTokens
{
    public const int MaxTokenLength = 1024;

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static SignedToken Sign(CertificateClaims claims, SigningKey key, string publicBaseUrl)
    {
        var header = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(new Header("ES256", key.KeyId), Json));
        var payload = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(claims, Json));
        var signingInput = header + "." + payload;

        // JWS ES256 uses the raw r||s form (IEEE P1363), not DER.
        var signature = key.Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var compact = signingInput + "." + Base64Url.Encode(signature);
        return new SignedToken(compact, key.KeyId, Sha256(compact), publicBaseUrl.TrimEnd('/') + "/v/" + compact);
    }

    /// <summary>The QR design limit: version 15 at error correction M (412 bytes).</summary>
    public const int MaxQrVersion = 15;

    /// <summary>
    /// Signs, and if the URL would need a QR code larger than version 15 at level M, signs again with the
    /// name claim shortened ("…"): the verify page always shows the full name from the register.
    /// </summary>
    public static SignedToken SignForQr(CertificateClaims claims, SigningKey key, string publicBaseUrl)
    {
        var token = Sign(claims, key, publicBaseUrl);
        var name = claims.Name;
        while (CertificatePdfRenderer.QrVersion(token.Url) > MaxQrVersion && name.Length > 4)
        {
            name = name[..^2];
            token = Sign(claims with { Name = name + "…" }, key, publicBaseUrl);
        }

        return token;
    }

    public static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Accepts a bare token or a verify URL (…/v/{token}); null when it is neither.</summary>
    public static string? Extract(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxTokenLength + 512)
        {
            return null;
        }

        var s = input.Trim();
        var at = s.LastIndexOf("/v/", StringComparison.Ordinal);
        if (at >= 0)
        {
            s = s[(at + 3)..];
        }

        s = s.Split('?', '#')[0];
        return s.Length is > 0 and <= MaxTokenLength ? s : null;
    }

    /// <summary>Checks shape, key and signature with the given public keys alone (offline verification).</summary>
    public static TokenVerdict Verify(string token, Func<string, ECDsa?> keyById)
    {
        var parts = token.Split('.');
        if (token.Length > MaxTokenLength || parts.Length != 3
            || !Base64Url.TryDecode(parts[0], out var headerBytes)
            || !Base64Url.TryDecode(parts[1], out var payloadBytes)
            || !Base64Url.TryDecode(parts[2], out var signature))
        {
            return new TokenVerdict(TokenCheck.Malformed, null, null);
        }

        Header? header;
        CertificateClaims? claims;
        try
        {
            header = JsonSerializer.Deserialize<Header>(headerBytes);
            claims = JsonSerializer.Deserialize<CertificateClaims>(payloadBytes);
        }
        catch (JsonException)
        {
            return new TokenVerdict(TokenCheck.Malformed, null, null);
        }

        if (header is not { Alg: "ES256" } || string.IsNullOrEmpty(header.Kid) || claims is null)
        {
            return new TokenVerdict(TokenCheck.Malformed, null, header?.Kid);
        }

        var key = keyById(header.Kid);
        if (key is null)
        {
            return new TokenVerdict(TokenCheck.UnknownKey, claims, header.Kid);
        }

        var ok = signature.Length == 64 && key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new TokenVerdict(ok ? TokenCheck.Valid : TokenCheck.BadSignature, claims, header.Kid);
    }

    /// <summary>Reads a JWKS document into P-256 public keys by id.</summary>
    public static Dictionary<string, ECDsa> KeysFromJwks(string json)
    {
        var set = JsonSerializer.Deserialize<JsonWebKeySet>(json) ?? throw new InvalidDataException("Not a JWKS document.");
        var keys = new Dictionary<string, ECDsa>();
        foreach (var k in set.Keys.Where(k => k.Kty == "EC" && k.Crv == "P-256"))
        {
            if (Base64Url.TryDecode(k.X, out var x) && Base64Url.TryDecode(k.Y, out var y))
            {
                keys[k.Kid] = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
            }
        }

        return keys;
    }

    private sealed record Header([property: JsonPropertyName("alg")] string Alg, [property: JsonPropertyName("kid")] string Kid);
}
