namespace Portal.Domain.Filings;

/// <summary>
/// The review workflow of domain.md as one table: (from, action, role) → to. Every move a filing can
/// make is a row here; the Filing aggregate refuses anything else the same way, and views draw their
/// buttons from <see cref="ActionsFor"/>, so the screen and the guard can never disagree.
/// </summary>
public static class FilingWorkflow
{
    private static readonly FilingRole[] Staff = [FilingRole.Registrar, FilingRole.Supervisor];

    public static readonly IReadOnlyList<Transition> Table =
    [
        // The applicant files.
        new(FilingState.Draft, FilingAction.Submit, [FilingRole.Applicant], FilingState.Submitted),
        new(FilingState.Draft, FilingAction.Withdraw, [FilingRole.Applicant], FilingState.Withdrawn),

        // Acceptance (受理): within 3 working days, accept or return with one complete list (一次性告知).
        new(FilingState.Submitted, FilingAction.Accept, Staff, FilingState.Accepted),
        new(FilingState.Submitted, FilingAction.ReturnForSupplement, Staff, FilingState.Returned),

        // 不予受理 (art. 32): outside the office's powers, no registration needed, or not entitled to apply. It ends the filing.
        new(FilingState.Submitted, FilingAction.RefuseToAccept, Staff, FilingState.NotAccepted),
        new(FilingState.Submitted, FilingAction.Withdraw, [FilingRole.Applicant], FilingState.Withdrawn),
        new(FilingState.Returned, FilingAction.Resubmit, [FilingRole.Applicant], FilingState.Submitted),
        new(FilingState.Returned, FilingAction.Withdraw, [FilingRole.Applicant], FilingState.Withdrawn),

        // Review: the decision clock runs; it stops while supplements are awaited.
        new(FilingState.Accepted, FilingAction.Approve, Staff, FilingState.Approved),
        new(FilingState.Accepted, FilingAction.ReturnForSupplement, Staff, FilingState.SupplementRequested),
        new(FilingState.Accepted, FilingAction.ProposeRefusal, [FilingRole.Registrar], FilingState.RefusalProposed),
        new(FilingState.Accepted, FilingAction.Refuse, [FilingRole.Supervisor], FilingState.Refused),
        new(FilingState.Accepted, FilingAction.Withdraw, [FilingRole.Applicant], FilingState.Withdrawn),
        new(FilingState.SupplementRequested, FilingAction.Resubmit, [FilingRole.Applicant], FilingState.Accepted),
        new(FilingState.SupplementRequested, FilingAction.Withdraw, [FilingRole.Applicant], FilingState.Withdrawn),

        // Refusal is decided by a supervisor; a registrar only proposes it.
        new(FilingState.RefusalProposed, FilingAction.Refuse, [FilingRole.Supervisor], FilingState.Refused),
        new(FilingState.RefusalProposed, FilingAction.RejectRefusalProposal, [FilingRole.Supervisor], FilingState.Accepted),
        new(FilingState.RefusalProposed, FilingAction.Withdraw, [FilingRole.Applicant], FilingState.Withdrawn),
    ];

    public static FilingState? Target(FilingState from, FilingAction action, FilingRole role) =>
        Table.FirstOrDefault(t => t.From == from && t.Action == action && t.Roles.Contains(role))?.To;

    public static bool IsAllowed(FilingState from, FilingAction action, FilingRole role) => Target(from, action, role) is not null;

    /// <summary>The actions <paramref name="role"/> may take in <paramref name="state"/>, in table order.</summary>
    public static IReadOnlyList<FilingAction> ActionsFor(FilingState state, FilingRole role) =>
        Table.Where(t => t.From == state && t.Roles.Contains(role)).Select(t => t.Action).Distinct().ToList();

    /// <summary>States in which the filing still counts as in progress (一事一办).</summary>
    public static bool IsOpen(FilingState state) => state is not (FilingState.Approved or FilingState.Refused or FilingState.Withdrawn or FilingState.NotAccepted);

    public static readonly FilingState[] OpenStates = Enum.GetValues<FilingState>().Where(IsOpen).ToArray();

    public sealed record Transition(FilingState From, FilingAction Action, FilingRole[] Roles, FilingState To);
}
