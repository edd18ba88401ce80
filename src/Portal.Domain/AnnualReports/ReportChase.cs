namespace Portal.Domain.AnnualReports;

/// <summary>
/// 催报: a registrar's reminder to an institution whose annual report is overdue, sent from the overdue
/// list and kept as a record. Chasing the same institution again is throttled to once a week, so a
/// busy office cannot flood an institution's inbox and the record shows a steady, defensible cadence.
/// </summary>
public class ReportChase
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(7);

    private ReportChase()
    {
        ByUserId = ByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid InstitutionId { get; private set; }

    public Guid OfficeId { get; private set; }

    public int Year { get; private set; }

    public DateTime SentUtc { get; private set; }

    public string ByUserId { get; private set; }

    public string ByName { get; private set; }

    /// <summary>When the institution may next be chased, given the last chase (of any year) sent to it.</summary>
    public static DateTime? NextAllowedUtc(DateTime? lastSentUtc) => lastSentUtc + Interval;

    public static bool MaySend(DateTime? lastSentUtc, DateTime nowUtc) => lastSentUtc is not { } last || nowUtc >= last + Interval;

    /// <summary>Records a chase; refuses when the last one is less than a week old or the window has not closed.</summary>
    public static ReportChase Send(Guid institutionId, Guid officeId, AnnualReportWindow window, DateTime? lastSentUtc, string byUserId, string byName, DateOnly today, DateTime nowUtc)
    {
        if (!window.IsOverdue(today))
        {
            throw new DomainRuleException(ReportErrors.NotOverdueYet);
        }

        if (!MaySend(lastSentUtc, nowUtc))
        {
            throw new DomainRuleException(ReportErrors.ChasedRecently);
        }

        return new ReportChase
        {
            Id = Guid.CreateVersion7(),
            InstitutionId = institutionId,
            OfficeId = officeId,
            Year = window.Year,
            SentUtc = nowUtc,
            ByUserId = byUserId,
            ByName = byName,
        };
    }
}
