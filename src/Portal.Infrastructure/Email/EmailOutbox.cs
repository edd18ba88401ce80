using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Email;

/// <summary>Queues an email in the caller's unit of work; it is sent after the transaction commits.</summary>
public sealed class EmailOutbox(PortalDbContext db, TimeProvider clock)
{
    public void Enqueue(string to, string subject, string body, string kind, Guid? attachmentFileId = null, string? attachmentName = null) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = to,
            Subject = subject,
            Body = body,
            Kind = kind,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            AttachmentFileId = attachmentFileId,
            AttachmentName = attachmentName,
        });

    /// <summary>
    /// A reminder to one user, in both languages: always in the portal inbox, and by email unless the user opted
    /// out of reminder emails (or has no address).
    /// </summary>
    public void Remind(string userId, string? email, bool emailOptOut, string titleZh, string titleEn, string bodyZh, string bodyEn, string link, string kind)
    {
        db.Notifications.Add(new Portal.Domain.Notifications.Notification(userId, titleZh, titleEn, bodyZh, bodyEn, link, clock.GetUtcNow().UtcDateTime));
        if (!emailOptOut && !string.IsNullOrEmpty(email))
        {
            Enqueue(email, $"{titleZh} / {titleEn}", $"{bodyZh}\n\n---\n\n{bodyEn}", kind);
        }
    }
}
