namespace Portal.Domain.Offices;

/// <summary>The office's service desk as the service guides print it: where to go, when it is open, and its own notes, in both languages.</summary>
public partial class RegistrationOffice
{
    public const int MaxDeskLineLength = 200;

    public const int MaxDeskNotesLength = 1000;

    public string? DeskAddressZh { get; private set; }

    public string? DeskAddressEn { get; private set; }

    public string? DeskHoursZh { get; private set; }

    public string? DeskHoursEn { get; private set; }

    public string? DeskNotesZh { get; private set; }

    public string? DeskNotesEn { get; private set; }

    /// <summary>Sets the desk's address, hours and notes; blanks clear them. Nothing is cut short: a long value is refused whole.</summary>
    public void SetServiceDesk(string? addressZh, string? addressEn, string? hoursZh, string? hoursEn, string? notesZh, string? notesEn)
    {
        var lines = new[] { Clean(addressZh), Clean(addressEn), Clean(hoursZh), Clean(hoursEn) };
        var notes = new[] { Clean(notesZh), Clean(notesEn) };
        if (lines.Any(l => l?.Length > MaxDeskLineLength) || notes.Any(n => n?.Length > MaxDeskNotesLength))
        {
            throw new DomainRuleException(OfficeErrors.ServiceDeskTooLong);
        }

        (DeskAddressZh, DeskAddressEn, DeskHoursZh, DeskHoursEn) = (lines[0], lines[1], lines[2], lines[3]);
        (DeskNotesZh, DeskNotesEn) = (notes[0], notes[1]);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ReplaceLineEndings("\n");
}
