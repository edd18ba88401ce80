using Portal.Domain.AnnualReports;
using Portal.Domain.Filings;
using Portal.Domain.Oversight;
using static Portal.Domain.Tests.Filings.FilingBuilder;

namespace Portal.Domain.Tests.AnnualReports;

public class AnnualReportTests
{
    private static readonly AnnualReportWindow Window2025 = AnnualReportWindow.For(2025);

    private static AnnualReport Ready()
    {
        var r = AnnualReport.Start(Guid.NewGuid(), Guid.NewGuid(), 2025, new ReportContent(), Applicant, Now);
        r.SaveDraft(new ReportContent { BusinessActivities = "开展图书借阅服务。", NetAssetsStart = 100.5m, NetAssetsEnd = 120m }, new SponsorConfirmation("王芳", "局长", new DateOnly(2026, 3, 1)));
        r.Attach(ReportAttachmentKind.BalanceSheet, "b.pdf", "application/pdf", 10, new string('a', 64), Guid.NewGuid(), Now);
        r.Attach(ReportAttachmentKind.SponsorConfirmation, "s.pdf", "application/pdf", 10, new string('b', 64), Guid.NewGuid(), Now);
        return r;
    }

    private static AnnualReport InState(ReportState state)
    {
        var r = Ready();
        if (state is ReportState.Draft)
        {
            return r;
        }

        r.Submit(Applicant, Window2025, new DateOnly(2026, 3, 2), Now);
        if (state == ReportState.Returned)
        {
            r.Return(Registrar, Now, "资产数据与资产负债表不一致");
        }
        else if (state == ReportState.Published)
        {
            r.Publish(Registrar, new DateOnly(2026, 3, 5), Now, []);
        }

        Assert.Equal(state, r.State);
        return r;
    }

