namespace Portal.Domain.Filings;

/// <summary>One step in a filing's history: who, when, from, to, and the note they left. Never edited.</summary>
public class FilingEvent
{
    private FilingEvent()
    {
        ActorUserId = string.Empty;
        ActorName = string.Empty;
    }

    internal FilingEvent(Guid filingId, int sequence, DateTime atUtc, FilingActor actor, FilingState? from, FilingState to, FilingAction? action, string? note)
    {
        Id = Guid.CreateVersion7();
        FilingId = filingId;
        Sequence = sequence;
        AtUtc = atUtc;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        ActorRole = actor.Role;
        From = from;
        To = to;
        Action = action;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid FilingId { get; private set; }

    public int Sequence { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string ActorUserId { get; private set; }

    public string ActorName { get; private set; }

    public FilingRole ActorRole { get; private set; }

    /// <summary>Null for the event that created the draft.</summary>
    public FilingState? From { get; private set; }

    public FilingState To { get; private set; }

    public FilingAction? Action { get; private set; }

    public string? Note { get; private set; }
}
