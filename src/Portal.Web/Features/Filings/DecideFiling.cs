using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Filings;

namespace Portal.Web.Features.Filings;

/// <summary>What a registry decision form carries.</summary>
public sealed class DecisionForm
{
    /// <summary>The concurrency token the page was rendered with.</summary>
    public Guid Token { get; set; }

    public List<string> Checklist { get; set; } = [];

    public string? Note { get; set; }

    /// <summary>The "I confirm" box of an irreversible decision (approve, refuse, refuse to accept).</summary>
    public bool Confirmed { get; set; }

    /// <summary>不予受理: the listed reasons ticked.</summary>
    public List<NonAcceptanceReason> Reasons { get; set; } = [];

    /// <summary>不予受理 for lack of jurisdiction: the office to apply to instead.</summary>
    public string? CompetentOffice { get; set; }
}

/// <summary>
/// A registrar or supervisor acts on a filing: accept, return for supplement, approve, propose or decide
/// a refusal, refuse to accept. Each act that the Administrative Licensing Law makes written issues its instrument
/// in the same transaction: if it cannot be signed, the act fails as a whole. The filing is loaded inside an immediate transaction, so a second person acting at the same
/// moment waits, then sees the first one's change and gets a "changed by …, reload" answer: nothing is
/// applied twice.
/// </summary>
public sealed class DecideFiling(
    Portal.Infrastructure.Data.PortalDbContext db,
    FilingAccess access,
    FilingClocks clocks,
    ApplyApproval approval,
    Portal.Web.Features.Agencies.ApplyAgencyApproval agencyApproval,
    FilingNotifier notifier,
    Portal.Web.Features.Documents.FilingInstruments instruments,
    Portal.Infrastructure.Observability.PortalMetrics metrics)
{
    public async Task<UseCaseResult> HandleAsync(ClaimsPrincipal user, Guid id, FilingAction action, DecisionForm form, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var filing = await FilingAccess.LoadAsync(access.ForStaff(user), id, ct);
        if (filing is null)
        {
            return UseCaseResult.NotFound();
        }

        if (filing.ConcurrencyToken != form.Token)
        {
            return Conflict(filing);
        }

        var actor = FilingAccess.Actor(user, asStaff: true);
        var today = clocks.Today;
        var now = clocks.NowUtc;
        var note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        try
        {
            switch (action)
            {
                case FilingAction.Accept:
                    filing.Accept(actor, today, now);
                    var acceptance = await instruments.AcceptanceAsync(filing, ct);
                    await notifier.NotifyAsync(filing, $"申请已受理：{filing.Number}", $"Filing accepted: {filing.Number}",
                        $"您的登记申请（{filing.Number}）已于{today:yyyy年MM月dd日}受理，登记管理机关将在法定时限内作出决定。《受理通知书》（{acceptance.Number}）见附件。",
                        $"Your filing {filing.Number} was accepted on {today:yyyy-MM-dd}; the office will decide within the legal time limit. The notice of acceptance ({acceptance.Number}) is attached.", ct, acceptance);
                    break;
                case FilingAction.RefuseToAccept:
                    filing.RefuseToAccept(actor, today, now, form.Reasons.Where(Enum.IsDefined).Distinct().ToList(), form.CompetentOffice, note);
                    var nonAcceptance = await instruments.NonAcceptanceAsync(filing, ct);
                    await notifier.NotifyAsync(filing, $"不予受理决定：{filing.Number}", $"Filing not accepted: {filing.Number}",
                        $"您的登记申请（{filing.Number}）经审查不予受理。理由及救济途径见《不予受理决定书》（{nonAcceptance.Number}）。",
                        $"Your filing {filing.Number} was not accepted. The decision ({nonAcceptance.Number}) with its reasons and your rights of review and lawsuit is attached.", ct, nonAcceptance);
                    break;
                case FilingAction.ReturnForSupplement:
                    var afterAcceptance = filing.State == FilingState.Accepted;
                    filing.ReturnForSupplement(actor, today, now, form.Checklist.Where(c => Enum.TryParse<AttachmentKind>(c, out _) || c.StartsWith("Item.", StringComparison.Ordinal)).Distinct().ToList(), note);
                    var supplement = await instruments.SupplementAsync(filing, afterAcceptance, ct);
                    await notifier.NotifyAsync(filing, $"申请需要补正：{filing.Number}", $"Supplement needed: {filing.Number}",
                        $"您的登记申请（{filing.Number}）需要补正。需补正的全部内容见《补正材料通知书》（{supplement.Number}），修改后请重新提交。\n\n{note}",
                        $"Your filing {filing.Number} needs a supplement. Everything to fix is listed in the attached notice ({supplement.Number}); fix it, then resubmit.\n\n{note}", ct, supplement);
                    break;
                case FilingAction.Approve when FilingKinds.IsAgency(filing.Kind):
                    filing.Approve(actor, today, now, note);
                    var agencyOutcome = await agencyApproval.HandleAsync(filing, today, now, ct);
                    var agencyNotice = await instruments.AgencyApprovalAsync(filing, agencyOutcome, ct);
                    await notifier.NotifyAsync(filing, $"申请已核准：{filing.Number}", $"Filing approved: {filing.Number}",
                        $"您的申请（{filing.Number}）已于{today:yyyy年MM月dd日}核准。机构：{agencyOutcome.Agency.Current.Name}，统一社会信用代码：{agencyOutcome.Agency.Code}。决定书（{agencyNotice.Number}）见附件。",
                        $"Your filing {filing.Number} was approved on {today:yyyy-MM-dd}. Body: {agencyOutcome.Agency.Current.Name}, unified social credit code {agencyOutcome.Agency.Code}. The decision ({agencyNotice.Number}) is attached.", ct, agencyNotice);
                    break;
                case FilingAction.Approve:
                    filing.Approve(actor, today, now, note);
                    var (institution, certificates) = await approval.HandleAsync(filing, today, now, ct);
                    var approvalNotice = await instruments.ApprovalAsync(filing, institution, certificates, ct);
                    await notifier.NotifyAsync(filing, $"登记申请已核准：{filing.Number}", $"Filing approved: {filing.Number}",
                        $"您的登记申请（{filing.Number}）已于{today:yyyy年MM月dd日}核准。单位：{institution.Current.Name}，统一社会信用代码：{institution.Code}。《准予登记决定书》（{approvalNotice.Number}）见附件。",
                        $"Your filing {filing.Number} was approved on {today:yyyy-MM-dd}. Institution: {institution.Current.Name}, unified social credit code {institution.Code}. The decision ({approvalNotice.Number}) is attached.", ct, approvalNotice);
                    break;
                case FilingAction.ProposeRefusal:
                    filing.ProposeRefusal(actor, now, note ?? string.Empty);
                    break;
                case FilingAction.Refuse:
                    filing.Refuse(actor, today, now, note ?? string.Empty);
                    var refusal = await instruments.RefusalAsync(filing, ct);
                    await notifier.NotifyAsync(filing, $"不予登记决定：{filing.Number}", $"Registration refused: {filing.Number}",
                        $"您的登记申请（{filing.Number}）经审查不予登记。理由：{note}\n\n如对本决定不服，可以自收到本决定之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。《不予登记决定书》（{refusal.Number}）见附件。",
                        $"Your filing {filing.Number} was refused. Reasons: {note}\n\nIf you disagree, you may apply for administrative review within 60 days of receiving this decision, or bring an administrative lawsuit before a people's court within six months. The decision ({refusal.Number}) is attached.", ct, refusal);
                    break;
                case FilingAction.RejectRefusalProposal:
                    filing.RejectRefusalProposal(actor, now, note);
                    break;
                default:
                    return UseCaseResult.NotFound();
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            Count(action, filing.Kind.ToString());
            return UseCaseResult.Done(filing.Id);
        }
        catch (DomainRuleException ex)
        {
            return UseCaseResult.Refused(ex.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var latest = await db.FilingEvents.AsNoTracking().Where(e => e.FilingId == id).OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
            return UseCaseResult.Conflict(latest?.ActorName, latest?.AtUtc);
        }
    }

    private void Count(FilingAction action, string kind)
    {
        switch (action)
        {
            case FilingAction.Accept:
                metrics.Accepted(kind);
                break;
            case FilingAction.ReturnForSupplement:
                metrics.Returned(kind);
                break;
            case FilingAction.Approve:
                metrics.Decided(kind, "approved");
                break;
            case FilingAction.Refuse:
                metrics.Decided(kind, "refused");
                break;
            case FilingAction.RefuseToAccept:
                metrics.Decided(kind, "not-accepted");
                break;
        }
    }

    private static UseCaseResult Conflict(Filing filing)
    {
        var last = filing.Events.OrderByDescending(e => e.Sequence).FirstOrDefault();
        return UseCaseResult.Conflict(last?.ActorName, last?.AtUtc);
    }
}
