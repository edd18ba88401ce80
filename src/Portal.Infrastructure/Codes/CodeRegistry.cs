using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Codes;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Codes;

/// <summary>
/// Assigns new unified social credit codes. The body is drawn at random and checked against every
/// body ever issued (the IssuedCodes table, whose unique index is the final guard); the new row is
/// saved in the caller's transaction.
/// </summary>
public sealed class CodeRegistry(PortalDbContext db, TimeProvider clock)
{
    /// <summary><paramref name="assignedUtc"/>: when the code counts as assigned (default now; the demo data gives its registration day).</summary>
    public Task<UnifiedSocialCreditCode> AssignNewCodeAsync(Guid officeId, string regionCode, CancellationToken ct = default, DateTime? assignedUtc = null) =>
        AssignNewCodeAsync(CodeCategory.PublicInstitution, officeId, regionCode, ct, assignedUtc);

    /// <summary>
    /// A new code of <paramref name="category"/> (an institution, organ, people's organisation or other body). Bodies are unique
    /// across every category: an organ never receives a body an institution ever had, and the other way round.
    /// </summary>
    public async Task<UnifiedSocialCreditCode> AssignNewCodeAsync(CodeCategory category, Guid officeId, string regionCode, CancellationToken ct = default, DateTime? assignedUtc = null)
    {
        var pending = db.ChangeTracker.Entries<IssuedCode>().Select(e => e.Entity.Body).ToHashSet();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var body = CodeBodyGenerator.NextBody(RandomNumberGenerator.GetInt32);
            if (pending.Contains(body) || await db.IssuedCodes.AnyAsync(c => c.Body == body, ct))
            {
                continue;
            }

            if (!UnifiedSocialCreditCode.TryCreate(category, regionCode, body, out var code))
            {
                throw new InvalidOperationException($"Office region code '{regionCode}' is not six digits.");
            }

            Record(code, officeId, assignedUtc);
            return code;
        }

        // 31^6 ≈ 887 million bodies per prefix: reaching this means the random source is broken.
        throw new InvalidOperationException("Could not draw a fresh organisation-code body.");
    }

    /// <summary>Records a code that came from elsewhere (an import or the demo data) so it can never be assigned again.</summary>
    public void Record(UnifiedSocialCreditCode code, Guid officeId, DateTime? assignedUtc = null) =>
        db.IssuedCodes.Add(new IssuedCode
        {
            Code = code.Value,
            Body = code.Body,
            OfficeId = officeId,
            IssuedUtc = assignedUtc ?? clock.GetUtcNow().UtcDateTime,
        });
}