    public static TheoryData<ReportState, ReportAction, FilingRole> EveryCombination()
    {
        var data = new TheoryData<ReportState, ReportAction, FilingRole>();
        foreach (var s in Enum.GetValues<ReportState>())
        {
            foreach (var a in Enum.GetValues<ReportAction>())
            {
                foreach (var r in Enum.GetValues<FilingRole>())
                {
                    data.Add(s, a, r);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void EveryStateActionRole_MovesExactlyAsTheTableSays(ReportState state, ReportAction action, FilingRole role)
    {
        var report = InState(state);
        var actor = ActorFor(role);
        var reportRole = role switch { FilingRole.Applicant => ReportRole.Institution, FilingRole.Registrar => ReportRole.Registrar, _ => ReportRole.Supervisor };
        var expected = ReportWorkflow.Target(state, action, reportRole);
        void Act()
        {
            switch (action)
            {
                case ReportAction.Submit or ReportAction.Resubmit:
                    // One method serves both: the table decides which one the state allows.
                    if ((action == ReportAction.Submit) != (state == ReportState.Draft) && state is ReportState.Draft or ReportState.Returned)
                    {
                        throw new DomainRuleException(FilingErrors.TransitionNotAllowed);
                    }

                    report.Submit(actor, Window2025, new DateOnly(2026, 3, 10), Now);
                    break;
                case ReportAction.Return: report.Return(actor, Now, "理由"); break;
                case ReportAction.Publish: report.Publish(actor, new DateOnly(2026, 3, 10), Now, []); break;
                case ReportAction.FlagForOnSiteCheck: report.FlagForOnSiteCheck(actor, Now, "实地核查"); break;
            }
        }

        if (expected is { } to)
        {
            Act();
            Assert.Equal(to, report.State);
        }
        else
        {
            Assert.Equal(FilingErrors.TransitionNotAllowed, Assert.Throws<DomainRuleException>(Act).Code);
            Assert.Equal(state, report.State);
        }
    }

    [Fact]
    public void WithoutTheSponsorsConfirmation_TheReportCannotBeSubmitted()
    {
        var r = AnnualReport.Start(Guid.NewGuid(), Guid.NewGuid(), 2025, new ReportContent(), Applicant, Now);
        r.SaveDraft(new ReportContent { BusinessActivities = "x", NetAssetsStart = 1, NetAssetsEnd = 2 }, null);
        r.Attach(ReportAttachmentKind.BalanceSheet, "b.pdf", "application/pdf", 10, new string('a', 64), Guid.NewGuid(), Now);
        Assert.Equal([ReportErrors.SponsorConfirmationMissing], r.ProblemsBeforeSubmission());
        Assert.Equal(ReportErrors.SponsorConfirmationMissing, Assert.Throws<DomainRuleException>(() => r.Submit(Applicant, Window2025, new DateOnly(2026, 2, 1), Now)).Code);
    }

    [Theory]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-03-31", false)]
    [InlineData("2026-04-01", true)]
    public void SubmittedAfterTheWindow_IsAcceptedButMarkedLate(string day, bool late)
    {
        var r = Ready();
        r.Submit(Applicant, Window2025, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Now);
        Assert.Equal(ReportState.Submitted, r.State);
        Assert.Equal(late, r.Late);
    }

    [Fact]
    public void AnOfficeMaySetItsOwnWindow()
    {
        var w = AnnualReportWindow.For(2025, 1, 1, 4, 30);
        Assert.False(w.IsLate(new DateOnly(2026, 4, 15)));
        Assert.True(w.IsOverdue(new DateOnly(2026, 5, 1)));
    }

    [Theory]
    [InlineData("2026-03-01", 30)]
    [InlineData("2026-03-24", 7)]
    [InlineData("2026-03-30", 1)]
    [InlineData("2026-03-02", null)]
    [InlineData("2025-12-31", null)]
    [InlineData("2026-04-01", null)]
    public void Reminders_AreDueAt30_7And1DaysBeforeTheDeadline(string day, int? due)
    {
        Assert.Equal(due, Window2025.ReminderDue(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), [30, 7, 1]));
    }

    [Fact]
    public void ACorrectionAfterPublication_IsANewVersion_AndTheOldStaysPublished()
    {
        var published = InState(ReportState.Published);
        var correction = AnnualReport.CorrectionOf(published, Applicant, Now);
        Assert.Equal((2, published.Id, ReportState.Draft), (correction.Version, correction.PreviousVersionId!.Value, correction.State));
        Assert.Equal(ReportState.Published, published.State);
        Assert.Equal(published.Content, correction.Content);
        Assert.Equal(ReportErrors.OnlyPublishedCanBeCorrected, Assert.Throws<DomainRuleException>(() => AnnualReport.CorrectionOf(correction, Applicant, Now)).Code);
    }

    [Fact]
    public void Publishing_RecordsConfidentialSections_AndAFlagCanBeAdded()
    {
        var r = InState(ReportState.Submitted);
        r.Publish(Registrar, new DateOnly(2026, 3, 5), Now, [ReportSection.Litigation, ReportSection.Complaints]);
        r.FlagForOnSiteCheck(Registrar, Now, "资产变动较大，安排实地核查");
        Assert.True(r.IsConfidential(ReportSection.Litigation));
        Assert.False(r.IsConfidential(ReportSection.BusinessActivities));
        Assert.True(r.FlaggedForOnSiteCheck);
        Assert.Equal(ReportState.Published, r.State);
    }
}

public class OversightTests
{
    private static readonly string[] Population = Enumerable.Range(0, 412).Select(i => $"12330726MB{i:D6}X").ToArray();

    [Fact]
    public void TheSameSeedOnTheSamePopulation_AlwaysDrawsTheSameList_InAnyInputOrder()
    {
        var a = SpotCheckDraw.Draw(Population, 2m, 20260415);
        var b = SpotCheckDraw.Draw(Population.Reverse(), 2m, 20260415);
        Assert.Equal(a, b);
        Assert.Equal(9, a.Count); // ceil(412 × 2%) = 9
        Assert.Equal(a.Count, a.Distinct().Count());
    }

    [Fact]
    public void AnotherSeed_DrawsAnotherList()
    {
        Assert.NotEqual(SpotCheckDraw.Draw(Population, 2m, 1), SpotCheckDraw.Draw(Population, 2m, 2));
    }

    [Theory]
    [InlineData(12, 1, 1)]
    [InlineData(1, 3, 1)]
    [InlineData(412, 3, 13)]
    [InlineData(0, 1, 0)]
    public void SampleSize_IsThePercentageRoundedUp_AtLeastOne(int population, int percentage, int expected) =>
        Assert.Equal(expected, SpotCheckDraw.SampleSize(population, percentage));

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.5)]
    public void Percentage_MustBeBetween1And3(double percentage) =>
        Assert.Equal(OversightErrors.PercentageOutOfRange, Assert.Throws<DomainRuleException>(() => SpotCheckDraw.SampleSize(100, (decimal)percentage)).Code);

    [Fact]
    public void TheLadder_GoesWarningThenHoldThenRevocation_WithTheRightRoles()
    {
        Assert.Null(EnforcementLadder.WhyNot(EnforcementKind.Warning, false, false, []));
        Assert.Equal(OversightErrors.WarningFirst, EnforcementLadder.WhyNot(EnforcementKind.CertificateHold, true, false, []));
        Assert.Null(EnforcementLadder.WhyNot(EnforcementKind.CertificateHold, false, false, [EnforcementKind.Warning]));
        Assert.Equal(OversightErrors.HoldAlreadyActive, EnforcementLadder.WhyNot(EnforcementKind.CertificateHold, false, false, [EnforcementKind.Warning, EnforcementKind.CertificateHold]));
        Assert.Equal(OversightErrors.NoActiveHold, EnforcementLadder.WhyNot(EnforcementKind.HoldLifted, false, false, [EnforcementKind.Warning]));
        Assert.Null(EnforcementLadder.WhyNot(EnforcementKind.HoldLifted, false, false, [EnforcementKind.Warning, EnforcementKind.CertificateHold]));

        EnforcementKind[] held = [EnforcementKind.Warning, EnforcementKind.CertificateHold];
        Assert.Equal(OversightErrors.SupervisorOnly, EnforcementLadder.WhyNot(EnforcementKind.Revocation, false, true, held));
        Assert.Equal(OversightErrors.ConsentRequired, EnforcementLadder.WhyNot(EnforcementKind.Revocation, true, false, held));
        Assert.Equal(OversightErrors.HoldFirst, EnforcementLadder.WhyNot(EnforcementKind.Revocation, true, true, [EnforcementKind.Warning]));
        Assert.Null(EnforcementLadder.WhyNot(EnforcementKind.Revocation, true, true, held));
    }
}
