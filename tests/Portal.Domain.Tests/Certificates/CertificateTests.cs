using Portal.Domain.Certificates;
using Portal.Domain.Codes;
using Portal.Domain.Institutions;
using Portal.Domain.Tests.Filings;

namespace Portal.Domain.Tests.Certificates;

public class CertificateTests
{
    private static readonly DateOnly Day = new(2026, 11, 26);

    private static Certificate NewCertificate(DateOnly validUntil) =>
        Certificate.Issue(Guid.NewGuid(), "3307262026000001",
            Institution.Register(Guid.NewGuid(), UnifiedSocialCreditCode.Parse("12100000470095016Q"), FilingBuilder.Items(), new DateOnly(2020, 1, 1), DateTime.UtcNow),
            "浦江县事业单位登记管理局", CertificateIssueReason.Setup, Day, validUntil, null,
            new SignedToken("a.b.c", "k1", new string('0', 64), "http://x/v/a.b.c"),
            new RenderedPair(Guid.NewGuid(), new string('1', 64), Guid.NewGuid(), new string('2', 64)));

    [Theory]
    [InlineData(CertificateIssueReason.Setup, "2026-11-26", null, "2031-11-26")]
    [InlineData(CertificateIssueReason.Renewal, "2026-11-26", "2026-12-10", "2031-11-26")]
    [InlineData(CertificateIssueReason.Change, "2026-11-26", "2028-06-29", "2028-06-29")]
    [InlineData(CertificateIssueReason.Reissue, "2026-11-26", "2029-01-01", "2029-01-01")]
    [InlineData(CertificateIssueReason.Change, "2026-11-26", null, "2031-11-26")]
    public void ValidityEnd_FollowsTheIssueReason(CertificateIssueReason reason, string issued, string? predecessorEnd, string expected)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(D(expected), Certificate.ValidityEnd(reason, D(issued), predecessorEnd is null ? null : D(predecessorEnd)));
    }

    [Fact]
    public void Printed_NeverCarriesTheIdentityNumber()
    {
        Assert.Equal(string.Empty, NewCertificate(Day.AddYears(5)).Printed.LegalRepresentativeIdNumber);
    }

    [Fact]
    public void SupersedeAndVoid_OnlyFromValid_AndPointToTheSuccessor()
    {
        var c = NewCertificate(Day.AddYears(5));
        var successor = Guid.NewGuid();
        c.SupersedeBy(successor, Day);
        Assert.Equal((CertificateStatus.Superseded, successor, Day), (c.Status, c.SuccessorId!.Value, c.EndedOn!.Value));
        Assert.Equal(CertificateErrors.NotValid, Assert.Throws<DomainRuleException>(() => c.Void(VoidReason.Loss, Day, null)).Code);
        Assert.Equal(CertificateErrors.NotValid, Assert.Throws<DomainRuleException>(() => c.SupersedeBy(Guid.NewGuid(), Day)).Code);
    }

    [Fact]
    public void Expiry_OnlyAfterTheLastDay_AndTheStatusReadsExpiredBeforeTheJobRuns()
    {
        var c = NewCertificate(Day);
        Assert.Equal(CertificateStatus.Valid, c.StatusOn(Day));
        Assert.Equal(CertificateStatus.Expired, c.StatusOn(Day.AddDays(1)));
        Assert.Equal(CertificateErrors.NotYetExpired, Assert.Throws<DomainRuleException>(() => c.Expire(Day)).Code);
        c.Expire(Day.AddDays(1));
        Assert.Equal(CertificateStatus.Expired, c.Status);
    }

    [Fact]
    public void Reminders_At60And30Days_EachOnce()
    {
        var c = NewCertificate(Day.AddDays(90));
        Assert.Null(c.TakeExpiryReminder(Day));
        Assert.Equal(60, c.TakeExpiryReminder(Day.AddDays(30)));
        Assert.Null(c.TakeExpiryReminder(Day.AddDays(31)));
        Assert.Equal(30, c.TakeExpiryReminder(Day.AddDays(60)));
        Assert.Null(c.TakeExpiryReminder(Day.AddDays(70)));
    }

    [Fact]
    public void Reminders_JumpStraightTo30_WhenIssuedLate()
    {
        var c = NewCertificate(Day.AddDays(20));
        Assert.Equal(30, c.TakeExpiryReminder(Day));
        Assert.Null(c.TakeExpiryReminder(Day));
    }

    [Fact]
    public void PrintedItems_IgnoreTheIdentityNumberOnly()
    {
        var a = FilingBuilder.Items();
        Assert.False(PrintedItems.Differ(a, a with { LegalRepresentativeIdNumber = "x" }));
        Assert.True(PrintedItems.Differ(a, a with { Sponsor = "y" }));
        Assert.True(PrintedItems.Differ(a, a with { SecondName = "z" }));
    }
}
