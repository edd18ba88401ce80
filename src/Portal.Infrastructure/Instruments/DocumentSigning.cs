using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Instruments;

/// <summary>Section "DocumentSigning": each office's document-signing certificate and seal image.</summary>
public sealed class DocumentSigningOptions
{
    public const string Section = "DocumentSigning";

    /// <summary>
    /// Production: one entry per office and certificate, newest first; the first one that is valid today signs.
    /// Keep a rotated-out entry (or simply drop it): documents already signed carry their certificate and stay valid.
    /// </summary>
    public List<OfficeSigningConfig> Offices { get; set; } = [];

    /// <summary>Embedded setup: offices with no configured certificate get a self-signed one here (git-ignored).</summary>
    public string KeyDirectory { get; set; } = "db/keys/documents";

    /// <summary>Whether an office with no configured certificate gets a generated self-signed one. Set false in production.</summary>
    public bool GenerateMissing { get; set; } = true;

    /// <summary>How long a generated certificate is valid.</summary>
    public int GeneratedValidityYears { get; set; } = 5;
}

public sealed class OfficeSigningConfig
{
    /// <summary>The office's six-digit region code, e.g. 330726.</summary>
    public string RegionCode { get; set; } = string.Empty;

    /// <summary>A PKCS#12 file with the certificate and its private key (e.g. issued by a CA), and its password.</summary>
    public string? PfxPath { get; set; }

    public string? PfxPassword { get; set; }

    /// <summary>Or the certificate and its private key as PEM text.</summary>
    public string? CertificatePem { get; set; }

    public string? PrivateKeyPem { get; set; }

    /// <summary>A PNG or JPEG of the office's seal (电子印章) used as the visible signature; none: a drawn seal.</summary>
    public string? SealImagePath { get; set; }

    /// <summary>A PNG or JPEG of the office's 赋码专用章, the seal of agencies' 《统一社会信用代码证书》; none: a drawn seal.</summary>
    public string? AgencyCodeSealImagePath { get; set; }
}

/// <summary>What signs an office's documents: its certificate with the private key, and its seal picture (or null for the drawn one).</summary>
public sealed record OfficeSigner(X509Certificate2 Certificate, byte[]? SealImage, string OfficeName, byte[]? AgencyCodeSealImage = null)
{
    /// <summary>The same certificate, showing the 赋码专用章 (configured picture or drawn) instead of the office's document seal.</summary>
    public OfficeSigner ForAgencyCodes() => this with { SealImage = AgencyCodeSealImage };

    public string Thumbprint => Certificate.Thumbprint;
}

/// <summary>
/// Finds each office's signing certificate: from configuration when one is set for its region, otherwise (embedded
/// setup) from the key folder, generating a self-signed one on first use. A certificate outside its validity never
/// signs: with a configured one the act fails (a <see cref="Portal.Domain.DomainRuleException"/>); a generated one is replaced by a new one (the old file stays).
/// </summary>
public sealed partial class DocumentSigners(IOptions<DocumentSigningOptions> options, RepositoryPaths paths, TimeProvider clock, ILogger<DocumentSigners> logger)
{
    /// <summary>Refusal codes when an act cannot be signed; the act fails and nothing of it is saved.</summary>
    public const string KeyMissing = "SigningKeyMissing";

    public const string KeyExpired = "SigningKeyExpired";

    private readonly ConcurrentDictionary<string, OfficeSigner> _cache = new();
    private readonly object _gate = new();

    public string Directory => paths.Resolve(options.Value.KeyDirectory);

    public OfficeSigner For(string regionCode, string officeName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_cache.TryGetValue(regionCode, out var cached) && Usable(cached.Certificate, now))
        {
            return cached;
        }

