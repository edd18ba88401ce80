namespace Portal.Domain.Oversight;

/// <summary>One step of the enforcement ladder, with its reasons and date; never edited.</summary>
public class EnforcementAction
{
    private EnforcementAction()
    {
        Reasons = ActorName = string.Empty;
    }

    public EnforcementAction(Guid institutionId, Guid officeId, EnforcementKind kind, string reasons, DateOnly takenOn, DateOnly? correctBy, Guid? consentDocumentId, string actorName, DateTime createdUtc)
    {
        Id = Guid.CreateVersion7();
        InstitutionId = institutionId;
        OfficeId = officeId;
        Kind = kind;
        Reasons = reasons;
        TakenOn = takenOn;
        CorrectBy = correctBy;
        ConsentDocumentId = consentDocumentId;
        ActorName = actorName;
        CreatedUtc = createdUtc;
    }

    public Guid Id { get; private set; }

    public Guid InstitutionId { get; private set; }

    public Guid OfficeId { get; private set; }

    public EnforcementKind Kind { get; private set; }

    public string Reasons { get; private set; }

    public DateOnly TakenOn { get; private set; }

    /// <summary>For a certificate hold: the deadline to correct.</summary>
    public DateOnly? CorrectBy { get; private set; }

    /// <summary>For a revocation: the approving authority's consent document (stored file).</summary>
    public Guid? ConsentDocumentId { get; private set; }

    public string ActorName { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    /// <summary>Holds and revocations are public (domain.md); warnings are between the office and the institution.</summary>
    public bool IsPublic => Kind is not EnforcementKind.Warning;
}

/// <summary>异常名录: an institution listed for missing its annual report, until it files.</summary>
public class AbnormalListEntry
{
    private AbnormalListEntry()
    {
    }

    public AbnormalListEntry(Guid institutionId, Guid officeId, int year, DateOnly listedOn)
    {
        Id = Guid.CreateVersion7();
        InstitutionId = institutionId;
        OfficeId = officeId;
        Year = year;
        ListedOn = listedOn;
    }

    public Guid Id { get; private set; }

    public Guid InstitutionId { get; private set; }

    public Guid OfficeId { get; private set; }

    public int Year { get; private set; }

    public DateOnly ListedOn { get; private set; }

    public DateOnly? RemovedOn { get; private set; }

    public void Remove(DateOnly on) => RemovedOn ??= on;
}

public enum SpotCheckResult
{
    Pending,
    Conforms,
    DoesNotConform,
}

/// <summary>A spot check: the draw (who, when, seed, the list) is fixed once made; only results are entered.</summary>
public class SpotCheck
{
    private readonly List<SpotCheckItem> _items = [];

    private SpotCheck()
    {
        DrawnBy = string.Empty;
    }

    public static SpotCheck Draw(Guid officeId, int year, decimal percentage, ulong seed, IReadOnlyCollection<(Guid Id, string Code)> population, string drawnBy, DateTime nowUtc)
    {
        var drawn = SpotCheckDraw.Draw(population.Select(p => p.Code), percentage, seed);
        var check = new SpotCheck
        {
            Id = Guid.CreateVersion7(),
            OfficeId = officeId,
            Year = year,
            Percentage = percentage,
            Seed = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PopulationSize = population.Count,
            DrawnBy = drawnBy,
            DrawnUtc = nowUtc,
        };
        var byCode = population.ToDictionary(p => p.Code, p => p.Id);
        var order = 0;
        foreach (var code in drawn)
        {
            check._items.Add(new SpotCheckItem(check.Id, byCode[code], code, ++order));
        }

        return check;
    }

    public Guid Id { get; private set; }

    public Guid OfficeId { get; private set; }

    public int Year { get; private set; }

    public decimal Percentage { get; private set; }

    /// <summary>The seed as a decimal string (a 64-bit value; stored as text so every provider keeps it exactly).</summary>
    public string Seed { get; private set; } = string.Empty;

    public int PopulationSize { get; private set; }

    public string DrawnBy { get; private set; }

    public DateTime DrawnUtc { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public IReadOnlyList<SpotCheckItem> Items => _items;

    public void Record(Guid itemId, SpotCheckResult result, string? note)
    {
        if (ClosedOn is not null)
        {
            throw new DomainRuleException(OversightErrors.SpotCheckClosed);
        }

        var item = _items.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainRuleException(OversightErrors.SpotCheckClosed);
        item.Record(result, note);
    }

    /// <summary>Closes the check and publishes its results; every drawn institution needs a result first.</summary>
    public void Close(DateOnly on)
    {
        if (ClosedOn is not null || _items.Any(i => i.Result == SpotCheckResult.Pending))
        {
            throw new DomainRuleException(OversightErrors.SpotCheckIncomplete);
        }

        ClosedOn = on;
    }
}

public class SpotCheckItem
{
    private SpotCheckItem()
    {
        Code = string.Empty;
    }

    internal SpotCheckItem(Guid spotCheckId, Guid institutionId, string code, int order)
    {
        Id = Guid.CreateVersion7();
        SpotCheckId = spotCheckId;
        InstitutionId = institutionId;
        Code = code;
        DrawOrder = order;
        Result = SpotCheckResult.Pending;
    }

    public Guid Id { get; private set; }

    public Guid SpotCheckId { get; private set; }

    public Guid InstitutionId { get; private set; }

    public string Code { get; private set; }

    public int DrawOrder { get; private set; }

    public SpotCheckResult Result { get; private set; }

    public string? Note { get; private set; }

    internal void Record(SpotCheckResult result, string? note)
    {
        Result = result;
        Note = note;
    }
}
