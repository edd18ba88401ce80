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
}
