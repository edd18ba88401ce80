using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Identity;

/// <summary>
/// One signed-in session, held on the server. The cookie carries the session's id; every request checks
/// the row is still open, so logging out (or any other end) takes effect at once on every node, however
/// long the copied cookie would otherwise have lived.
/// </summary>
public class UserSession
{
    /// <summary>Sessions older than this end whatever happens (the cookie slides; this does not).</summary>
    public static readonly TimeSpan AbsoluteLimit = TimeSpan.FromDays(30);

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string UserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? EndedUtc { get; set; }

    /// <summary>Why it ended: "logout", "password", "two-factor", "disabled" …</summary>
    public string? EndReason { get; set; }
}

public class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.EndReason).HasMaxLength(32);
        builder.HasIndex(s => new { s.UserId, s.EndedUtc });
        builder.HasIndex(s => s.CreatedUtc);
    }
}

/// <summary>Opening, checking and ending server-side sessions.</summary>
public static class UserSessions
{
    public static async Task<Guid> StartAsync(PortalDbContext db, string userId, DateTime nowUtc, CancellationToken ct = default)
    {
        var session = new UserSession { UserId = userId, CreatedUtc = nowUtc };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>One primary-key lookup per request.</summary>
    public static Task<bool> IsOpenAsync(PortalDbContext db, Guid id, string userId, DateTime nowUtc, CancellationToken ct = default)
    {
        var oldest = nowUtc - UserSession.AbsoluteLimit;
        return db.UserSessions.AsNoTracking().AnyAsync(s => s.Id == id && s.UserId == userId && s.EndedUtc == null && s.CreatedUtc > oldest, ct);
    }

    public static Task<int> EndAsync(PortalDbContext db, Guid id, string reason, DateTime nowUtc, CancellationToken ct = default) =>
        db.UserSessions.Where(s => s.Id == id && s.EndedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedUtc, nowUtc).SetProperty(s => s.EndReason, reason), ct);

    /// <summary>Ends every open session of an account except <paramref name="keep"/> (the one making the change).</summary>
    public static Task<int> EndOthersAsync(PortalDbContext db, string userId, Guid? keep, string reason, DateTime nowUtc, CancellationToken ct = default) =>
        db.UserSessions.Where(s => s.UserId == userId && s.EndedUtc == null && s.Id != keep)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedUtc, nowUtc).SetProperty(s => s.EndReason, reason), ct);

    /// <summary>Drops rows of sessions that ended over a day ago or passed the absolute limit.</summary>
    public static Task<int> PurgeAsync(PortalDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        var ended = nowUtc.AddDays(-1);
        var oldest = nowUtc - UserSession.AbsoluteLimit;
        return db.UserSessions.Where(s => (s.EndedUtc != null && s.EndedUtc < ended) || s.CreatedUtc < oldest).ExecuteDeleteAsync(ct);
    }
}
