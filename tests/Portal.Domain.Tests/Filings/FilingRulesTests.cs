using Portal.Domain.Codes;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using static Portal.Domain.Tests.Filings.FilingBuilder;

namespace Portal.Domain.Tests.Filings;

public class FilingRulesTests
{
    [Fact]
    public void Change_ThatChangesNothing_CannotBeSubmitted()
    {
        var filing = Change();
        AttachAll(filing, [AttachmentKind.ApplicationForm]);
        Assert.Contains(filing.ProblemsBeforeSubmission(false), p => p.Code == FilingErrors.NothingChanged);
        Assert.Equal(FilingErrors.NotReadyToSubmit, Assert.Throws<DomainRuleException>(() => filing.Submit(Applicant, Today, Now, false)).Code);
    }

    [Fact]
    public void Change_RecordsOldAndNewPerItem()
    {
        var filing = Change();
        filing.DescribeChange(Items() with { Sponsor = "浦江县文化和旅游局", StartupCapital = 110m }, null, "机构改革");
        Assert.Equal([RegisteredItem.StartupCapital, RegisteredItem.Sponsor], filing.ChangedItems());
        var changes = ItemComparison.Compare(filing.Base!, filing.Proposed!).Where(c => c.Old != c.New).ToList();
        Assert.Equal(("100.00", "110.00"), (changes[0].Old, changes[0].New));
        Assert.Equal(("浦江县文化和广电旅游体育局", "浦江县文化和旅游局"), (changes[1].Old, changes[1].New));
    }

    [Fact]
    public void Change_NeedsTheMaterialsOfEachChangedItem()
    {
        var filing = Change();
        filing.DescribeChange(Items("浦江县图书馆新名") with { LegalRepresentative = "新代表", LegalRepresentativeIdNumber = "330726199001011234" }, null, null);
        var missing = filing.ProblemsBeforeSubmission(false).Where(p => p.Code == FilingErrors.AttachmentMissing).Select(p => p.Detail).ToList();
        Assert.Equal(
            new[] { "ApplicationForm", "NameApproval", "LegalRepresentativeAppointment", "LegalRepresentativeId" },
            missing);
    }

    [Theory]
    [InlineData("2026-03-10", true)]
    [InlineData("2026-03-02", false)]
    [InlineData("2026-02-20", false)]
    public void DomicileChange_IsMarkedAsFiledBeforeTheMove(string moveDate, bool before)
    {
        var filing = Change();
        filing.DescribeChange(Items() with { Domicile = "浙江省金华市浦江县仙华街道新址1号" }, DateOnly.Parse(moveDate, System.Globalization.CultureInfo.InvariantCulture), null);
        AttachAll(filing, FilingMaterials.Required(FilingKind.Change, filing.ChangedItems()));
        filing.Submit(Applicant, Today, Now, false);
        Assert.Equal(before, filing.FiledBeforeMove);
    }

    [Fact]
    public void DomicileChange_WithoutMoveDate_CannotBeSubmitted()
    {
        var filing = Change();
        filing.DescribeChange(Items() with { Domicile = "新住所" }, null, null);
        Assert.Contains(filing.ProblemsBeforeSubmission(false), p => p.Code == FilingErrors.MoveDateMissing);
    }

    [Theory]
    [InlineData(100, 120, false)]
    [InlineData(100, 120.01, true)]
    [InlineData(100, 80, false)]
    [InlineData(100, 79.99, true)]
    [InlineData(100, 100, false)]
    public void StartupCapitalChangeOver20Percent_IsFlaggedAsRequiredRegistration(decimal before, decimal after, bool flagged)
    {
        var filing = Filing.StartFor(FilingKind.Change, Guid.NewGuid(), Guid.NewGuid(), Items() with { StartupCapital = before }, "n", Applicant, Now);
        filing.DescribeChange(Items() with { StartupCapital = after }, null, null);
        Assert.Equal(flagged, filing.CapitalChangeIsRequiredRegistration);
    }

