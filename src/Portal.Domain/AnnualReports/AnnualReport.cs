using Portal.Domain.Filings;

namespace Portal.Domain.AnnualReports;

/// <summary>The report's sections (domain.md, the annual report), as typed by the institution.</summary>
public sealed record ReportContent
{
    /// <summary>(1) 开展业务活动情况</summary>
    public string BusinessActivities { get; init; } = string.Empty;

    /// <summary>(2) 净资产合计 年初数 (万元)</summary>
    public decimal? NetAssetsStart { get; init; }

    /// <summary>(2) 净资产合计 年末数 (万元)</summary>
    public decimal? NetAssetsEnd { get; init; }

    public decimal? Income { get; init; }

    public decimal? Expenditure { get; init; }

    /// <summary>(3) 相关资质认可或执业许可证明文件及有效期 / 变更登记执行情况</summary>
    public string ChangeCompliance { get; init; } = string.Empty;

    /// <summary>(4) 绩效和受奖惩情况</summary>
    public string Performance { get; init; } = string.Empty;

    /// <summary>(5) 涉及诉讼情况</summary>
    public string Litigation { get; init; } = string.Empty;

    /// <summary>(6) 社会投诉情况</summary>
    public string Complaints { get; init; } = string.Empty;

    /// <summary>(7) 接受捐赠资助及其使用情况</summary>
    public string Donations { get; init; } = string.Empty;

    /// <summary>(8) 其他需要报告的情况</summary>
    public string OtherMatters { get; init; } = string.Empty;

    /// <summary>Licences held, one per line: name, number, valid until.</summary>
    public string Licences { get; init; } = string.Empty;

    /// <summary>从业人员数: staff on the establishment roll.</summary>
    public int? StaffOnRoll { get; init; }
}

/// <summary>The sponsor's confirmation that the report is true and passed a confidentiality review (保密审查).</summary>
public sealed record SponsorConfirmation(string ConfirmerName, string ConfirmerPost, DateOnly ConfirmedOn);

public enum ReportSection
{
    BusinessActivities,
    Assets,
    ChangeCompliance,
    Performance,
    Litigation,
    Complaints,
    Donations,
    OtherMatters,
    Licences,
    StaffOnRoll,
}

public enum ReportAttachmentKind
{
    BalanceSheet,
    Licence,
    SponsorConfirmation,
    Other,
}

/// <summary>
/// 年度报告: one per institution and year (a correction after publication is a new version of the same
/// year; both stay public). Moves only through <see cref="ReportWorkflow.Table"/>.
/// </summary>
public class AnnualReport
{
    private readonly List<ReportEvent> _events = [];
    private readonly List<ReportAttachment> _attachments = [];

    private AnnualReport()
    {
        Content = new ReportContent();
    }

    public Guid Id { get; private set; }

    public Guid InstitutionId { get; private set; }

    public Guid OfficeId { get; private set; }

    public int Year { get; private set; }

    /// <summary>1 for the first report of the year, 2, 3 … for corrections after publication.</summary>
    public int Version { get; private set; }

    public Guid? PreviousVersionId { get; private set; }

    public ReportState State { get; private set; }

    public ReportContent Content { get; private set; }

    public SponsorConfirmation? Confirmation { get; private set; }

    public DateOnly? SubmittedOn { get; private set; }

