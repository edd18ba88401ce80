using Portal.Domain.Calendar;
using Portal.Domain.Filings;
using Portal.Domain.Tests.Calendar;
using static Portal.Domain.Tests.Filings.FilingBuilder;

namespace Portal.Domain.Tests.Filings;

/// <summary>The legal clocks against the real 2025–2026 holiday calendar.</summary>
public class FilingClockTests
{
    private static readonly WorkingDayCalendar Calendar = new(WorkingDayCalendarTests.SeededDays());

    private static FilingDeadlines Clock(FilingState state, string submitted, string? accepted, string today, string? stoppedOn = null, int stoppedDays = 0, int? promised = null) =>
        FilingClock.Compute(state, D(submitted), accepted is null ? null : D(accepted), stoppedOn is null ? null : D(stoppedOn), stoppedDays, Calendar, new ClockSettings(3, 30, promised), D(today));

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void AcceptanceDue_SkipsTheNationalDayHolidays()
    {
        // Submitted Tue 30 Sep 2025: Oct 1–8 off, then 9, 10, 11 (a worked Saturday).
        var c = Clock(FilingState.Submitted, "2025-09-30", null, "2025-10-09");
        Assert.Equal(D("2025-10-11"), c.AcceptanceDue);
        Assert.Equal(D("2025-10-11"), c.NextDue);
        Assert.Equal(2, c.WorkingDaysLeft);
        Assert.False(c.DeemedAccepted);
    }

    [Fact]
    public void NotAcceptedInTime_CountsAsAcceptedOnTheDayItArrived()
    {
        // Submitted Fri 13 Feb 2026 before the Spring Festival: due Sat 14 (worked), Tue 24, Wed 25.
        var onTime = Clock(FilingState.Submitted, "2026-02-13", null, "2026-02-25");
        Assert.Equal(D("2026-02-25"), onTime.AcceptanceDue);
        Assert.False(onTime.DeemedAccepted);

        var late = Clock(FilingState.Submitted, "2026-02-13", null, "2026-02-26");
        Assert.True(late.DeemedAccepted);
        Assert.Equal(D("2026-02-13"), late.DecisionClockStart);
        Assert.Equal(D("2026-03-15"), late.LegalDecisionDue);
    }

    [Fact]
    public void DecisionDue_Is30DaysAfterAcceptance_AndThePromiseIsShorter()
    {
        var c = Clock(FilingState.Accepted, "2026-09-25", "2026-09-28", "2026-09-29", promised: 5);
        Assert.Equal(D("2026-10-28"), c.LegalDecisionDue);

        // 2026 National Day: Oct 1–7 off, Sep 27 (Sun) and Oct 10 (Sat) worked. From Mon 28 Sep: 29, 30, 8, 9, 10.
        Assert.Equal(D("2026-10-10"), c.PromisedDecisionDue);
        Assert.Equal(D("2026-10-10"), c.NextDue);
    }

    [Fact]
    public void TheDecisionClockStops_WhileSupplementsAreAwaited()
    {
        var running = Clock(FilingState.Accepted, "2026-03-02", "2026-03-03", "2026-03-05");
        Assert.Equal(D("2026-04-02"), running.LegalDecisionDue);

        var stopped = Clock(FilingState.SupplementRequested, "2026-03-02", "2026-03-03", "2026-03-15", stoppedOn: "2026-03-05");
        Assert.True(stopped.ClockStopped);
        Assert.Null(stopped.NextDue);
        Assert.Equal(D("2026-04-12"), stopped.LegalDecisionDue); // 10 days stopped so far

        var resumed = Clock(FilingState.Accepted, "2026-03-02", "2026-03-03", "2026-03-20", stoppedDays: 12);
        Assert.Equal(D("2026-04-14"), resumed.LegalDecisionDue);
    }

    [Fact]
    public void Resubmission_AfterAcceptance_AddsTheStoppedDays()
    {
        var f = InState(FilingState.Accepted);
        f.ReturnForSupplement(Registrar, D("2026-03-05"), Now, [], "补充材料");
        f.Resubmit(Applicant, D("2026-03-12"), Now, false);
        Assert.Equal(FilingState.Accepted, f.State);
        Assert.Equal(7, f.StoppedDays);
        Assert.Null(f.ClockStoppedOn);
    }

    [Fact]
    public void OverdueFilings_HaveNegativeWorkingDaysLeft()
    {
        var c = Clock(FilingState.Accepted, "2026-01-05", "2026-01-06", "2026-02-10");
        Assert.True(c.IsOverdue);
        Assert.True(c.WorkingDaysLeft < 0);
    }

    [Fact]
    public void ClosedAndDraftFilings_HaveNoClock()
    {
        Assert.Null(Clock(FilingState.Approved, "2026-01-05", "2026-01-06", "2026-01-10").NextDue);
        Assert.Null(FilingClock.Compute(InState(FilingState.Draft), Calendar, ClockSettings.Default, Today).AcceptanceDue);
    }
}