    [Fact]
    public void Deregistration_NeedsReasonClearingReportAndNotice()
    {
        var filing = Filing.StartFor(FilingKind.Deregistration, Guid.NewGuid(), Guid.NewGuid(), Items(), "n", Applicant, Now);
        var problems = filing.ProblemsBeforeSubmission(false);
        Assert.Contains(problems, p => p.Code == FilingErrors.DeregistrationReasonMissing);
        Assert.Contains(problems, p => p.Detail == nameof(AttachmentKind.ClearingReport));
        Assert.Contains(problems, p => p.Detail == nameof(AttachmentKind.NoticePublication));

        filing.DescribeDeregistration(DeregistrationReason.MergerOrSplit, "并入浦江县文化馆");
        AttachAll(filing, FilingMaterials.Required(FilingKind.Deregistration, []));
        Assert.Empty(filing.ProblemsBeforeSubmission(false));
    }

    [Fact]
    public void Setup_WithARegisteredName_CannotBeSubmitted()
    {
        var filing = ReadySetup();
        Assert.Empty(filing.ProblemsBeforeSubmission(nameTaken: false));
        Assert.Equal(FilingErrors.NameTaken, Assert.Single(filing.ProblemsBeforeSubmission(nameTaken: true)).Code);
    }

    [Theory]
    [InlineData("浦江县图书馆", "浦江县 图书馆")]
    [InlineData("浦江县图书馆(分馆)", "浦江县图书馆（分馆）")]
    [InlineData("浦江县ABC中心", "浦江县ＡＢＣ中心")]
    [InlineData("浦江县abc中心", "浦江县ＡＢＣ　中心")]
    public void NameKey_IgnoresWidthAndSpaces(string a, string b) => Assert.Equal(NameKey.Of(a), NameKey.Of(b));

    [Fact]
    public void NameKey_KeepsDifferentNamesApart() => Assert.NotEqual(NameKey.Of("浦江县图书馆"), NameKey.Of("浦江县文化馆"));

    [Fact]
    public void OneFilingInProgressAtATime()
    {
        var institution = Registered();
        Assert.Null(FilingPolicy.WhyNotStart(FilingKind.Change, institution, 0, Today));
        Assert.Equal(FilingErrors.AnotherFilingInProgress, FilingPolicy.WhyNotStart(FilingKind.Change, institution, 1, Today));
        Assert.Equal(FilingErrors.AnotherFilingInProgress, FilingPolicy.WhyNotStart(FilingKind.Setup, null, 1, Today));
    }

    [Theory]
    [InlineData(-1, false)] // expired yesterday
    [InlineData(0, true)] // last day
    [InlineData(30, true)]
    [InlineData(31, false)]
    [InlineData(200, false)]
    public void Renewal_IsOpenOnlyInTheLast30DaysOfValidity(int daysLeft, bool open)
    {
        var institution = Registered();
        institution.RecordCertificate("X", Today.AddDays(daysLeft));
        Assert.Equal(open, institution.RenewalIsOpen(Today));
        Assert.Equal(open ? null : FilingErrors.RenewalNotOpen, FilingPolicy.WhyNotStart(FilingKind.CertificateRenewal, institution, 0, Today));
    }

    [Fact]
    public void DeregisteredInstitution_CannotStartFilings()
    {
        var institution = Registered();
        institution.Deregister(Today);
        Assert.Equal(FilingErrors.InstitutionNotRegistered, FilingPolicy.WhyNotStart(FilingKind.Change, institution, 0, Today));
    }

    [Fact]
    public void Attachments_AreLimitedTo30AndToTheKindsOfTheFiling()
    {
        var filing = Change();
        Assert.Equal(FilingErrors.AttachmentKindNotAllowed, Assert.Throws<DomainRuleException>(() => AttachAll(filing, [AttachmentKind.ClearingReport])).Code);
        AttachAll(filing, Enumerable.Repeat(AttachmentKind.Other, 30));
        Assert.Equal(FilingErrors.TooManyAttachments, Assert.Throws<DomainRuleException>(() => AttachAll(filing, [AttachmentKind.Other])).Code);
    }

    private static Institution Registered() =>
        Institution.Register(Guid.NewGuid(), UnifiedSocialCreditCode.Parse("12100000470095016Q"), Items(), new DateOnly(2020, 1, 1), Now);
}