    public bool Late { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    public string? ReturnReasons { get; private set; }

    public bool FlaggedForOnSiteCheck { get; private set; }

    public string? FlagNote { get; private set; }

    /// <summary>Sections the registrar withheld from the public, comma-separated <see cref="ReportSection"/> names.</summary>
    public string ConfidentialSections { get; private set; } = string.Empty;

    public Guid ConcurrencyToken { get; private set; }

    public IReadOnlyList<ReportEvent> Events => _events;

    public IReadOnlyList<ReportAttachment> Attachments => _attachments;

    public bool IsEditable => State is ReportState.Draft or ReportState.Returned;

    /// <summary>A report is due for a year only from an institution registered by that year's end (none for the years before).</summary>
    public static bool IsDue(DateOnly registeredOn, int year) => registeredOn <= new DateOnly(year, 12, 31);

    public static AnnualReport Start(Guid institutionId, Guid officeId, int year, ReportContent prefilled, FilingActor actor, DateTime nowUtc) =>
        New(institutionId, officeId, year, 1, null, prefilled, actor, nowUtc);

    /// <summary>A correction of a published report: a new version to fill in; the published one stays public.</summary>
    public static AnnualReport CorrectionOf(AnnualReport published, FilingActor actor, DateTime nowUtc)
    {
        if (published.State != ReportState.Published)
        {
            throw new DomainRuleException(ReportErrors.OnlyPublishedCanBeCorrected);
        }

        return New(published.InstitutionId, published.OfficeId, published.Year, published.Version + 1, published.Id, published.Content, actor, nowUtc);
    }

    private static AnnualReport New(Guid institutionId, Guid officeId, int year, int version, Guid? previous, ReportContent content, FilingActor actor, DateTime nowUtc)
    {
        var report = new AnnualReport
        {
            Id = Guid.CreateVersion7(),
            InstitutionId = institutionId,
            OfficeId = officeId,
            Year = year,
            Version = version,
            PreviousVersionId = previous,
            State = ReportState.Draft,
            Content = content with { },
            ConcurrencyToken = Guid.NewGuid(),
        };
        report._events.Add(new ReportEvent(report.Id, 1, nowUtc, actor.UserId, actor.Name, null, ReportState.Draft, null, null));
        return report;
    }

    /// <summary>
    /// Saves the draft. <paramref name="unreadInput"/>: what was typed into fields that could not be read (a mistyped amount),
    /// kept exactly as typed so the form shows it again; the report cannot be submitted until it is corrected.
    /// </summary>
    public void SaveDraft(ReportContent content, SponsorConfirmation? confirmation, string? unreadInput = null)
    {
        if (!IsEditable)
        {
            throw new DomainRuleException(FilingErrors.NotEditable);
        }

        if (unreadInput is { Length: > MaxUnreadInputLength })
        {
            throw new DomainRuleException(FilingErrors.DraftTooLong);
        }

        Content = content with { };
        Confirmation = confirmation;
        UnreadInput = string.IsNullOrEmpty(unreadInput) ? null : unreadInput;
        ConcurrencyToken = Guid.NewGuid();
    }

    public const int MaxUnreadInputLength = 2000;

    /// <summary>Typed text of fields that could not be read yet (JSON, field → text); null when everything was read.</summary>
    public string? UnreadInput { get; private set; }

    public ReportAttachment Attach(ReportAttachmentKind kind, string fileName, string contentType, long size, string sha256, Guid contentId, DateTime nowUtc)
    {
        if (!IsEditable)
        {
            throw new DomainRuleException(FilingErrors.NotEditable);
        }

        if (_attachments.Count >= FilingMaterials.MaxAttachmentsPerFiling)
        {
            throw new DomainRuleException(FilingErrors.TooManyAttachments);
        }

        var attachment = new ReportAttachment(Id, kind, fileName, contentType, size, sha256, contentId, nowUtc);
        _attachments.Add(attachment);
        ConcurrencyToken = Guid.NewGuid();
        return attachment;
    }

    public ReportAttachment RemoveAttachment(Guid attachmentId)
    {
        if (!IsEditable)
        {
            throw new DomainRuleException(FilingErrors.NotEditable);
        }

        var attachment = _attachments.SingleOrDefault(a => a.Id == attachmentId) ?? throw new DomainRuleException(FilingErrors.AttachmentNotFound);
        _attachments.Remove(attachment);
        ConcurrencyToken = Guid.NewGuid();
        return attachment;
    }

    /// <summary>The attachments a report cannot be submitted without (the service guide lists these, so the two agree).</summary>
    public static IReadOnlyList<ReportAttachmentKind> RequiredAttachments { get; } = [ReportAttachmentKind.BalanceSheet, ReportAttachmentKind.SponsorConfirmation];

    /// <summary>What keeps the report from being submitted: the business section, the balance sheet, and the sponsor's confirmation with its signed document.</summary>
    public IReadOnlyList<string> ProblemsBeforeSubmission()
    {
        var problems = new List<string>();
        if (UnreadInput is not null)
        {
            problems.Add(ReportErrors.UnreadInput);
        }

        if (string.IsNullOrWhiteSpace(Content.BusinessActivities))
        {
            problems.Add(ReportErrors.BusinessActivitiesMissing);
        }

        if (Content.NetAssetsStart is null || Content.NetAssetsEnd is null)
        {
            problems.Add(ReportErrors.AssetsMissing);
        }

        foreach (var kind in RequiredAttachments)
        {
            var missing = _attachments.All(a => a.Kind != kind) || (kind == ReportAttachmentKind.SponsorConfirmation && Confirmation is null);
            if (missing)
            {
                problems.Add(kind == ReportAttachmentKind.BalanceSheet ? ReportErrors.BalanceSheetMissing : ReportErrors.SponsorConfirmationMissing);
            }
        }

        return problems;
    }

    public void Submit(FilingActor actor, AnnualReportWindow window, DateOnly today, DateTime nowUtc)
    {
        if (ProblemsBeforeSubmission() is { Count: > 0 } problems)
        {
            throw new DomainRuleException(problems[0]);
        }

        Move(State == ReportState.Returned ? ReportAction.Resubmit : ReportAction.Submit, actor, nowUtc, null);
        SubmittedOn = today;

        // Accepted after the window, but marked late (domain.md: resubmitted after 31 March is late).
        Late = window.IsLate(today);
        ReturnReasons = null;
    }

    public void Return(FilingActor actor, DateTime nowUtc, string reasons)
    {
        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainRuleException(FilingErrors.ReasonsRequired);
        }

        Move(ReportAction.Return, actor, nowUtc, reasons);
        ReturnReasons = reasons;
    }

