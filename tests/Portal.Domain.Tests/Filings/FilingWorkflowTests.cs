using Portal.Domain.Filings;
using static Portal.Domain.Tests.Filings.FilingBuilder;

namespace Portal.Domain.Tests.Filings;

public class FilingWorkflowTests
{
    public static TheoryData<FilingState, FilingAction, FilingRole> EveryCombination()
    {
        var data = new TheoryData<FilingState, FilingAction, FilingRole>();
        foreach (var state in Enum.GetValues<FilingState>())
        {
            foreach (var action in Enum.GetValues<FilingAction>())
            {
                foreach (var role in Enum.GetValues<FilingRole>())
                {
                    data.Add(state, action, role);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void EveryStateActionRole_MovesExactlyAsTheTableSays(FilingState state, FilingAction action, FilingRole role)
    {
        var filing = InState(state);
        var eventsBefore = filing.Events.Count;
        var tokenBefore = filing.ConcurrencyToken;
        var expected = FilingWorkflow.Target(state, action, role);

        if (expected is { } to)
        {
            Perform(filing, action, ActorFor(role));
            Assert.Equal(to, filing.State);
            Assert.Equal(eventsBefore + 1, filing.Events.Count);
            var last = filing.Events[^1];
            Assert.Equal((state, to, action, ActorFor(role).UserId), (last.From!.Value, last.To, last.Action!.Value, last.ActorUserId));
            Assert.NotEqual(tokenBefore, filing.ConcurrencyToken);
        }
        else
        {
            var ex = Assert.Throws<DomainRuleException>(() => Perform(filing, action, ActorFor(role)));
            Assert.Equal(FilingErrors.TransitionNotAllowed, ex.Code); // every illegal move fails the same way
            Assert.Equal(state, filing.State);
            Assert.Equal(eventsBefore, filing.Events.Count);
            Assert.Equal(tokenBefore, filing.ConcurrencyToken);
        }
    }

    [Fact]
    public void Table_HasNoDuplicateRowsAndClosedStatesHaveNoWayOut()
    {
        var keys = FilingWorkflow.Table.SelectMany(t => t.Roles.Select(r => (t.From, t.Action, r))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        foreach (var closed in new[] { FilingState.Approved, FilingState.Refused, FilingState.Withdrawn, FilingState.NotAccepted })
        {
            Assert.DoesNotContain(FilingWorkflow.Table, t => t.From == closed);
            Assert.False(FilingWorkflow.IsOpen(closed));
        }
    }

    [Fact]
    public void OnlyASupervisorRefuses_ARegistrarProposes()
    {
        Assert.Equal([FilingAction.Approve, FilingAction.ReturnForSupplement, FilingAction.ProposeRefusal], FilingWorkflow.ActionsFor(FilingState.Accepted, FilingRole.Registrar));
        Assert.Equal([FilingAction.Approve, FilingAction.ReturnForSupplement, FilingAction.Refuse], FilingWorkflow.ActionsFor(FilingState.Accepted, FilingRole.Supervisor));
        Assert.Equal([FilingAction.Withdraw], FilingWorkflow.ActionsFor(FilingState.Accepted, FilingRole.Applicant));
    }

    [Fact]
    public void RefuseToAccept_IsAStaffActAtTheAcceptanceStageOnly()
    {
        Assert.Equal([FilingAction.Accept, FilingAction.ReturnForSupplement, FilingAction.RefuseToAccept], FilingWorkflow.ActionsFor(FilingState.Submitted, FilingRole.Registrar));
        Assert.Equal([FilingAction.Accept, FilingAction.ReturnForSupplement, FilingAction.RefuseToAccept], FilingWorkflow.ActionsFor(FilingState.Submitted, FilingRole.Supervisor));
        Assert.DoesNotContain(FilingAction.RefuseToAccept, FilingWorkflow.ActionsFor(FilingState.Submitted, FilingRole.Applicant));
        Assert.Equal([FilingState.Submitted], FilingWorkflow.Table.Where(t => t.Action == FilingAction.RefuseToAccept).Select(t => t.From).ToList());
    }

    [Fact]
    public void RefuseToAccept_KeepsItsReasonsAndTheCompetentOffice_AndEndsTheFiling()
    {
        var filing = InState(FilingState.Submitted);
        filing.RefuseToAccept(Registrar, Today, Now, [NonAcceptanceReason.OutsideJurisdiction, NonAcceptanceReason.ApplicantNotEntitled, NonAcceptanceReason.OutsideJurisdiction], " 金华市事业单位登记管理局 ", "  另见说明 ");
        Assert.Equal(FilingState.NotAccepted, filing.State);
        Assert.Equal([NonAcceptanceReason.OutsideJurisdiction, NonAcceptanceReason.ApplicantNotEntitled], filing.NonAcceptanceReasonList);
        Assert.Equal("金华市事业单位登记管理局", filing.CompetentOffice);
        Assert.Equal("另见说明", filing.RefusalReasons);
        Assert.Equal(Today, filing.DecidedOn);
        Assert.False(FilingWorkflow.IsOpen(filing.State));
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "  ")]
    public void RefuseToAccept_WithoutAReason_OrOutsideJurisdictionWithoutTheCompetentOffice_IsRefused(bool outside, string? competent)
    {
        var filing = InState(FilingState.Submitted);
        NonAcceptanceReason[] reasons = outside ? [NonAcceptanceReason.OutsideJurisdiction] : [];
        var ex = Assert.Throws<DomainRuleException>(() => filing.RefuseToAccept(Registrar, Today, Now, reasons, competent, "说明"));
        Assert.Equal(outside ? FilingErrors.CompetentOfficeRequired : FilingErrors.ReasonsRequired, ex.Code);
        Assert.Equal(FilingState.Submitted, filing.State);
    }

    [Fact]
    public void RefuseToAccept_ForAnotherReason_DoesNotKeepACompetentOffice()
    {
        var filing = InState(FilingState.Submitted);
        filing.RefuseToAccept(Registrar, Today, Now, [NonAcceptanceReason.NoRegistrationNeeded], "某局", null);
        Assert.Null(filing.CompetentOffice);
        Assert.Null(filing.RefusalReasons);
    }

    [Fact]
    public void ReturnForSupplement_WithoutAnyReason_IsRefused()
    {
        var filing = InState(FilingState.Submitted);
        var ex = Assert.Throws<DomainRuleException>(() => filing.ReturnForSupplement(Registrar, Today, Now, [], "  "));
        Assert.Equal(FilingErrors.ReturnNeedsReasons, ex.Code);
        Assert.Equal(FilingState.Submitted, filing.State);
    }

    [Fact]
    public void Refusal_WithoutReasons_IsRefused()
    {
        var filing = InState(FilingState.Accepted);
        Assert.Equal(FilingErrors.ReasonsRequired, Assert.Throws<DomainRuleException>(() => filing.Refuse(Supervisor, Today, Now, "")).Code);
        Assert.Equal(FilingErrors.ReasonsRequired, Assert.Throws<DomainRuleException>(() => filing.ProposeRefusal(Registrar, Now, " ")).Code);
    }

    [Fact]
    public void Returned_ListsEverythingToFix_AndResubmitClearsIt()
    {
        var filing = InState(FilingState.Submitted);
        filing.ReturnForSupplement(Registrar, Today, Now, ["ApplicationForm", "DomicileProof"], "申请表缺少签字；住所证明为复印件");
        Assert.Equal("ApplicationForm,DomicileProof", filing.ReturnChecklist);
        Assert.Equal("申请表缺少签字；住所证明为复印件", filing.ReturnNote);
        filing.Resubmit(Applicant, Today.AddDays(2), Now, false);
        Assert.Equal(FilingState.Submitted, filing.State);
        Assert.Equal(string.Empty, filing.ReturnChecklist);
        Assert.Equal(Today.AddDays(2), filing.SubmittedOn);
        Assert.Equal(Today, filing.FirstSubmittedOn);
    }

    [Fact]
    public void Editing_IsOnlyPossibleWhileWithTheApplicant()
    {
        foreach (var state in Enum.GetValues<FilingState>())
        {
            var filing = InState(state);
            var editable = state is FilingState.Draft or FilingState.Returned or FilingState.SupplementRequested;
            Assert.Equal(editable, filing.IsEditable);
            if (!editable)
            {
                Assert.Equal(FilingErrors.NotEditable, Assert.Throws<DomainRuleException>(() => filing.DescribeSetup(Items(), "x", Today, null)).Code);
            }
        }
    }
}
