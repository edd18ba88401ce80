using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Certificates;

/// <summary>Section "CertificateSigning".</summary>
public sealed class CertificateSigningOptions
{
    public const string Section = "CertificateSigning";

    /// <summary>
    /// Production: keys from configuration (environment or a secret store), never from git. The first
    /// entry with a private key signs; every entry is published for verification.
    /// </summary>
    public List<SigningKeyConfig> Keys { get; set; } = [];

    /// <summary>Embedded setup: where keys are generated on first start (git-ignored).</summary>
    public string KeyDirectory { get; set; } = "db/keys";
}

public sealed class SigningKeyConfig
{
    public string KeyId { get; set; } = string.Empty;

    /// <summary>PKCS#8 or SEC1 PEM of a P-256 private key; empty for a retired key kept only for verification.</summary>
    public string? PrivateKeyPem { get; set; }

    public string? PublicKeyPem { get; set; }
}

/// <summary>A P-256 key pair (or a public key only) with its id.</summary>
public sealed class SigningKey(string keyId, ECDsa key, bool canSign, DateTime createdUtc)
{
    public string KeyId { get; } = keyId;

    public ECDsa Key { get; } = key;

    public bool CanSign { get; } = canSign;

    public DateTime CreatedUtc { get; } = createdUtc;

    public JsonWebKey ToJwk()
    {
        var p = Key.ExportParameters(false);
        return new JsonWebKey("EC", "P-256", Base64Url.Encode(p.Q.X!), Base64Url.Encode(p.Q.Y!), KeyId, "sig", "ES256");
    }
}

public sealed record JsonWebKey(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg);

public sealed record JsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<JsonWebKey> Keys);

/// <summary>
/// The certificate signing keys. With keys in configuration they come from there; otherwise from a
/// folder of PEM files, where the first start generates one. The newest private key signs; retired keys
/// stay published so certificates signed with them keep verifying.
/// </summary>
public sealed partial class SigningKeyStore
{
    private readonly IOptions<CertificateSigningOptions> _options;
    private readonly RepositoryPaths _paths;
    private readonly ILogger<SigningKeyStore> _logger;
    private readonly object _gate = new();
    private IReadOnlyList<SigningKey>? _keys;

    public SigningKeyStore(IOptions<CertificateSigningOptions> options, RepositoryPaths paths, ILogger<SigningKeyStore> logger)
    {
        _options = options;
        _paths = paths;
        _logger = logger;
    }

    public string Directory => _paths.Resolve(_options.Value.KeyDirectory);

    public IReadOnlyList<SigningKey> All
    {
        get
        {
            lock (_gate)
            {
                return _keys ??= Load();
            }
        }
    }

    public SigningKey Active => All.Where(k => k.CanSign).OrderByDescending(k => k.CreatedUtc).First();

    public SigningKey? Find(string keyId) => All.FirstOrDefault(k => k.KeyId == keyId);

    public JsonWebKeySet Jwks() => new(All.Select(k => k.ToJwk()).ToList());

    /// <summary>Generates a new signing key in the key folder; the old ones stay for verification.</summary>
    public SigningKey Rotate()
    {
        if (_options.Value.Keys.Count > 0)
        {
            throw new InvalidOperationException("Signing keys come from configuration: rotate them there (add a new first entry, keep the old one without its private key).");
        }

        lock (_gate)
        {
            var key = Generate();
            _keys = null;
            return key;
        }
    }

    private IReadOnlyList<SigningKey> Load()
    {
        var configured = _options.Value.Keys;
        if (configured.Count > 0)
        {
            var keys = new List<SigningKey>();
            for (var i = 0; i < configured.Count; i++)
            {
                var c = configured[i];
                var ecdsa = ECDsa.Create();
                var canSign = !string.IsNullOrWhiteSpace(c.PrivateKeyPem);
                ecdsa.ImportFromPem(canSign ? c.PrivateKeyPem : c.PublicKeyPem ?? throw new InvalidOperationException($"CertificateSigning:Keys:{i} has no PEM."));

                // Configuration order is newest first.
                keys.Add(new SigningKey(c.KeyId, ecdsa, canSign, DateTime.UtcNow.AddSeconds(-i)));
            }

            return keys;
        }

        System.IO.Directory.CreateDirectory(Directory);
        var files = System.IO.Directory.GetFiles(Directory, "cert-signing-*.pem");
        if (files.Length == 0)
        {
            Generate();
            files = System.IO.Directory.GetFiles(Directory, "cert-signing-*.pem");
        }

        return files.Select(f =>
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(File.ReadAllText(f));
            var kid = Path.GetFileNameWithoutExtension(f)["cert-signing-".Length..];
            return new SigningKey(kid, ecdsa, canSign: true, CreatedUtc(f));
        }).ToList();
    }

    private SigningKey Generate()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        // Short ids keep the QR code small: "k" + date + 4 random hex digits.
        var kid = $"k{DateTime.UtcNow:yyMMdd}{RandomNumberGenerator.GetHexString(4, lowercase: true)}";
        var path = Path.Combine(Directory, $"cert-signing-{kid}.pem");
        // The creation time is written into the file: file times are too coarse to order two keys made
        // within the same millisecond, and copying a key folder resets them.
        var created = DateTime.UtcNow;
        File.WriteAllText(path, CreatedPrefix + created.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "\n" + ecdsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        LogGenerated(_logger, kid, path);
        return new SigningKey(kid, ecdsa, true, created);
    }

    private const string CreatedPrefix = "Created: ";

    /// <summary>The time written in the key file, or for files from before that, the file's own time.</summary>
    private static DateTime CreatedUtc(string file)
    {
        var first = File.ReadLines(file).FirstOrDefault() ?? string.Empty;
        if (first.StartsWith(CreatedPrefix, StringComparison.Ordinal)
            && DateTime.TryParse(first[CreatedPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var created))
        {
            return created.ToUniversalTime();
        }

        return File.GetCreationTimeUtc(file) > File.GetLastWriteTimeUtc(file) ? File.GetCreationTimeUtc(file) : File.GetLastWriteTimeUtc(file);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated certificate signing key {KeyId} at {Path} (development/embedded setup; production keys come from configuration)")]
    private static partial void LogGenerated(ILogger logger, string keyId, string path);
}
