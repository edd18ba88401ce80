using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Audit;

/// <summary>
/// One official act. Entries form a hash chain: each stores the previous entry's hash and the hash of
/// its own content including that link, so changing, removing or reordering any entry breaks every
/// later link. Never holds identity numbers, passwords or tokens — only ids, names and codes.
/// </summary>
public class AuditEntry
{
    public long Sequence { get; set; }

    public DateTime AtUtc { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>What happened, e.g. filing.approve, certificate.void, login.failed.</summary>
    public required string Action { get; set; }

    public required string RecordType { get; set; }

    public required string RecordId { get; set; }

    public Guid? OfficeId { get; set; }

    /// <summary>Where from: the client address.</summary>
    public string? Address { get; set; }

    public string? Detail { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    public string ComputeHash() => AuditChain.Hash(PreviousHash, this);
}

/// <summary>Who is acting and from where, for the audit log (the signed-in person, a command, a job).</summary>
public interface IAuditActor
{
    string? UserId { get; }

    string Name { get; }

    string? Address { get; }
}

public sealed class SystemActor(string name) : IAuditActor
{
    public string? UserId => null;

    public string Name { get; } = name;

    public string? Address => null;
}

public static class AuditChain
{
    public const string CounterKey = "audit";
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string previous, AuditEntry e)
    {
        var content = string.Join('\u001f', previous, e.Sequence.ToString(CultureInfo.InvariantCulture), e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture),
            e.ActorId ?? string.Empty, e.ActorName, e.Action, e.RecordType, e.RecordId, e.OfficeId?.ToString() ?? string.Empty, e.Address ?? string.Empty, e.Detail ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>Walks the chain in order; the first entry whose link or content does not check out, or null when all do.</summary>
    public static async Task<(long Checked, long? FirstBroken, string? Reason)> VerifyAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var previous = Genesis;
        long expected = 1, count = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (e.Sequence != expected)
            {
                return (count, expected, "missing entry");
            }

            if (e.PreviousHash != previous)
            {
                return (count, e.Sequence, "link to the previous entry does not match");
            }

            if (e.ComputeHash() != e.Hash)
            {
                return (count, e.Sequence, "content does not match its hash");
            }

            previous = e.Hash;
            expected++;
        }

        return (count, null, null);
    }
}