    public void Publish(FilingActor actor, DateOnly today, DateTime nowUtc, IEnumerable<ReportSection> confidential)
    {
        Move(ReportAction.Publish, actor, nowUtc, null);
        PublishedOn = today;
        ConfidentialSections = string.Join(',', confidential.Distinct());
    }

    public void FlagForOnSiteCheck(FilingActor actor, DateTime nowUtc, string note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException(FilingErrors.ReasonsRequired);
        }

        Move(ReportAction.FlagForOnSiteCheck, actor, nowUtc, note);
        FlaggedForOnSiteCheck = true;
        FlagNote = note;
    }

    public bool IsConfidential(ReportSection section) =>
        ConfidentialSections.Split(',', StringSplitOptions.RemoveEmptyEntries).Contains(section.ToString());

    private void Move(ReportAction action, FilingActor actor, DateTime nowUtc, string? note)
    {
        var role = actor.Role switch
        {
            FilingRole.Applicant => ReportRole.Institution,
            FilingRole.Registrar => ReportRole.Registrar,
            _ => ReportRole.Supervisor,
        };
        var to = ReportWorkflow.Target(State, action, role) ?? throw new DomainRuleException(FilingErrors.TransitionNotAllowed);
        _events.Add(new ReportEvent(Id, _events.Count + 1, nowUtc, actor.UserId, actor.Name, State, to, action, note));
        State = to;
        ConcurrencyToken = Guid.NewGuid();
    }
}

public class ReportEvent
{
    private ReportEvent()
    {
        ActorUserId = ActorName = string.Empty;
    }

    internal ReportEvent(Guid reportId, int sequence, DateTime atUtc, string actorUserId, string actorName, ReportState? from, ReportState to, ReportAction? action, string? note)
    {
        Id = Guid.CreateVersion7();
        ReportId = reportId;
        Sequence = sequence;
        AtUtc = atUtc;
        ActorUserId = actorUserId;
        ActorName = actorName;
        From = from;
        To = to;
        Action = action;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public int Sequence { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    public ReportState? From { get; private set; }

    public ReportState To { get; private set; }

    public ReportAction? Action { get; private set; }

    public string? Note { get; private set; }
}

public class ReportAttachment
{
    private ReportAttachment()
    {
        FileName = ContentType = Sha256 = string.Empty;
    }

    internal ReportAttachment(Guid reportId, ReportAttachmentKind kind, string fileName, string contentType, long size, string sha256, Guid contentId, DateTime uploadedUtc)
    {
        Id = Guid.CreateVersion7();
        ReportId = reportId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        ContentId = contentId;
        UploadedUtc = uploadedUtc;
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public ReportAttachmentKind Kind { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public string Sha256 { get; private set; }

    public Guid ContentId { get; private set; }

    public DateTime UploadedUtc { get; private set; }
}

public static class ReportErrors
{
    public const string BusinessActivitiesMissing = "ReportBusinessMissing";
    public const string AssetsMissing = "ReportAssetsMissing";
    public const string UnreadInput = "ReportUnreadInput";
    public const string BalanceSheetMissing = "ReportBalanceSheetMissing";
    public const string SponsorConfirmationMissing = "ReportSponsorConfirmationMissing";
    public const string OnlyPublishedCanBeCorrected = "ReportOnlyPublishedCorrected";
    public const string AlreadyExists = "ReportAlreadyExists";
    public const string NotOverdueYet = "ReportNotOverdueYet";
    public const string ChasedRecently = "ReportChasedRecently";
}
