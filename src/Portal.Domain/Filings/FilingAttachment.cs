namespace Portal.Domain.Filings;

/// <summary>A file attached to a filing. The bytes live elsewhere (by <see cref="ContentId"/>), under a server-generated id.</summary>
public class FilingAttachment
{
    private FilingAttachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        UploadedBy = string.Empty;
    }

    internal FilingAttachment(Guid filingId, AttachmentKind kind, string fileName, string contentType, long size, string sha256, Guid contentId, string uploadedBy, DateTime uploadedUtc)
    {
        Id = Guid.CreateVersion7();
        FilingId = filingId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        ContentId = contentId;
        UploadedBy = uploadedBy;
        UploadedUtc = uploadedUtc;
    }

    public Guid Id { get; private set; }

    public Guid FilingId { get; private set; }

    public AttachmentKind Kind { get; private set; }

    /// <summary>The uploader's file name, cleaned of path characters; shown to people, never used as a path.</summary>
    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    public Guid ContentId { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTime UploadedUtc { get; private set; }
}
