using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest (the keys themselves live in the
/// shared database, so every node and every restart uses the same ones). Production supplies it as
/// `DataProtection:CertificatePfxBase64` (+ `DataProtection:CertificatePassword`); the embedded setup
/// generates one on first run into the key directory (git-ignored, readable by the owner only).
/// </summary>
public static class KeyProtection
{
    public static X509Certificate2 Certificate(IConfiguration configuration, RepositoryPaths paths)
    {
        var configured = configuration["DataProtection:CertificatePfxBase64"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(configured), configuration["DataProtection:CertificatePassword"]);
        }

        var file = Path.Combine(paths.Resolve(configuration["CertificateSigning:KeyDirectory"] ?? "db/keys"), "dataprotection.pfx");
        if (File.Exists(file))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(file, null);
        }

        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Portal Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(20));
        var pfx = created.Export(X509ContentType.Pfx);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, pfx);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return X509CertificateLoader.LoadPkcs12(pfx, null);
    }
}
