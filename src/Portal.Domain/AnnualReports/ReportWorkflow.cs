namespace Portal.Domain.AnnualReports;

public enum ReportState
{
    /// <summary>草稿: the institution is filling it in.</summary>
    Draft,

    /// <summary>已报送: waiting for the registrar's formal review.</summary>
    Submitted,

    /// <summary>退回修改: the institution corrects and resubmits (late if after the window).</summary>
    Returned,

    /// <summary>已公示: public, minus personal data and what the registrar marked confidential.</summary>
    Published,
}

public enum ReportAction
{
    Submit,
    Return,
    Resubmit,
    Publish,
    FlagForOnSiteCheck,
}

public enum ReportRole
{
    Institution,
    Registrar,
    Supervisor,
}

/// <summary>The annual report's review workflow as one table, like the filings': (from, action, role) → to.</summary>
public static class ReportWorkflow
{
    private static readonly ReportRole[] Staff = [ReportRole.Registrar, ReportRole.Supervisor];

    public static readonly IReadOnlyList<Transition> Table =
    [
        new(ReportState.Draft, ReportAction.Submit, [ReportRole.Institution], ReportState.Submitted),
        new(ReportState.Submitted, ReportAction.Publish, Staff, ReportState.Published),
        new(ReportState.Submitted, ReportAction.Return, Staff, ReportState.Returned),
        new(ReportState.Submitted, ReportAction.FlagForOnSiteCheck, Staff, ReportState.Submitted),
        new(ReportState.Returned, ReportAction.Resubmit, [ReportRole.Institution], ReportState.Submitted),
        new(ReportState.Published, ReportAction.FlagForOnSiteCheck, Staff, ReportState.Published),
    ];

    public static ReportState? Target(ReportState from, ReportAction action, ReportRole role) =>
        Table.FirstOrDefault(t => t.From == from && t.Action == action && t.Roles.Contains(role))?.To;

    public static IReadOnlyList<ReportAction> ActionsFor(ReportState state, ReportRole role) =>
        Table.Where(t => t.From == state && t.Roles.Contains(role)).Select(t => t.Action).ToList();

    public sealed record Transition(ReportState From, ReportAction Action, ReportRole[] Roles, ReportState To);
}

/// <summary>
/// The filing window of a reporting year: by default 1 January – 31 March of the following year
/// (domain.md); an office may set its own. A report submitted after the window is accepted and marked late.
/// </summary>
public sealed record AnnualReportWindow(int Year, DateOnly Opens, DateOnly Closes)
{
    public static AnnualReportWindow For(int year, int opensMonth = 1, int opensDay = 1, int closesMonth = 3, int closesDay = 31) =>
        new(year, new DateOnly(year + 1, opensMonth, opensDay), new DateOnly(year + 1, closesMonth, closesDay));

    public bool IsOpen(DateOnly today) => today >= Opens && today <= Closes;

    public bool IsLate(DateOnly submittedOn) => submittedOn > Closes;

    public bool IsOverdue(DateOnly today) => today > Closes;

    /// <summary>The reminder due today, if any: one of <paramref name="daysBefore"/> days before the window closes.</summary>
    public int? ReminderDue(DateOnly today, IEnumerable<int> daysBefore)
    {
        if (today < Opens || today > Closes)
        {
            return null;
        }

        var left = Closes.DayNumber - today.DayNumber;
        return daysBefore.Contains(left) ? left : null;
    }
}
