namespace Portal.Infrastructure.Codes;

/// <summary>
/// Every unified social credit code the portal has ever assigned or imported. Rows are never deleted,
/// so a code (and its organisation-code body) is never handed out twice, even after deregistration.
/// </summary>
public class IssuedCode
{
    public required string Code { get; set; }

    /// <summary>The 8-character organisation-code body, unique across the whole register.</summary>
    public required string Body { get; set; }

    public Guid OfficeId { get; set; }

    public DateTime IssuedUtc { get; set; }
}
