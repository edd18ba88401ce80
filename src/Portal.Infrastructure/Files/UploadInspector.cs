using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Portal.Infrastructure.Files;

/// <summary>The outcome of checking an upload: its real type by content, or why it was refused.</summary>
public sealed record UploadVerdict(bool Accepted, string? ContentType, string? Extension, string? ErrorCode, string? Sha256, string SafeFileName);

/// <summary>
/// Accepts PDF, JPEG and PNG only, judged by their first bytes (magic numbers), never by the name or
/// the browser's claimed type. Refuses empty files, oversize files, and "polyglots" that also read as
/// HTML, which a browser could be tricked into rendering.
/// </summary>
public static class UploadInspector
{
    public const string ErrorEmpty = "UploadEmpty";
    public const string ErrorTooLarge = "UploadTooLarge";
    public const string ErrorType = "UploadType";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly string[] HtmlMarkers = ["<html", "<script", "<!doctype", "<body", "<iframe", "<svg", "javascript:"];

    /// <summary>
    /// Reads a posted file (refusing an oversize one before reading it) and inspects it: the one path
    /// every upload of the portal takes.
    /// </summary>
    public static async Task<(UploadVerdict Verdict, byte[] Content)> ReadAsync(IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is null)
        {
            return (Refuse(ErrorEmpty, SafeFileName(null)), []);
        }

        if (file.Length > maxBytes)
        {
            return (Refuse(ErrorTooLarge, SafeFileName(file.FileName)), []);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        return (Inspect(bytes, file.FileName, maxBytes), bytes);
    }

    public static UploadVerdict Inspect(ReadOnlySpan<byte> content, string? fileName, long maxBytes)
    {
        var safeName = SafeFileName(fileName);
        if (content.Length == 0)
        {
            return Refuse(ErrorEmpty, safeName);
        }

        if (content.Length > maxBytes)
        {
            return Refuse(ErrorTooLarge, safeName);
        }

        (string Type, string Ext)? kind = content.StartsWith(Pdf) ? ("application/pdf", ".pdf")
            : content.StartsWith(Png) ? ("image/png", ".png")
            : content.StartsWith(Jpeg) ? ("image/jpeg", ".jpg")
            : null;
        if (kind is null || LooksLikeHtml(content))
        {
            return Refuse(ErrorType, safeName);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        return new UploadVerdict(true, kind.Value.Type, kind.Value.Ext, null, sha, Path.ChangeExtension(safeName, kind.Value.Ext));
    }

    /// <summary>The last path segment with control and path characters removed, at most 100 characters; "file" when nothing is left.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*'))
            {
                sb.Append(c);
            }
        }

        var cleaned = sb.ToString().Trim().TrimStart('.');
        if (cleaned.Length > 100)
        {
            cleaned = cleaned[^100..];
        }

        return cleaned.Length == 0 ? "file" : cleaned;
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> content)
    {
        // A browser sniffing a response looks at the first bytes; scan generously.
        var head = Encoding.Latin1.GetString(content[..Math.Min(content.Length, 8192)]).ToLowerInvariant();
        return HtmlMarkers.Any(m => head.Contains(m, StringComparison.Ordinal));
    }

    private static UploadVerdict Refuse(string code, string safeName) => new(false, null, null, code, null, safeName);
}
