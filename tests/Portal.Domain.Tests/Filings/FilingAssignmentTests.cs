using Portal.Domain.Filings;

namespace Portal.Domain.Tests.Filings;

public class FilingAssignmentTests
{
    private static readonly FilingActor OtherRegistrar = new("u-registrar-2", "钱敏", FilingRole.Registrar);

    public static IEnumerable<object[]> States() => Enum.GetValues<FilingState>().Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(States))]
    public void OnlyFilingsStillBeingWorked_CanBeTakenOrAssigned(FilingState state)
    {
        var filing = FilingBuilder.InState(state);
        var token = filing.ConcurrencyToken;
        var open = state is FilingState.Submitted or FilingState.Returned or FilingState.Accepted or FilingState.SupplementRequested or FilingState.RefusalProposed;
        Assert.Equal(open, filing.IsOpenForWork);
        if (open)
        {
            filing.Take(FilingBuilder.Registrar, FilingBuilder.Now);
            Assert.Equal(("u-registrar", "赵雪", FilingBuilder.Now), (filing.AssigneeUserId, filing.AssigneeName, filing.AssignedUtc));
            Assert.NotEqual(token, filing.ConcurrencyToken);
        }
        else
        {
            Assert.Equal(FilingErrors.NotAssignable, Assert.Throws<DomainRuleException>(() => filing.Take(FilingBuilder.Registrar, FilingBuilder.Now)).Code);
            Assert.Equal(FilingErrors.NotAssignable, Assert.Throws<DomainRuleException>(() => filing.AssignTo("u-x", "某人", FilingBuilder.Supervisor, FilingBuilder.Now)).Code);
            Assert.Null(filing.AssigneeUserId);
        }
    }

    [Fact]
    public void ARegistrarCannotTakeAColleaguesFiling_ButTheSupervisorCanReassignIt()
    {
        var filing = FilingBuilder.InState(FilingState.Accepted);
        filing.Take(FilingBuilder.Registrar, FilingBuilder.Now);
        filing.Take(FilingBuilder.Registrar, FilingBuilder.Now.AddHours(1)); // taking one's own again changes nothing
        Assert.Equal(FilingBuilder.Now, filing.AssignedUtc);

        Assert.Equal(FilingErrors.AlreadyAssigned, Assert.Throws<DomainRuleException>(() => filing.Take(OtherRegistrar, FilingBuilder.Now)).Code);
        Assert.Equal(FilingErrors.AssignmentNotAllowed, Assert.Throws<DomainRuleException>(() => filing.AssignTo(OtherRegistrar.UserId, OtherRegistrar.Name, FilingBuilder.Registrar, FilingBuilder.Now)).Code);
        Assert.Equal(FilingErrors.AssignmentNotAllowed, Assert.Throws<DomainRuleException>(() => filing.Take(FilingBuilder.Applicant, FilingBuilder.Now)).Code);
        Assert.Equal("u-registrar", filing.AssigneeUserId);

        filing.AssignTo(OtherRegistrar.UserId, OtherRegistrar.Name, FilingBuilder.Supervisor, FilingBuilder.Now.AddDays(1));
        Assert.Equal(("u-registrar-2", "钱敏", FilingBuilder.Now.AddDays(1)), (filing.AssigneeUserId, filing.AssigneeName, filing.AssignedUtc));
        Assert.Equal(FilingErrors.AssigneeMissing, Assert.Throws<DomainRuleException>(() => filing.AssignTo(" ", "某人", FilingBuilder.Supervisor, FilingBuilder.Now)).Code);
    }

    [Fact]
    public void Assignment_AppendsNoWorkflowEvent()
    {
        var filing = FilingBuilder.InState(FilingState.Submitted);
        var events = filing.Events.Count;
        filing.Take(FilingBuilder.Registrar, FilingBuilder.Now);
        filing.AssignTo("u-supervisor", "陈立华", FilingBuilder.Supervisor, FilingBuilder.Now);
        Assert.Equal(events, filing.Events.Count);
        Assert.Equal(FilingState.Submitted, filing.State);
    }

    [Fact]
    public void InternalNotes_AreWrittenByStaffOnly_TrimmedAndBounded()
    {
        var filing = FilingBuilder.InState(FilingState.Accepted);
        var note = FilingNote.Write(filing, FilingBuilder.Registrar, "  已电话核实住所。 \n", FilingBuilder.Now);
        Assert.Equal(("已电话核实住所。", filing.Id, filing.OfficeId, "赵雪"), (note.Text, note.FilingId, note.OfficeId, note.AuthorName));
        Assert.Equal(FilingErrors.AssignmentNotAllowed, Assert.Throws<DomainRuleException>(() => FilingNote.Write(filing, FilingBuilder.Applicant, "申请人试图写备注", FilingBuilder.Now)).Code);
        Assert.Equal(FilingErrors.NoteEmpty, Assert.Throws<DomainRuleException>(() => FilingNote.Write(filing, FilingBuilder.Registrar, " \n ", FilingBuilder.Now)).Code);
        Assert.Equal(FilingErrors.NoteTooLong, Assert.Throws<DomainRuleException>(() => FilingNote.Write(filing, FilingBuilder.Registrar, new string('字', FilingNote.MaxLength + 1), FilingBuilder.Now)).Code);
        Assert.Equal(FilingNote.MaxLength, FilingNote.Write(filing, FilingBuilder.Registrar, new string('字', FilingNote.MaxLength), FilingBuilder.Now).Text.Length);
    }
}
