using System.Security.Cryptography;

namespace Portal.Infrastructure.Files;

/// <summary>
/// File bytes kept in the database, apart from their metadata: every web node sees the same files,
/// and a database backup is a complete backup.
/// </summary>
public class StoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required byte[] Content { get; set; }

    public required string Sha256 { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>New stored bytes with their SHA-256.</summary>
    public static StoredFile Create(byte[] content, DateTime nowUtc) =>
        new() { Content = content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), CreatedUtc = nowUtc };
}
