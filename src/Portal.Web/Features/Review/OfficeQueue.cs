using Microsoft.EntityFrameworkCore;
using Portal.Domain.Filings;
using Portal.Web.Features.Filings;

namespace Portal.Web.Features.Review;

/// <summary>The workbench's counters, each a slice of the office's open filings.</summary>
public enum QueueStage
{
    /// <summary>待受理: submitted, neither accepted nor returned.</summary>
    AwaitingAcceptance,

    /// <summary>审查中: accepted (a refusal awaiting the supervisor included).</summary>
    UnderReview,

    /// <summary>补正中: with the applicant for supplements, before or after acceptance.</summary>
    AwaitingSupplement,

    /// <summary>将超期: the next deadline is at most <see cref="OfficeQueue.DueSoonWorkingDays"/> working days away.</summary>
    DueSoon,

    /// <summary>已超期: the next deadline has passed.</summary>
    Overdue,
}

/// <summary>
/// An office's open filings with their clocks. The queue lists them and the workbench counts them through the same
/// <see cref="Matches"/>, so a counter and the list it links to always agree.
/// </summary>
public sealed class OfficeQueue(FilingClocks clocks)
{
    public const int DueSoonWorkingDays = 2;

    public static bool Matches(QueueRow row, QueueStage stage) => stage switch
    {
        QueueStage.AwaitingAcceptance => row.State == FilingState.Submitted,
        QueueStage.UnderReview => row.State is FilingState.Accepted or FilingState.RefusalProposed,
        QueueStage.AwaitingSupplement => row.State is FilingState.Returned or FilingState.SupplementRequested,
        QueueStage.DueSoon => row.Deadlines.WorkingDaysLeft is >= 0 and <= DueSoonWorkingDays,
        QueueStage.Overdue => row.Deadlines.IsOverdue,
        _ => false,
    };

    /// <summary>The filings of <paramref name="query"/> (already scoped to the office) with their clocks, soonest deadline first.</summary>
    public async Task<List<QueueRow>> RowsAsync(IQueryable<Filing> query, Guid officeId, CancellationToken ct)
    {
        // Open filings of one office are few (hundreds at most): compute the clocks and sort in memory.
        var rows = await query
            .OrderByDescending(f => f.SubmittedOn)
            .Take(5000)
            .Select(f => new { f.Id, f.Number, f.Kind, f.State, Name = f.Proposed != null ? f.Proposed.Name : f.Base != null ? f.Base.Name : f.AgencyProposed != null ? f.AgencyProposed.Name : f.AgencyBase != null ? f.AgencyBase.Name : null, f.SubmittedOn, f.AcceptedOn, f.ClockStoppedOn, f.StoppedDays, f.AssigneeUserId, f.AssigneeName })
            .ToListAsync(ct);
        var calendar = await clocks.CalendarAsync(ct);
        var settings = await clocks.SettingsAsync(officeId, ct);
        var today = clocks.Today;
        return rows
            .Select(r => new QueueRow(r.Id, r.Number, r.Kind, r.State, r.Name, r.SubmittedOn,
                FilingClock.Compute(r.State, r.SubmittedOn, r.AcceptedOn, r.ClockStoppedOn, r.StoppedDays, calendar, settings, today), r.AssigneeUserId, r.AssigneeName))
            .OrderBy(r => r.Deadlines.NextDue is null ? 1 : 0)
            .ThenBy(r => r.Deadlines.NextDue)
            .ThenBy(r => r.SubmittedOn)
            .ToList();
    }
}
