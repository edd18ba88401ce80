using Portal.Domain.AnnualReports;
using Portal.Domain.Calendar;
using Portal.Domain.Filings;
using Portal.Domain.Ratings;
using Portal.Domain.Tests.Filings;

namespace Portal.Domain.Tests.Ratings;

public class ServiceRatingTests
{
    // National Day 2026: 1–7 October off, Saturday 10 October worked (调休).
    private static readonly WorkingDayCalendar Calendar = new(
        Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => new CalendarDay(d, CalendarDayKind.Holiday, "国庆节", "National Day"))
            .Append(new CalendarDay(new DateOnly(2026, 10, 10), CalendarDayKind.Workday, "调休", "Make-up day")));

    private static readonly DateOnly Today = new(2026, 9, 28); // a Monday
    private static readonly DateTime Now = new(2026, 9, 28, 2, 0, 0, DateTimeKind.Utc);
    private static readonly FilingActor CountySupervisor = FilingBuilder.Supervisor;
    private static readonly FilingActor CitySupervisor = new("u-city-supervisor", "黄伟", FilingRole.Supervisor);
    private static readonly Guid City = Guid.NewGuid();

    private static ServiceRating Rate(SatisfactionLevel level, FilingState state = FilingState.Approved, bool alreadyRated = false) =>
        ServiceRating.ForFiling(FilingBuilder.InState(state), alreadyRated, "u-applicant", new RatingInput(level, Speed: SatisfactionLevel.Dissatisfied, Comment: " 等待时间较长 "), Calendar, Today, Now);

    public static IEnumerable<object[]> States() => Enum.GetValues<FilingState>().Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(States))]
    public void AFilingCanBeRated_OnlyOnceItIsClosed(FilingState state)
    {
        // The builder withdraws a draft: never submitted, never served, so not rateable.
        var closed = state is FilingState.Approved or FilingState.Refused or FilingState.NotAccepted;
        if (closed)
        {
            var rating = Rate(SatisfactionLevel.Satisfied, state);
            Assert.Equal((RatedService.Filing, SatisfactionLevel.Satisfied, "等待时间较长", FollowUpState.None), (rating.Service, rating.Level, rating.Comment, rating.FollowUp));
        }
        else
        {
            Assert.Equal(RatingErrors.NotClosedYet, Assert.Throws<DomainRuleException>(() => Rate(SatisfactionLevel.Satisfied, state)).Code);
        }
    }

    [Fact]
    public void AFilingWithdrawnAfterSubmission_CanBeRated()
    {
        var filing = FilingBuilder.InState(FilingState.Submitted);
        filing.Withdraw(FilingBuilder.Applicant, Now, "不再需要");
        Assert.Equal(FilingState.Withdrawn, filing.State);
        var rating = ServiceRating.ForFiling(filing, false, "u-applicant", new RatingInput(SatisfactionLevel.BasicallySatisfied), Calendar, Today, Now);
        Assert.Equal(FollowUpState.None, rating.FollowUp);
    }

    [Fact]
    public void ARating_IsGivenOncePerFiling()
    {
        var filing = FilingBuilder.InState(FilingState.Approved);
        var first = ServiceRating.ForFiling(filing, false, "u-applicant", new RatingInput(SatisfactionLevel.VerySatisfied), Calendar, Today, Now);
        Assert.Equal(filing.Id, first.SubjectId);
        Assert.Equal(filing.Number, first.SubjectNumber);
        var code = Assert.Throws<DomainRuleException>(() => ServiceRating.ForFiling(filing, true, "u-other", new RatingInput(SatisfactionLevel.VeryDissatisfied), Calendar, Today, Now)).Code;
        Assert.Equal(RatingErrors.AlreadyRated, code);
    }

    [Fact]
    public void AReport_CanBeRatedOnlyOncePublished()
    {
        var report = AnnualReport.Start(Guid.NewGuid(), Guid.NewGuid(), 2025, new ReportContent(), FilingBuilder.Applicant, Now);
        Assert.Equal(RatingErrors.NotClosedYet, Assert.Throws<DomainRuleException>(() => ServiceRating.ForReport(report, false, "u", new RatingInput(SatisfactionLevel.Satisfied), Calendar, Today, Now)).Code);
    }

    [Fact]
    public void TheLevel_IsRequired_AndNumbersNamingNoLevelAreRefused()
    {
        Assert.Equal(RatingErrors.LevelMissing, Assert.Throws<DomainRuleException>(() => Rate((SatisfactionLevel)0)).Code);
        Assert.Equal(RatingErrors.LevelMissing, Assert.Throws<DomainRuleException>(() => Rate((SatisfactionLevel)6)).Code);
        var filing = FilingBuilder.InState(FilingState.Approved);
        Assert.Equal(RatingErrors.LevelMissing, Assert.Throws<DomainRuleException>(() => ServiceRating.ForFiling(filing, false, "u", new RatingInput(null), Calendar, Today, Now)).Code);
        Assert.Equal(RatingErrors.LevelMissing, Assert.Throws<DomainRuleException>(() => ServiceRating.ForFiling(filing, false, "u", new RatingInput(SatisfactionLevel.Satisfied, StaffAttitude: (SatisfactionLevel)9), Calendar, Today, Now)).Code);
        Assert.Equal(RatingErrors.CommentTooLong, Assert.Throws<DomainRuleException>(() => ServiceRating.ForFiling(filing, false, "u", new RatingInput(SatisfactionLevel.Satisfied, Comment: new string('长', 501)), Calendar, Today, Now)).Code);
    }

    [Theory]
    [InlineData(SatisfactionLevel.VerySatisfied, false)]
    [InlineData(SatisfactionLevel.Satisfied, false)]
    [InlineData(SatisfactionLevel.BasicallySatisfied, false)]
    [InlineData(SatisfactionLevel.Dissatisfied, true)]
    [InlineData(SatisfactionLevel.VeryDissatisfied, true)]
    public void OnlyBadRatings_OpenAFollowUp(SatisfactionLevel level, bool followUp)
    {
        var rating = Rate(level);
        Assert.Equal(followUp ? FollowUpState.Open : FollowUpState.None, rating.FollowUp);
        Assert.Equal(followUp, rating.FollowUpDueOn is not null);
        Assert.Equal(!followUp, rating.IsSatisfied);
    }

    [Fact]
    public void TheFollowUpClock_RunsOnWorkingDays_SkippingTheHolidayAndCountingTheMakeUpDay()
    {
        // From Monday 28 Sept: 29, 30 Sept (2); 1–7 Oct off but 8, 9 Oct (4); Sat 10 Oct worked (5);
        // 12–16 Oct (10); 19–23 Oct (15) → due Friday 23 October.
        var rating = Rate(SatisfactionLevel.Dissatisfied);
        Assert.Equal(new DateOnly(2026, 10, 23), rating.FollowUpDueOn);
        Assert.False(rating.FollowUpOverdue(new DateOnly(2026, 10, 23)));
        Assert.True(rating.FollowUpOverdue(new DateOnly(2026, 10, 24)));
    }

    [Fact]
    public void TheSupervisorAnswers_OnTimeOrLate_AndTheRaterSaysWhetherItResolvedTheProblem()
    {
        var onTime = Rate(SatisfactionLevel.VeryDissatisfied);
        Assert.Equal(RatingErrors.SupervisorOnly, Assert.Throws<DomainRuleException>(() => onTime.Answer(FilingBuilder.Registrar, Today, "f", "r", Today)).Code);
        Assert.Equal(RatingErrors.FollowUpIncomplete, Assert.Throws<DomainRuleException>(() => onTime.Answer(CountySupervisor, Today, " ", "已整改", Today)).Code);
        Assert.Equal(RatingErrors.FollowUpIncomplete, Assert.Throws<DomainRuleException>(() => onTime.Answer(CountySupervisor, null, "核实", "已整改", Today)).Code);
        Assert.Equal(RatingErrors.FollowUpIncomplete, Assert.Throws<DomainRuleException>(() => onTime.Answer(CountySupervisor, Today.AddDays(1), "核实", "已整改", Today)).Code); // contact in the future
        Assert.Equal(RatingErrors.FollowUpNotOpen, Assert.Throws<DomainRuleException>(() => onTime.GiveFeedback("u-applicant", true, null, Now)).Code); // nothing to judge before the answer

        onTime.Answer(CountySupervisor, new DateOnly(2026, 9, 29), "窗口人员解释不到位", "已对窗口人员开展培训，并电话致歉", new DateOnly(2026, 10, 23));
        Assert.Equal((FollowUpState.Closed, true, "陈立华"), (onTime.FollowUp, onTime.AnsweredOnTime, onTime.AnsweredByName));
        Assert.Equal(RatingErrors.FollowUpNotOpen, Assert.Throws<DomainRuleException>(() => onTime.Answer(CountySupervisor, Today, "再答", "再答", Today)).Code);

        Assert.Equal(RatingErrors.NotTheRater, Assert.Throws<DomainRuleException>(() => onTime.GiveFeedback("u-someone-else", true, null, Now)).Code);
        onTime.GiveFeedback("u-applicant", false, "问题仍未解决", Now);
        Assert.Equal((false, "问题仍未解决"), (onTime.Resolved, onTime.FeedbackComment));
        Assert.Equal(RatingErrors.FeedbackAlreadyGiven, Assert.Throws<DomainRuleException>(() => onTime.GiveFeedback("u-applicant", true, null, Now)).Code);

        var late = Rate(SatisfactionLevel.Dissatisfied);
        late.Answer(CountySupervisor, new DateOnly(2026, 10, 26), "核实", "解释说明", new DateOnly(2026, 10, 26));
        Assert.False(late.AnsweredOnTime);

        var good = Rate(SatisfactionLevel.Satisfied);
        Assert.Equal(RatingErrors.NoFollowUp, Assert.Throws<DomainRuleException>(() => good.Answer(CountySupervisor, Today, "f", "r", Today)).Code);
        Assert.Equal(RatingErrors.FollowUpNotOpen, Assert.Throws<DomainRuleException>(() => good.GiveFeedback("u-applicant", true, null, Now)).Code);
    }

    [Fact]
    public void TheAppeal_GoesFromTheOfficesSupervisor_ToTheParentOfficesSupervisor_AndNothingIsDeleted()
    {
        var rating = Rate(SatisfactionLevel.VeryDissatisfied);
        Assert.Equal(RatingErrors.SupervisorOnly, Assert.Throws<DomainRuleException>(() => rating.LodgeAppeal(FilingBuilder.Registrar, City, "恶意差评", Now)).Code);
        Assert.Equal(RatingErrors.NoParentOffice, Assert.Throws<DomainRuleException>(() => rating.LodgeAppeal(CountySupervisor, null, "恶意差评", Now)).Code);
        Assert.Equal(RatingErrors.ReasonMissing, Assert.Throws<DomainRuleException>(() => rating.LodgeAppeal(CountySupervisor, City, "  ", Now)).Code);
        Assert.Equal(RatingErrors.AppealNotPending, Assert.Throws<DomainRuleException>(() => rating.DecideAppeal(CitySupervisor, City, City, true, "支持", Now)).Code);

        rating.LodgeAppeal(CountySupervisor, City, "评价内容与本事项无关，系误评", Now);
        Assert.Equal(AppealState.Pending, rating.Appeal);
        Assert.Equal(RatingErrors.AppealExists, Assert.Throws<DomainRuleException>(() => rating.LodgeAppeal(CountySupervisor, City, "再次申诉", Now)).Code);

        // Only the parent office's supervisor decides: not the office itself, not a registrar of the parent.
        Assert.Equal(RatingErrors.NotTheParentOffice, Assert.Throws<DomainRuleException>(() => rating.DecideAppeal(CountySupervisor, Guid.NewGuid(), City, true, "自己裁决", Now)).Code);
        Assert.Equal(RatingErrors.SupervisorOnly, Assert.Throws<DomainRuleException>(() => rating.DecideAppeal(FilingBuilder.Registrar, City, City, true, "支持", Now)).Code);
        Assert.True(rating.Counts);

        rating.DecideAppeal(CitySupervisor, City, City, true, "经核实，评价与办理事项无关，申诉成立。", Now);
        Assert.Equal((AppealState.Upheld, "黄伟"), (rating.Appeal, rating.AppealDecidedByName));
        Assert.False(rating.Counts);
        Assert.Equal(SatisfactionLevel.VeryDissatisfied, rating.Level); // the rating itself is kept as given
        Assert.Equal(RatingErrors.AppealNotPending, Assert.Throws<DomainRuleException>(() => rating.DecideAppeal(CitySupervisor, City, City, false, "改判", Now)).Code);

        var dismissed = Rate(SatisfactionLevel.Dissatisfied);
        dismissed.LodgeAppeal(CountySupervisor, City, "不认可", Now);
        dismissed.DecideAppeal(CitySupervisor, City, City, false, "申诉理由不成立。", Now);
        Assert.True(dismissed.Counts);
    }

    [Fact]
    public void TheFigures_CountSatisfiedOverAllCounted_AndJudgeFollowUpsOnceAnsweredOrOverdue()
    {
        var ratings = new List<ServiceRating>
        {
            Rate(SatisfactionLevel.VerySatisfied),
            Rate(SatisfactionLevel.Satisfied),
            Rate(SatisfactionLevel.BasicallySatisfied),
        };
        var answeredOnTime = Rate(SatisfactionLevel.Dissatisfied);
        answeredOnTime.Answer(CountySupervisor, Today, "核实", "整改", Today);
        var overdue = Rate(SatisfactionLevel.VeryDissatisfied);
        var upheld = Rate(SatisfactionLevel.VeryDissatisfied);
        upheld.LodgeAppeal(CountySupervisor, City, "误评", Now);
        upheld.DecideAppeal(CitySupervisor, City, City, true, "成立", Now);
        ratings.AddRange([answeredOnTime, overdue, upheld]);

        var inTime = SatisfactionFigures.Compute(ratings, new DateOnly(2026, 10, 23));
        Assert.Equal((5, 3, 1, 1, 1), (inTime.Ratings, inTime.Satisfied, inTime.FollowUpsDue, inTime.FollowUpsOnTime, inTime.FollowUpsOpen));
        Assert.Equal(60.0m, inTime.Rate);
        Assert.Equal(100.0m, inTime.OnTimeRate);

        var later = SatisfactionFigures.Compute(ratings, new DateOnly(2026, 10, 26));
        Assert.Equal((2, 1), (later.FollowUpsDue, later.FollowUpsOnTime));
        Assert.Equal(50.0m, later.OnTimeRate);

        var none = SatisfactionFigures.Compute([], Today);
        Assert.Null(none.Rate);
        Assert.Null(none.OnTimeRate);
    }
}
