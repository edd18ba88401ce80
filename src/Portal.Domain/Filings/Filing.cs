using Portal.Domain.Agencies;
using Portal.Domain.Institutions;

namespace Portal.Domain.Filings;

/// <summary>Who did something to a filing: the user, their name at the time, and their workflow role.</summary>
public sealed record FilingActor(string UserId, string Name, FilingRole Role);

/// <summary>Something that keeps a filing from being submitted, as a code (localized by the web layer) and an optional detail.</summary>
public sealed record SubmissionProblem(string Code, string? Detail = null);

/// <summary>
/// A registration filing (登记申请) from draft to decision. State changes only through the
/// intention-revealing methods below, each checked against <see cref="FilingWorkflow.Table"/>;
/// each appends an event and bumps the concurrency token.
/// </summary>
public partial class Filing
{
    private readonly List<FilingEvent> _events = [];
    private readonly List<FilingAttachment> _attachments = [];

    private Filing()
    {
        Number = string.Empty;
        ApplicantUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>A human-readable number, unique per office and year, e.g. "330726-2026-00012".</summary>
    public string Number { get; private set; }

    public Guid OfficeId { get; private set; }

    public FilingKind Kind { get; private set; }

    public FilingState State { get; private set; }

    /// <summary>The institution concerned; null for a setup until it is approved.</summary>
    public Guid? InstitutionId { get; private set; }

    /// <summary>The account that started the filing (for a setup: the sponsor's applicant).</summary>
    public string ApplicantUserId { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    /// <summary>The day of the latest submission (the acceptance window counts from it).</summary>
    public DateOnly? SubmittedOn { get; private set; }

    public DateOnly? FirstSubmittedOn { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>The day a supplement was requested after acceptance; the decision clock is stopped from then until resubmission.</summary>
    public DateOnly? ClockStoppedOn { get; private set; }

    /// <summary>Calendar days the decision clock has been stopped so far.</summary>
    public int StoppedDays { get; private set; }

    /// <summary>The registered items before the filing (change, deregistration, certificate filings).</summary>
    public RegisteredItems? Base { get; private set; }

    /// <summary>The items to be registered (setup, change).</summary>
    public RegisteredItems? Proposed { get; private set; }

    /// <summary>Setup: the approving authority's document number, e.g. "浦编〔2026〕12号".</summary>
    public string? ApprovalDocumentNumber { get; private set; }

    public DateOnly? ApprovalDocumentDate { get; private set; }

    /// <summary>Setup: the approved staffing quota (编制数), when the approval states one.</summary>
    public int? StaffingQuota { get; private set; }

    /// <summary>Change of domicile: the day of the move. The change must be filed before it.</summary>
    public DateOnly? PlannedMoveDate { get; private set; }

    /// <summary>Set at submission for a domicile change: whether it was filed before the move.</summary>
    public bool? FiledBeforeMove { get; private set; }

    public DeregistrationReason? DeregistrationReason { get; private set; }

    public string? Explanation { get; private set; }

    /// <summary>
    /// What the applicant last typed, field by field, when it did not yet pass the checks (incomplete or mistyped): a draft is
    /// saved exactly as entered and read back into the form, and the filing cannot be submitted until it is corrected.
    /// Null once a complete, valid description has been saved.
    /// </summary>
    public string? DraftInput { get; private set; }

    /// <summary>The registrar's list of what to fix (一次性告知), as codes; empty unless returned.</summary>
    public string ReturnChecklist { get; private set; } = string.Empty;

    public string? ReturnNote { get; private set; }

    /// <summary>Reasons of a proposed or decided refusal, or the free text of a refusal to accept.</summary>
    public string? RefusalReasons { get; private set; }

    /// <summary>不予受理: the listed reasons, as <see cref="NonAcceptanceReason"/> names separated by commas; empty otherwise.</summary>
    public string NonAcceptanceReasons { get; private set; } = string.Empty;

    /// <summary>不予受理 for lack of jurisdiction: the office the applicant should apply to instead (art. 32 (2)).</summary>
    public string? CompetentOffice { get; private set; }

    public IReadOnlyList<NonAcceptanceReason> NonAcceptanceReasonList =>
        NonAcceptanceReasons.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<NonAcceptanceReason>).ToList();

    public Guid ConcurrencyToken { get; private set; }

    public IReadOnlyList<FilingEvent> Events => _events;

    public IReadOnlyList<FilingAttachment> Attachments => _attachments;

    public bool IsEditable => State is FilingState.Draft or FilingState.Returned or FilingState.SupplementRequested;

    public static Filing StartSetup(Guid officeId, string number, FilingActor applicant, DateTime nowUtc) =>
        Start(FilingKind.Setup, officeId, null, null, number, applicant, nowUtc);

    /// <summary>Starts a filing about an existing institution; <paramref name="current"/> are its items now.</summary>
    public static Filing StartFor(FilingKind kind, Guid officeId, Guid institutionId, RegisteredItems current, string number, FilingActor applicant, DateTime nowUtc)
    {
        if (kind == FilingKind.Setup)
        {
            throw new ArgumentException("A setup has no institution yet.", nameof(kind));
        }

        return Start(kind, officeId, institutionId, current, number, applicant, nowUtc);
    }

    private static Filing Start(FilingKind kind, Guid officeId, Guid? institutionId, RegisteredItems? current, string number, FilingActor applicant, DateTime nowUtc)
    {
        var filing = new Filing
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            OfficeId = officeId,
            Kind = kind,
            State = FilingState.Draft,
            InstitutionId = institutionId,
            ApplicantUserId = applicant.UserId,
            CreatedUtc = nowUtc,
            Base = current is null ? null : current with { },
            Proposed = kind == FilingKind.Change && current is not null ? current with { } : null,
            ConcurrencyToken = Guid.NewGuid(),
        };
        filing._events.Add(new FilingEvent(filing.Id, 1, nowUtc, applicant, null, FilingState.Draft, null, null));
        return filing;
    }

    // ---- editing (draft, or returned for supplement) ----

    /// <summary>Keeps typed input that is not yet complete or valid, without touching the described items.</summary>
    public void KeepDraftInput(string input)
    {
        EnsureEditable();
        if (string.IsNullOrEmpty(input) || input.Length > MaxDraftInputLength)
        {
            throw new DomainRuleException(FilingErrors.DraftTooLong);
        }

        DraftInput = input;
        Touch();
    }

    public const int MaxDraftInputLength = 100_000;

    public void DescribeSetup(RegisteredItems items, string approvalDocumentNumber, DateOnly approvalDocumentDate, int? staffingQuota)
    {
        EnsureKind(FilingKind.Setup);
        EnsureEditable();
        DraftInput = null;
        Proposed = items with { };
        ApprovalDocumentNumber = approvalDocumentNumber;
        ApprovalDocumentDate = approvalDocumentDate;
        StaffingQuota = staffingQuota;
        Touch();
    }

    public void DescribeChange(RegisteredItems items, DateOnly? plannedMoveDate, string? explanation)
    {
        EnsureKind(FilingKind.Change);
        EnsureEditable();
        DraftInput = null;
        Proposed = items with { };
        PlannedMoveDate = plannedMoveDate;
        Explanation = explanation;
        Touch();
    }

    public void DescribeDeregistration(DeregistrationReason reason, string explanation)
    {
        EnsureKind(FilingKind.Deregistration);
        EnsureEditable();
        DraftInput = null;
        DeregistrationReason = reason;
        Explanation = explanation;
        Touch();
    }

    /// <summary>Re-issue or renewal: the applicant's statement (e.g. how the certificate was lost).</summary>
    public void DescribeCertificateRequest(string explanation)
    {
        if (Kind is not (FilingKind.CertificateReissue or FilingKind.CertificateRenewal))
        {
            throw new DomainRuleException(FilingErrors.WrongKind);
        }

        EnsureEditable();
        DraftInput = null;
        Explanation = explanation;
        Touch();
    }

    public FilingAttachment Attach(AttachmentKind kind, string fileName, string contentType, long size, string sha256, Guid contentId, string uploadedBy, DateTime nowUtc)
    {
        EnsureEditable();
        if (!FilingMaterials.Allowed(Kind).Contains(kind))
        {
            throw new DomainRuleException(FilingErrors.AttachmentKindNotAllowed);
        }

        if (_attachments.Count >= FilingMaterials.MaxAttachmentsPerFiling)
        {
            throw new DomainRuleException(FilingErrors.TooManyAttachments);
        }

        var attachment = new FilingAttachment(Id, kind, fileName, contentType, size, sha256, contentId, uploadedBy, nowUtc);
        _attachments.Add(attachment);
        Touch();
        return attachment;
    }

    public FilingAttachment RemoveAttachment(Guid attachmentId)
    {
        EnsureEditable();
        var attachment = _attachments.SingleOrDefault(a => a.Id == attachmentId) ?? throw new DomainRuleException(FilingErrors.AttachmentNotFound);
        _attachments.Remove(attachment);
        Touch();
        return attachment;
    }

    // ---- rules checked before (re)submission ----

    /// <summary>The registered items this filing changes (change filings only).</summary>
    public IReadOnlyList<RegisteredItem> ChangedItems() =>
        Kind == FilingKind.Change && Base is not null && Proposed is not null ? ItemComparison.Changed(Base, Proposed) : [];

    /// <summary>开办资金 moving more than 20% must be re-registered (domain.md): flagged for the registrar.</summary>
    public bool CapitalChangeIsRequiredRegistration =>
        Kind == FilingKind.Change && Base is not null && Proposed is not null
        && (Base.StartupCapital == 0m ? Proposed.StartupCapital != 0m : Math.Abs(Proposed.StartupCapital - Base.StartupCapital) > Base.StartupCapital * 0.2m);

    /// <summary>Everything that keeps this filing from being submitted. <paramref name="nameTaken"/>: the proposed name is already registered in the office.</summary>
    public IReadOnlyList<SubmissionProblem> ProblemsBeforeSubmission(bool nameTaken)
    {
        var problems = new List<SubmissionProblem>();
        if (DraftInput is not null)
        {
            problems.Add(new(FilingErrors.DraftUnchecked));
        }

        if (FilingKinds.IsAgency(Kind))
        {
            AddAgencyProblems(problems);
        }

        switch (Kind)
        {
            case FilingKind.Setup:
                if (Proposed is null || ApprovalDocumentNumber is null)
                {
                    problems.Add(new(FilingErrors.ItemsMissing));
                }

                break;
            case FilingKind.Change:
                var changed = ChangedItems();
                if (changed.Count == 0)
                {
                    problems.Add(new(FilingErrors.NothingChanged));
                }

                if (changed.Contains(RegisteredItem.Domicile) && PlannedMoveDate is null)
                {
                    problems.Add(new(FilingErrors.MoveDateMissing));
                }

                break;
            case FilingKind.Deregistration:
                if (DeregistrationReason is null || string.IsNullOrWhiteSpace(Explanation))
                {
                    problems.Add(new(FilingErrors.DeregistrationReasonMissing));
                }

                break;
            case FilingKind.CertificateReissue:
                if (string.IsNullOrWhiteSpace(Explanation))
                {
                    problems.Add(new(FilingErrors.ExplanationMissing));
                }

                break;
        }

        if (nameTaken && (Kind is FilingKind.Setup or FilingKind.AgencyFirstApplication || ChangedItems().Contains(RegisteredItem.Name)
            || ChangedAgencyItems().Contains(AgencyItem.Name)))
        {
            problems.Add(new(FilingErrors.NameTaken));
        }

        foreach (var required in FilingMaterials.Required(this))
        {
            if (_attachments.All(a => a.Kind != required))
            {
                problems.Add(new(FilingErrors.AttachmentMissing, required.ToString()));
            }
        }

        return problems;
    }

    // ---- transitions ----

    public void Submit(FilingActor actor, DateOnly today, DateTime nowUtc, bool nameTaken)
    {
        EnsureReady(nameTaken);
        Move(FilingAction.Submit, actor, nowUtc, null);
        MarkSubmitted(today);
    }

    public void Resubmit(FilingActor actor, DateOnly today, DateTime nowUtc, bool nameTaken)
    {
        EnsureReady(nameTaken);
        var wasStopped = State == FilingState.SupplementRequested;
        Move(FilingAction.Resubmit, actor, nowUtc, null);
        if (wasStopped && ClockStoppedOn is { } stopped)
        {
            // The decision clock resumes: the days spent waiting for supplements do not count.
            StoppedDays += Math.Max(0, today.DayNumber - stopped.DayNumber);
            ClockStoppedOn = null;
        }
        else
        {
            MarkSubmitted(today);
        }

        ReturnChecklist = string.Empty;
        ReturnNote = null;
    }

    public void Withdraw(FilingActor actor, DateTime nowUtc, string? note) => Move(FilingAction.Withdraw, actor, nowUtc, note);

    public void Accept(FilingActor actor, DateOnly today, DateTime nowUtc)
    {
        Move(FilingAction.Accept, actor, nowUtc, null);
        AcceptedOn = today;
    }

    /// <summary>Returns the filing with one complete list of what to fix (一次性告知): checklist codes plus free text.</summary>
    public void ReturnForSupplement(FilingActor actor, DateOnly today, DateTime nowUtc, IReadOnlyCollection<string> checklist, string? note)
    {
        if (checklist.Count == 0 && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException(FilingErrors.ReturnNeedsReasons);
        }

        var afterAcceptance = State == FilingState.Accepted;
        Move(FilingAction.ReturnForSupplement, actor, nowUtc, note);
        ReturnChecklist = string.Join(',', checklist);
        ReturnNote = note;
        if (afterAcceptance)
        {
            ClockStoppedOn = today;
        }
    }

    public void Approve(FilingActor actor, DateOnly today, DateTime nowUtc, string? note)
    {
        if (Kind == FilingKind.AgencyCancellation && CollectedOn is null && FilingWorkflow.IsAllowed(State, FilingAction.Approve, actor.Role))
        {
            throw new DomainRuleException(FilingErrors.CollectionNotRecorded);
        }

        Move(FilingAction.Approve, actor, nowUtc, note);
        DecidedOn = today;
    }

    public void ProposeRefusal(FilingActor actor, DateTime nowUtc, string reasons)
    {
        RequireReasons(reasons);
        Move(FilingAction.ProposeRefusal, actor, nowUtc, reasons);
        RefusalReasons = reasons;
    }

    public void Refuse(FilingActor actor, DateOnly today, DateTime nowUtc, string reasons)
    {
        RequireReasons(reasons);
        Move(FilingAction.Refuse, actor, nowUtc, reasons);
        RefusalReasons = reasons;
        DecidedOn = today;
    }

    /// <summary>
    /// 不予受理 (行政许可法 art. 32): at the acceptance stage, with at least one listed reason; a filing outside the
    /// office's powers must name the competent office. The filing ends.
    /// </summary>
    public void RefuseToAccept(FilingActor actor, DateOnly today, DateTime nowUtc, IReadOnlyCollection<NonAcceptanceReason> reasons, string? competentOffice, string? note)
    {
        if (reasons.Count == 0)
        {
            throw new DomainRuleException(FilingErrors.ReasonsRequired);
        }

        var office = string.IsNullOrWhiteSpace(competentOffice) ? null : competentOffice.Trim();
        if (reasons.Contains(NonAcceptanceReason.OutsideJurisdiction) && office is null)
        {
            throw new DomainRuleException(FilingErrors.CompetentOfficeRequired);
        }

        if (office?.Length > MaxCompetentOfficeLength)
        {
            throw new DomainRuleException(FilingErrors.CompetentOfficeRequired);
        }

        Move(FilingAction.RefuseToAccept, actor, nowUtc, note);
        NonAcceptanceReasons = string.Join(',', reasons.Distinct().Order());
        CompetentOffice = reasons.Contains(NonAcceptanceReason.OutsideJurisdiction) ? office : null;
        RefusalReasons = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedOn = today;
    }

    public const int MaxCompetentOfficeLength = 100;

    public void RejectRefusalProposal(FilingActor actor, DateTime nowUtc, string? note)
    {
        Move(FilingAction.RejectRefusalProposal, actor, nowUtc, note);
        RefusalReasons = null;
    }

    /// <summary>Links an approved setup to the institution it created.</summary>
    public void RecordCreatedInstitution(Guid institutionId)
    {
        if (Kind != FilingKind.Setup || State != FilingState.Approved || InstitutionId is not null)
        {
            throw new DomainRuleException(FilingErrors.WrongKind);
        }

        InstitutionId = institutionId;
    }

    /// <summary>For a domicile change: checked at submission (domain.md: filed before the move).</summary>
    private void MarkSubmitted(DateOnly today)
    {
        SubmittedOn = today;
        FirstSubmittedOn ??= today;
        if (ChangedItems().Contains(RegisteredItem.Domicile) && PlannedMoveDate is { } move)
        {
            FiledBeforeMove = today < move;
        }
    }

    private void EnsureReady(bool nameTaken)
    {
        if (ProblemsBeforeSubmission(nameTaken).Count > 0)
        {
            throw new DomainRuleException(FilingErrors.NotReadyToSubmit);
        }
    }

    private static void RequireReasons(string reasons)
    {
        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainRuleException(FilingErrors.ReasonsRequired);
        }
    }

    private void Move(FilingAction action, FilingActor actor, DateTime nowUtc, string? note)
    {
        var to = FilingWorkflow.Target(State, action, actor.Role)
            ?? throw new DomainRuleException(FilingErrors.TransitionNotAllowed);
        _events.Add(new FilingEvent(Id, _events.Count == 0 ? 1 : _events.Max(e => e.Sequence) + 1, nowUtc, actor, State, to, action, note));
        State = to;
        ConcurrencyToken = Guid.NewGuid();
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainRuleException(FilingErrors.NotEditable);
        }
    }

    private void EnsureKind(FilingKind kind)
    {
        if (Kind != kind)
        {
            throw new DomainRuleException(FilingErrors.WrongKind);
        }
    }

    private void Touch() => ConcurrencyToken = Guid.NewGuid();
}
