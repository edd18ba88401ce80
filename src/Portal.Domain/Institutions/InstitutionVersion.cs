namespace Portal.Domain.Institutions;

/// <summary>One version of an institution's registered items, effective from a date. Versions are never edited.</summary>
public class InstitutionVersion
{
    private InstitutionVersion()
    {
        Items = null!;
    }

    internal InstitutionVersion(Guid institutionId, int number, RegisteredItems items, DateOnly effectiveOn, DateTime recordedUtc)
    {
        Id = Guid.CreateVersion7();
        InstitutionId = institutionId;
        Number = number;
        Items = items;
        EffectiveOn = effectiveOn;
        RecordedUtc = recordedUtc;
    }

    public Guid Id { get; private set; }

    public Guid InstitutionId { get; private set; }

    /// <summary>1 for the items registered at setup (or import), then 2, 3, … per approved change.</summary>
    public int Number { get; private set; }

    public RegisteredItems Items { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    public DateTime RecordedUtc { get; private set; }
}
