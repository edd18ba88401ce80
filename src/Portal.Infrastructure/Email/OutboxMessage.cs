namespace Portal.Infrastructure.Email;

/// <summary>
/// An email waiting to be delivered. Writing the message in the same transaction as the change that
/// caused it means a crash can delay an email but never lose it or send it for a change that was rolled back.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>A short machine-readable kind (e.g. "password-reset"), for tests and statistics.</summary>
    public required string Kind { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>A stored file sent with the message (an instrument's PDF), and the name it is sent under.</summary>
    public Guid? AttachmentFileId { get; set; }

    public string? AttachmentName { get; set; }

    /// <summary>The attachment's bytes, loaded by the dispatcher just before sending; not stored.</summary>
    public byte[]? AttachmentContent { get; set; }
}
