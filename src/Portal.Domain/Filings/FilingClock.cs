using Portal.Domain.Calendar;

namespace Portal.Domain.Filings;

/// <summary>The time limits an office works to.</summary>
public sealed record ClockSettings(int AcceptanceWorkingDays, int DecisionDays, int? PromisedWorkingDays)
{
    /// <summary>Acceptance within 3 working days (local practice); decision within 30 days (regulation art. 8).</summary>
    public static ClockSettings Default { get; } = new(3, 30, null);
}

/// <summary>Where a filing stands against its time limits on a given day.</summary>
public sealed record FilingDeadlines(
    DateOnly? AcceptanceDue,
    bool DeemedAccepted,
    DateOnly? DecisionClockStart,
    DateOnly? LegalDecisionDue,
    DateOnly? PromisedDecisionDue,
    bool ClockStopped,
    DateOnly? NextDue,
    int? WorkingDaysLeft)
{
    public bool IsOverdue => WorkingDaysLeft < 0;
}

/// <summary>
/// The legal clocks of a filing:
/// - acceptance within <see cref="ClockSettings.AcceptanceWorkingDays"/> working days of submission,
///   otherwise it counts as accepted from the day it arrived (local practice, domain.md);
/// - decision within <see cref="ClockSettings.DecisionDays"/> days of acceptance (regulation art. 8),
///   plus the office's promised, shorter target in working days;
/// - the decision clock stops while the filing waits for supplements after acceptance.
/// </summary>
public static class FilingClock
{
    public static FilingDeadlines Compute(Filing filing, WorkingDayCalendar calendar, ClockSettings settings, DateOnly today) =>
        Compute(filing.State, filing.SubmittedOn, filing.AcceptedOn, filing.ClockStoppedOn, filing.StoppedDays, calendar, settings, today);

    public static FilingDeadlines Compute(
        FilingState state,
        DateOnly? submittedOn,
        DateOnly? acceptedOn,
        DateOnly? clockStoppedOn,
        int stoppedDays,
        WorkingDayCalendar calendar,
        ClockSettings settings,
        DateOnly today)
    {
        if (submittedOn is not { } submitted || !FilingWorkflow.IsOpen(state) || state == FilingState.Draft)
        {
            return new FilingDeadlines(null, false, null, null, null, false, null, null);
        }

        var acceptanceDue = calendar.AddWorkingDays(submitted, settings.AcceptanceWorkingDays);

        DateOnly? clockStart = acceptedOn;
        var deemed = false;
        if (clockStart is null && state == FilingState.Submitted && today > acceptanceDue)
        {
            // Neither accepted nor returned in time: it counts as accepted on the day it arrived.
            clockStart = submitted;
            deemed = true;
        }

        DateOnly? legalDue = null, promisedDue = null;
        var stoppedSoFar = stoppedDays;
        var stopped = state == FilingState.SupplementRequested;
        if (stopped && clockStoppedOn is { } since)
        {
            stoppedSoFar += Math.Max(0, today.DayNumber - since.DayNumber);
        }

        if (clockStart is { } start)
        {
            legalDue = start.AddDays(settings.DecisionDays + stoppedSoFar);
            if (settings.PromisedWorkingDays is { } promised)
            {
                promisedDue = calendar.AddWorkingDays(start.AddDays(stoppedSoFar), promised);
            }
        }

        DateOnly? nextDue = state switch
        {
            FilingState.Submitted when !deemed => acceptanceDue,
            FilingState.Returned => null, // with the applicant
            FilingState.SupplementRequested => null, // clock stopped
            _ => promisedDue is { } p && legalDue is { } l ? (p < l ? p : l) : legalDue,
        };

        int? left = nextDue is { } due ? calendar.WorkingDaysBetween(today, due) : null;
        return new FilingDeadlines(acceptanceDue, deemed, clockStart, legalDue, promisedDue, stopped, nextDue, left);
    }
}
