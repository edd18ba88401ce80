namespace Portal.Domain.Filings;

/// <summary>
/// Who in the office works a filing (承办人). Assignment is office housekeeping, not a step of the
/// licensing procedure: it appends no workflow event (the applicant's timeline and the progress
/// lookup never show it) and is audited instead.
/// </summary>
public partial class Filing
{
    public const int AssigneeNameMaxLength = 100;

    /// <summary>The registry account working this filing; null while nobody has it.</summary>
    public string? AssigneeUserId { get; private set; }

    /// <summary>The assignee's name at the time of assignment (lists show it without a join).</summary>
    public string? AssigneeName { get; private set; }

    public DateTime? AssignedUtc { get; private set; }

    /// <summary>The office still has work to do: submitted and not yet decided.</summary>
    public bool IsOpenForWork => State != FilingState.Draft && FilingWorkflow.IsOpen(State);

    /// <summary>"我来办": a registrar or supervisor takes an unassigned filing for themselves.</summary>
    public void Take(FilingActor by, DateTime nowUtc)
    {
        if (by.Role == FilingRole.Applicant)
        {
            throw new DomainRuleException(FilingErrors.AssignmentNotAllowed);
        }

        if (AssigneeUserId == by.UserId)
        {
            return;
        }

        if (AssigneeUserId is not null)
        {
            // Taking over a colleague's filing is a reassignment: the supervisor's call.
            throw new DomainRuleException(FilingErrors.AlreadyAssigned);
        }

        SetAssignee(by.UserId, by.Name, nowUtc);
    }

    /// <summary>A supervisor assigns (or reassigns) the filing to a member of the office's staff.</summary>
    public void AssignTo(string userId, string name, FilingActor by, DateTime nowUtc)
    {
        if (by.Role != FilingRole.Supervisor)
        {
            throw new DomainRuleException(FilingErrors.AssignmentNotAllowed);
        }

        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException(FilingErrors.AssigneeMissing);
        }

        if (AssigneeUserId == userId)
        {
            return;
        }

        SetAssignee(userId, name, nowUtc);
    }

    private void SetAssignee(string userId, string name, DateTime nowUtc)
    {
        if (!IsOpenForWork)
        {
            throw new DomainRuleException(FilingErrors.NotAssignable);
        }

        AssigneeUserId = userId;
        AssigneeName = name.Length > AssigneeNameMaxLength ? name[..AssigneeNameMaxLength] : name;
        AssignedUtc = nowUtc;
        Touch();
    }
}

/// <summary>
/// An internal note on a filing (内部备注): for the office's staff only. It is a separate record,
/// never part of the filing's events or items, so nothing that renders a filing for the applicant,
/// an instrument or the API can reach it by accident.
/// </summary>
public class FilingNote
{
    public const int MaxLength = 2000;

    private FilingNote()
    {
        AuthorUserId = AuthorName = Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid FilingId { get; private set; }

    public Guid OfficeId { get; private set; }

    public string AuthorUserId { get; private set; }

    public string AuthorName { get; private set; }

    public string Text { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public static FilingNote Write(Filing filing, FilingActor by, string? text, DateTime nowUtc)
    {
        if (by.Role == FilingRole.Applicant)
        {
            throw new DomainRuleException(FilingErrors.AssignmentNotAllowed);
        }

        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException(FilingErrors.NoteEmpty);
        }

        if (trimmed.Length > MaxLength)
        {
            throw new DomainRuleException(FilingErrors.NoteTooLong);
        }

        return new FilingNote
        {
            Id = Guid.CreateVersion7(),
            FilingId = filing.Id,
            OfficeId = filing.OfficeId,
            AuthorUserId = by.UserId,
            AuthorName = by.Name,
            Text = trimmed,
            CreatedUtc = nowUtc,
        };
    }
}
