using Portal.Domain.AnnualReports;

namespace Portal.Domain.Tests.AnnualReports;

public class ReportChaseTests
{
    private static readonly AnnualReportWindow Window = AnnualReportWindow.For(2026); // 2027-01-01 … 2027-03-31
    private static readonly DateTime April6 = new(2027, 4, 6, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AChase_IsRefusedBeforeTheWindowCloses()
    {
        var code = Assert.Throws<DomainRuleException>(() => ReportChase.Send(Guid.NewGuid(), Guid.NewGuid(), Window, null, "u", "赵雪", new DateOnly(2027, 3, 31), April6)).Code;
        Assert.Equal(ReportErrors.NotOverdueYet, code);
    }

    [Fact]
    public void Chasing_IsLimitedToOnceAWeekPerInstitution()
    {
        var institution = Guid.NewGuid();
        var first = ReportChase.Send(institution, Guid.NewGuid(), Window, null, "u", "赵雪", new DateOnly(2027, 4, 6), April6);
        Assert.Equal((2026, April6), (first.Year, first.SentUtc));
        Assert.Equal(April6.AddDays(7), ReportChase.NextAllowedUtc(first.SentUtc));

        var almost = April6.AddDays(7).AddSeconds(-1);
        Assert.False(ReportChase.MaySend(first.SentUtc, almost));
        Assert.Equal(ReportErrors.ChasedRecently, Assert.Throws<DomainRuleException>(() => ReportChase.Send(institution, Guid.NewGuid(), Window, first.SentUtc, "u", "赵雪", new DateOnly(2027, 4, 13), almost)).Code);

        Assert.True(ReportChase.MaySend(first.SentUtc, April6.AddDays(7)));
        var second = ReportChase.Send(institution, Guid.NewGuid(), Window, first.SentUtc, "u", "赵雪", new DateOnly(2027, 4, 13), April6.AddDays(7));
        Assert.NotEqual(first.Id, second.Id);
    }
}
