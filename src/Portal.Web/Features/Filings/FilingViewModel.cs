using Portal.Domain.Filings;

namespace Portal.Web.Features.Filings;

public sealed record ItemRow(RegisteredItem Item, string? Old, string New, bool Changed);

/// <summary>One printed item of an agency's certificate (机关、群团赋码), old → new for a change.</summary>
public sealed record AgencyItemRow(string LabelKey, string? Old, string New, bool Changed);

public sealed record AttachmentRow(Guid Id, AttachmentKind Kind, string FileName, long Size, string Sha256, DateTime UploadedUtc);

public sealed record EventRow(int Sequence, DateTime AtUtc, string ActorName, FilingRole ActorRole, FilingState? From, FilingState To, FilingAction? Action, string? Note);

/// <summary>One filing as both sides see it; which actions show depends on who looks (from the workflow table).</summary>
public sealed record FilingViewModel
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required FilingKind Kind { get; init; }

    public required FilingState State { get; init; }

    public required Guid Token { get; init; }

    /// <summary>好差评 under the applicant's view of a filing; null on the registry's page.</summary>
    public Portal.Web.Features.Ratings.RatingPanel? Rating { get; init; }

    public required string OfficeName { get; init; }

    public string? InstitutionName { get; init; }

    public string? InstitutionCode { get; init; }

    public Guid? InstitutionId { get; init; }

    public required IReadOnlyList<ItemRow> Items { get; init; }

    /// <summary>机关、群团赋码 filings: the agency's printed items (empty for institution filings).</summary>
    public IReadOnlyList<AgencyItemRow> AgencyItems { get; init; } = [];

    public bool IsAgency => FilingKinds.IsAgency(Kind);

    public Guid? AgencyId { get; init; }

    public string? OldOrganisationCode { get; init; }

    public ReissueCause? ReissueCause { get; init; }

    /// <summary>Agency cancellation: the day the certificate and seal were recorded as collected.</summary>
    public DateOnly? CollectedOn { get; init; }

    public string? ApprovalDocumentNumber { get; init; }

    public DateOnly? ApprovalDocumentDate { get; init; }

    public int? StaffingQuota { get; init; }

    public DateOnly? PlannedMoveDate { get; init; }

    public bool? FiledBeforeMove { get; init; }

    public bool CapitalChangeIsRequiredRegistration { get; init; }

    public DeregistrationReason? DeregistrationReason { get; init; }

    public string? Explanation { get; init; }

    public required IReadOnlyList<string> ReturnChecklist { get; init; }

    public string? ReturnNote { get; init; }

    public string? RefusalReasons { get; init; }

    public required IReadOnlyList<AttachmentRow> Attachments { get; init; }

    public required IReadOnlyList<AttachmentKind> RequiredAttachments { get; init; }

    public required IReadOnlyList<AttachmentKind> AllowedAttachments { get; init; }

    public required IReadOnlyList<EventRow> Events { get; init; }

    /// <summary>The instruments issued on this filing, oldest first, with their delivery.</summary>
    public IReadOnlyList<Portal.Web.Features.Documents.DocumentRow> Instruments { get; init; } = [];

    public string InstrumentLink(Guid id) => ForStaff ? $"/registry/documents/{id}.pdf" : $"/institution/documents/{id}.pdf";

    public required FilingDeadlines Deadlines { get; init; }

    public DateOnly? SubmittedOn { get; init; }

    public DateOnly? AcceptedOn { get; init; }

    public DateOnly? DecidedOn { get; init; }

    public required IReadOnlyList<FilingAction> Actions { get; init; }

    /// <summary>"staff" or "applicant": where the page's links and forms point.</summary>
    public required bool ForStaff { get; init; }

    public string AttachmentUrl(Guid attachmentId) =>
        ForStaff ? $"/registry/filings/{Id}/attachments/{attachmentId}" : $"/filings/{Id}/attachments/{attachmentId}";
}