        lock (_gate)
        {
            var signer = Load(regionCode, officeName, now);
            _cache[regionCode] = signer;
            return signer;
        }
    }

    /// <summary>Every certificate known for the office, newest first (the configured ones, or the key folder's).</summary>
    public IReadOnlyList<X509Certificate2> History(string regionCode)
    {
        var configured = options.Value.Offices.Where(o => o.RegionCode == regionCode).ToList();
        return configured.Count > 0
            ? configured.Select(LoadConfigured).ToList()
            : GeneratedFiles(regionCode).Select(f => X509CertificateLoader.LoadPkcs12FromFile(f, null)).ToList();
    }

    /// <summary>Makes a new self-signed certificate for the office (embedded setup); documents signed before keep theirs.</summary>
    public X509Certificate2 Rotate(string regionCode, string officeName)
    {
        if (options.Value.Offices.Any(o => o.RegionCode == regionCode && (o.PfxPath is not null || o.CertificatePem is not null)))
        {
            throw new InvalidOperationException($"The signing certificate of {regionCode} comes from configuration: rotate it there (put the new entry first).");
        }

        lock (_gate)
        {
            _cache.TryRemove(regionCode, out _);
            return Generate(regionCode, officeName, clock.GetUtcNow().UtcDateTime);
        }
    }

    private OfficeSigner Load(string regionCode, string officeName, DateTime now)
    {
        var entries = options.Value.Offices.Where(o => o.RegionCode == regionCode).ToList();
        var seal = entries.Select(e => e.SealImagePath).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)) is { } sealPath ? File.ReadAllBytes(paths.Resolve(sealPath)) : null;
        var agencySeal = entries.Select(e => e.AgencyCodeSealImagePath).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)) is { } agencySealPath ? File.ReadAllBytes(paths.Resolve(agencySealPath)) : null;
        var withKeys = entries.Where(e => e.PfxPath is not null || e.CertificatePem is not null).ToList();
        if (withKeys.Count > 0)
        {
            var certificates = withKeys.Select(LoadConfigured).ToList();
            var usable = certificates.FirstOrDefault(c => c.HasPrivateKey && Usable(c, now));
            return usable is not null
                ? new OfficeSigner(usable, seal, officeName, agencySeal)
                : throw Unavailable(DocumentSigners.KeyExpired, $"No configured document-signing certificate of office {regionCode} is valid on {now:yyyy-MM-dd}.");
        }

        if (!options.Value.GenerateMissing)
        {
            throw Unavailable(DocumentSigners.KeyMissing, $"Office {regionCode} has no document-signing certificate (DocumentSigning:Offices).");
        }

        var newest = GeneratedFiles(regionCode).Select(f => X509CertificateLoader.LoadPkcs12FromFile(f, null, X509KeyStorageFlags.Exportable)).FirstOrDefault(c => Usable(c, now));
        return new OfficeSigner(newest ?? Generate(regionCode, officeName, now), seal, officeName, agencySeal);
    }

    private X509Certificate2 LoadConfigured(OfficeSigningConfig c)
    {
        if (c.PfxPath is not null)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(paths.Resolve(c.PfxPath), c.PfxPassword);
        }

        return c.PrivateKeyPem is null ? X509Certificate2.CreateFromPem(c.CertificatePem) : X509Certificate2.CreateFromPem(c.CertificatePem, c.PrivateKeyPem);
    }

    private static bool Usable(X509Certificate2 c, DateTime now) => c.NotBefore.ToUniversalTime() <= now && now < c.NotAfter.ToUniversalTime();

    /// <summary>Newest first: the file names begin with the creation time.</summary>
    private IEnumerable<string> GeneratedFiles(string regionCode)
    {
        var dir = Path.Combine(Directory, regionCode);
        return System.IO.Directory.Exists(dir) ? System.IO.Directory.GetFiles(dir, "*.pfx").OrderDescending(StringComparer.Ordinal) : [];
    }

    private X509Certificate2 Generate(string regionCode, string officeName, DateTime now)
    {
        var dir = Path.Combine(Directory, regionCode);
        System.IO.Directory.CreateDirectory(dir);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("CN");
        subject.AddOrganizationName(officeName);
        subject.AddOrganizationalUnitName(regionCode);
        subject.AddCommonName(officeName + " 电子文书签章（自签名）");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        using var made = request.CreateSelfSigned(new DateTimeOffset(now.AddMinutes(-5), TimeSpan.Zero), new DateTimeOffset(now.AddYears(options.Value.GeneratedValidityYears), TimeSpan.Zero));
        var pfx = made.Export(X509ContentType.Pkcs12);
        // Named by time so the newest sorts first; the machine's own ticks break a tie (a rotation within the same millisecond).
        var path = Path.Combine(dir, $"{now:yyyyMMddHHmmssfff}-{DateTime.UtcNow.Ticks:D19}.pfx");
        File.WriteAllBytes(path, pfx);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        LogGenerated(logger, regionCode, path);
        return X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.Exportable);
    }

    private Portal.Domain.DomainRuleException Unavailable(string code, string detail)
    {
        LogUnavailable(logger, detail);
        return new Portal.Domain.DomainRuleException(code);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An act could not be signed: {Detail}")]
    private static partial void LogUnavailable(ILogger logger, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated a self-signed document-signing certificate for office {RegionCode} at {Path} (embedded setup; production certificates come from configuration)")]
    private static partial void LogGenerated(ILogger logger, string regionCode, string path);
}
