using Microsoft.EntityFrameworkCore;
using Portal.Domain.Codes;
using Portal.Domain.Filings;
using Portal.Infrastructure;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Filings;

namespace Portal.Web.Features.Progress;

/// <summary>One step the applicant can see: what happened and on which day (China time).</summary>
public sealed record ProgressStep(FilingAction Action, DateOnly On);

/// <summary>What a progress lookup shows: state, steps, deadlines and whether instruments await. Never names, items or notes.</summary>
public sealed record ProgressAnswer(
    string Number,
    FilingKind Kind,
    FilingState State,
    IReadOnlyList<ProgressStep> Steps,
    DateOnly? AcceptanceDue,
    DateOnly? DecisionDue,
    bool ClockStopped,
    int InstrumentsAwaiting);

/// <summary>
/// 进度查询 without signing in: a filing number plus the code of the institution or agency it concerns, or — for a
/// setup or a first code application, which have no code yet — the last four digits of the applicant's mobile.
/// Any mismatch, an unknown number and a draft all answer null alike.
/// </summary>
public sealed class LookUpProgress(PortalDbContext db, FilingClocks clocks)
{
    public const int MaxNumberLength = 30;

    /// <summary>Acts the applicant sees; a refusal proposal and its rejection are the office's internal deliberation.</summary>
    private static readonly FilingAction[] Visible =
    [
        FilingAction.Submit, FilingAction.Accept, FilingAction.ReturnForSupplement, FilingAction.Resubmit,
        FilingAction.Approve, FilingAction.Refuse, FilingAction.Withdraw, FilingAction.RefuseToAccept,
    ];

    public async Task<ProgressAnswer?> HandleAsync(string? number, string? key, CancellationToken ct)
    {
        var n = number?.Trim().ToUpperInvariant();
        var k = key?.Trim();
        if (string.IsNullOrEmpty(n) || n.Length > MaxNumberLength || string.IsNullOrEmpty(k) || k.Length > 40)
        {
            return null;
        }

        var filing = await db.Filings.AsNoTracking()
            .Where(f => f.Number == n && f.State != FilingState.Draft)
            .Select(f => new
            {
                f.Id, f.Number, f.Kind, f.State, f.OfficeId, f.InstitutionId, f.AgencyId, f.ApplicantUserId,
                f.SubmittedOn, f.AcceptedOn, f.ClockStoppedOn, f.StoppedDays,
            })
            .SingleOrDefaultAsync(ct);
        if (filing is null || !await MatchesAsync(filing.Kind, filing.InstitutionId, filing.AgencyId, filing.ApplicantUserId, k, ct))
        {
            return null;
        }

        var events = await db.FilingEvents.AsNoTracking()
            .Where(e => e.FilingId == filing.Id && e.Action != null)
            .OrderBy(e => e.Sequence)
            .Select(e => new { Action = e.Action!.Value, e.AtUtc })
            .ToListAsync(ct);
        var steps = events.Where(e => Visible.Contains(e.Action))
            .Select(e => new ProgressStep(e.Action, DateOnly.FromDateTime(e.AtUtc + LocalDay.ChinaOffset)))
            .ToList();

        // A refusal under the supervisor's consideration is, to the applicant, still under review.
        var state = filing.State == FilingState.RefusalProposed ? FilingState.Accepted : filing.State;
        var deadlines = FilingClock.Compute(filing.State, filing.SubmittedOn, filing.AcceptedOn, filing.ClockStoppedOn, filing.StoppedDays,
            await clocks.CalendarAsync(ct), await clocks.SettingsAsync(filing.OfficeId, ct), clocks.Today);
        var awaiting = await db.Instruments.AsNoTracking().CountAsync(i => i.FilingId == filing.Id && i.OpenedUtc == null, ct);
        return new ProgressAnswer(
            filing.Number,
            filing.Kind,
            state,
            steps,
            filing.AcceptedOn is null && !deadlines.DeemedAccepted ? deadlines.AcceptanceDue : null,
            deadlines.PromisedDecisionDue ?? deadlines.LegalDecisionDue,
            deadlines.ClockStopped,
            awaiting);
    }

    private async Task<bool> MatchesAsync(FilingKind kind, Guid? institutionId, Guid? agencyId, string applicantUserId, string key, CancellationToken ct)
    {
        // A setup or a first application is known by the applicant's mobile: the body has no code until approval.
        if (kind is FilingKind.Setup or FilingKind.AgencyFirstApplication && key.Length == 4 && key.All(char.IsAsciiDigit))
        {
            var mobile = await db.Users.AsNoTracking().Where(u => u.Id == applicantUserId).Select(u => u.PhoneNumber).SingleOrDefaultAsync(ct);
            return mobile is { Length: 11 } && mobile.EndsWith(key, StringComparison.Ordinal);
        }

        if (UnifiedSocialCreditCode.Canonicalise(key) is not { } code)
        {
            return false;
        }

        if (institutionId is { } iid)
        {
            return await db.Institutions.AsNoTracking().AnyAsync(i => i.Id == iid && i.Code == code, ct);
        }

        return agencyId is { } aid && await db.Agencies.AsNoTracking().AnyAsync(a => a.Id == aid && a.Code == code, ct);
    }
}
