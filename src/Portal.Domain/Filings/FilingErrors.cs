namespace Portal.Domain.Filings;

/// <summary>Business refusal codes of the filing workflow; the web layer shows them as "Error.{code}".</summary>
public static class FilingErrors
{
    public const string TransitionNotAllowed = "TransitionNotAllowed";
    public const string AssignmentNotAllowed = "AssignmentNotAllowed";
    public const string AlreadyAssigned = "AlreadyAssigned";
    public const string AssigneeMissing = "AssigneeMissing";
    public const string NotAssignable = "NotAssignable";
    public const string NoteEmpty = "NoteEmpty";
    public const string NoteTooLong = "NoteTooLong";
    public const string NotEditable = "NotEditable";
    public const string WrongKind = "WrongKind";
    public const string NotReadyToSubmit = "NotReadyToSubmit";
    public const string ItemsMissing = "ItemsMissing";
    public const string DraftUnchecked = "DraftUnchecked";
    public const string DraftTooLong = "DraftTooLong";
    public const string NothingChanged = "NothingChanged";
    public const string MoveDateMissing = "MoveDateMissing";
    public const string DeregistrationReasonMissing = "DeregistrationReasonMissing";
    public const string ExplanationMissing = "ExplanationMissing";
    public const string NameTaken = "NameTaken";
    public const string AttachmentMissing = "AttachmentMissing";
    public const string AttachmentKindNotAllowed = "AttachmentKindNotAllowed";
    public const string TooManyAttachments = "TooManyAttachments";
    public const string AttachmentNotFound = "AttachmentNotFound";
    public const string ReturnNeedsReasons = "ReturnNeedsReasons";
    public const string ReasonsRequired = "ReasonsRequired";
    public const string AnotherFilingInProgress = "AnotherFilingInProgress";
    public const string RenewalNotOpen = "RenewalNotOpen";
    public const string AgencyRenewalNotOpen = "AgencyRenewalNotOpen";
    public const string InstitutionNotRegistered = "InstitutionNotRegistered";
    public const string CompetentOfficeRequired = "CompetentOfficeRequired";
    public const string AgencyNotActive = "AgencyNotActive";
    public const string OldCodeInvalid = "OldCodeInvalid";
    public const string CategoryIsFixed = "AgencyCategoryIsFixed";
    public const string ReissueCauseMissing = "ReissueCauseMissing";
    public const string CollectionNotRecorded = "CollectionNotRecorded";
}
