using Portal.Domain.Agencies;
using Portal.Domain.Certificates;
using Portal.Domain.Codes;
using Portal.Domain.Filings;

namespace Portal.Domain.Tests.Agencies;

/// <summary>A code certificate's printed validity (where the office sets one): expiry, reminders and 到期换领's window.</summary>
public class AgencyCertificateValidityTests
{
    private static readonly DateOnly Issued = new(2026, 3, 2);

    private static AgencyCertificate NewCertificate(DateOnly? validUntil)
    {
        Assert.True(UnifiedSocialCreditCode.TryCreate(CodeCategory.Organ, "330726", "MB1A2B3C", out var code));
        var agency = Agency.Register(Guid.NewGuid(), code, new AgencyItems
        {
            Name = "浦江县人民政府办公室", Category = AgencyCategory.Organ, EstablishingDocument = "浦委发〔2019〕8号", Functions = "负责县政府日常运转。",
            Address = "浙江省金华市浦江县浦阳街道人民东路1号", PersonInCharge = "黄志远", PersonInChargeIdNumber = "330726197803120014",
        }, Issued, DateTime.UtcNow);
        return AgencyCertificate.Issue(Guid.NewGuid(), "3307262026000001", agency, "浦江县事业单位登记管理局", AgencyCertificateReason.FirstApplication, Issued, validUntil, null,
            new SignedToken("a.b.c", "k1", new string('0', 64), "http://x/v/a.b.c"),
            new RenderedPair(Guid.NewGuid(), new string('1', 64), Guid.NewGuid(), new string('2', 64)));
    }

    [Fact]
    public void WithoutAValidity_ItNeverExpires_IsNeverReminded_AndRenewalIsNeverOpen()
    {
        var c = NewCertificate(null);
        var far = Issued.AddYears(30);
        Assert.Equal(CertificateStatus.Valid, c.StatusOn(far));
        Assert.Equal(CertificateErrors.NotYetExpired, Assert.Throws<DomainRuleException>(() => c.Expire(far)).Code);
        Assert.Null(c.TakeExpiryReminder(far));
        Assert.False(c.RenewalIsOpen(far));
        Assert.Equal(FilingErrors.AgencyRenewalNotOpen, FilingPolicy.WhyNotReissueForAgency(ReissueCause.Expiry, c, far));
        Assert.Null(FilingPolicy.WhyNotReissueForAgency(ReissueCause.Loss, c, far));
        Assert.Null(FilingPolicy.WhyNotReissueForAgency(ReissueCause.Damage, null, far));
        Assert.Equal(FilingErrors.AgencyRenewalNotOpen, FilingPolicy.WhyNotReissueForAgency(ReissueCause.Expiry, null, far));
    }

    [Theory]
    [InlineData(-31, false)]
    [InlineData(-30, true)]
    [InlineData(0, true)]
    [InlineData(1, true)] // past the end the body still needs a certificate
    [InlineData(400, true)]
    public void Renewal_OpensThirtyDaysBeforeTheEnd_AndStaysOpen(int daysFromEnd, bool open)
    {
        var end = Issued.AddYears(1);
        var c = NewCertificate(end);
        var day = end.AddDays(daysFromEnd);
        Assert.Equal(open, c.RenewalIsOpen(day));
        Assert.Equal(open ? null : FilingErrors.AgencyRenewalNotOpen, FilingPolicy.WhyNotReissueForAgency(ReissueCause.Expiry, c, day));
    }

    [Fact]
    public void PastItsEnd_ItReadsExpired_TheJobMarksIt_AndARenewalPointsToItsSuccessor()
    {
        var end = Issued.AddYears(1);
        var c = NewCertificate(end);
        Assert.Equal(CertificateStatus.Valid, c.StatusOn(end));
        Assert.Equal(CertificateStatus.Expired, c.StatusOn(end.AddDays(1)));
        Assert.Equal(CertificateErrors.NotYetExpired, Assert.Throws<DomainRuleException>(() => c.Expire(end)).Code);
        Assert.Equal(CertificateStatus.Valid, c.Status);

        c.Expire(end.AddDays(3));
        Assert.Equal((CertificateStatus.Expired, end.AddDays(1)), (c.Status, c.EndedOn));
        Assert.True(c.RenewalIsOpen(end.AddDays(3)));
        Assert.Equal(CertificateErrors.NotValid, Assert.Throws<DomainRuleException>(() => c.Void(VoidReason.Loss, end.AddDays(3))).Code);

        var successor = Guid.NewGuid();
        c.SupersedeBy(successor, end.AddDays(5));
        Assert.Equal((CertificateStatus.Expired, successor, end.AddDays(1)), (c.Status, c.SuccessorId, c.EndedOn)); // it stays expired, from its own end
        Assert.False(c.RenewalIsOpen(end.AddDays(5))); // replaced: nothing left to renew
        Assert.Equal(CertificateErrors.NotValid, Assert.Throws<DomainRuleException>(() => c.SupersedeBy(Guid.NewGuid(), end.AddDays(6))).Code);
    }

    [Fact]
    public void Reminders_GoOutAtSixtyAndThirtyDays_OnceEach()
    {
        var end = Issued.AddYears(1);
        var c = NewCertificate(end);
        Assert.Null(c.TakeExpiryReminder(end.AddDays(-61)));
        Assert.Equal(60, c.TakeExpiryReminder(end.AddDays(-60)));
        Assert.Null(c.TakeExpiryReminder(end.AddDays(-45)));
        Assert.Equal(30, c.TakeExpiryReminder(end.AddDays(-30)));
        Assert.Null(c.TakeExpiryReminder(end.AddDays(-10)));
        Assert.True(c.Notified60DaysBefore && c.Notified30DaysBefore);

        var missed = NewCertificate(end);
        Assert.Equal(30, missed.TakeExpiryReminder(end.AddDays(-12))); // the first was missed: only the second goes out
        Assert.Null(missed.TakeExpiryReminder(end.AddDays(-11)));
        Assert.Null(NewCertificate(end).TakeExpiryReminder(end.AddDays(1))); // past the end: expiry, not a reminder
    }

    [Theory]
    [InlineData(CertificateStatus.Valid, "2027-03-02", "2027-03-02", CertificateStatus.Valid)]
    [InlineData(CertificateStatus.Valid, "2027-03-02", "2027-03-03", CertificateStatus.Expired)]
    [InlineData(CertificateStatus.Valid, null, "2099-01-01", CertificateStatus.Valid)]
    [InlineData(CertificateStatus.Superseded, "2027-03-02", "2027-03-03", CertificateStatus.Superseded)]
    [InlineData(CertificateStatus.Voided, "2027-03-02", "2027-03-03", CertificateStatus.Voided)]
    public void TheStatusAReaderSees_IsTheStoredOne_ExceptAValidOnePastItsEnd(CertificateStatus stored, string? validUntil, string today, CertificateStatus expected)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, CertificateStatuses.On(stored, validUntil is null ? null : D(validUntil), D(today)));
    }
}
