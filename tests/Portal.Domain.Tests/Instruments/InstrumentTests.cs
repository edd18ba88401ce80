using Portal.Domain.Instruments;
using Portal.Domain.Offices;

namespace Portal.Domain.Tests.Instruments;

public class InstrumentTests
{
    private static readonly DateTime Issued = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan ThreeDays = TimeSpan.FromDays(3);

    [Theory]
    [InlineData("浦事登", InstrumentKind.Acceptance, 2026, 12, "浦事登受〔2026〕12号")]
    [InlineData(null, InstrumentKind.NonAcceptance, 2026, 1, "事登不受〔2026〕1号")]
    [InlineData("  ", InstrumentKind.Supplement, 2027, 3, "事登补〔2027〕3号")]
    [InlineData("武事登", InstrumentKind.Approval, 2026, 100, "武事登准〔2026〕100号")]
    [InlineData("武事登", InstrumentKind.Refusal, 2026, 7, "武事登不准〔2026〕7号")]
    [InlineData("武事登", InstrumentKind.CertificateVoid, 2026, 2, "武事登废〔2026〕2号")]
    public void Numbers_AreWrittenAsOfficesWriteThem(string? prefix, InstrumentKind kind, int year, long serial, string expected) =>
        Assert.Equal(expected, InstrumentNumber.Format(prefix, kind, year, serial));

    [Fact]
    public void EveryKind_HasItsOwnMark()
    {
        var marks = Enum.GetValues<InstrumentKind>().Select(InstrumentNumber.Mark).ToList();
        Assert.Equal(marks.Count, marks.Distinct().Count());
    }

    [Theory]
    [InlineData("abcde-fghjk", "ABCDEFGHJK")]
    [InlineData(" ABCDE FGHJK ", "ABCDEFGHJK")]
    [InlineData("23456　789AB", "23456789AB")]
    [InlineData("ABCDE-FGHJ", null)] // too short
    [InlineData("ABCDE-FGHJO", null)] // O is not in the alphabet
    [InlineData("ABCDE-FGHJ1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void CheckCodes_AreReadForgivingly_ButOnlyFromTheAlphabet(string? typed, string? expected) =>
        Assert.Equal(expected, InstrumentNumber.CanonicalCheckCode(typed));

    [Fact]
    public void CheckCode_OfAbsurdLength_IsRefusedWithoutWork() =>
        Assert.Null(InstrumentNumber.CanonicalCheckCode(new string('A', 100_000)));

    [Fact]
    public void Delivery_IsTheFirstOpening_AndLaterOpeningsChangeNothing()
    {
        var instrument = New();
        Assert.Null(instrument.DeliveredUtc(null, ThreeDays, Issued.AddDays(30)));
        Assert.True(instrument.MarkOpened("u1", Issued.AddHours(5)));
        Assert.False(instrument.MarkOpened("u2", Issued.AddHours(9)));
        Assert.Equal(("u1", Issued.AddHours(5)), (instrument.OpenedByUserId, instrument.OpenedUtc!.Value));
        Assert.Equal(Issued.AddHours(5), instrument.DeliveredUtc(null, ThreeDays, Issued.AddDays(30)));
    }

    [Fact]
    public void Delivery_WithConsentAndNoOpening_IsDeemedAfterTheLegalDefault()
    {
        var instrument = New();
        var consent = Issued.AddDays(-10);
        Assert.Null(instrument.DeliveredUtc(consent, ThreeDays, Issued.AddDays(2)));
        Assert.Equal(Issued.AddDays(3), instrument.DeliveredUtc(consent, ThreeDays, Issued.AddDays(4)));

        // Opened later than the deemed day: the deemed day stands.
        instrument.MarkOpened("u1", Issued.AddDays(5));
        Assert.Equal(Issued.AddDays(3), instrument.DeliveredUtc(consent, ThreeDays, Issued.AddDays(6)));
    }

    [Fact]
    public void Delivery_ConsentGivenAfterIssue_DoesNotDeemEarlierInstrumentsDelivered()
    {
        var instrument = New();
        Assert.Null(instrument.DeliveredUtc(Issued.AddDays(1), ThreeDays, Issued.AddDays(20)));
    }

    [Theory]
    [InlineData("浦事登", "浦事登")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void OfficePrefix_AcceptsChineseOrBlank(string? prefix, string? expected)
    {
        var office = new RegistrationOffice(Guid.NewGuid(), "浦江县事业单位登记管理局", "Pujiang", "330726", null);
        office.SetDocumentPrefix(prefix);
        Assert.Equal(expected, office.DocumentPrefix);
    }

    [Theory]
    [InlineData("PJ")]
    [InlineData("浦事登浦事登浦事登浦事")]
    [InlineData("浦 事")]
    public void OfficePrefix_RefusesAnythingElse(string prefix)
    {
        var office = new RegistrationOffice(Guid.NewGuid(), "浦江县事业单位登记管理局", "Pujiang", "330726", null);
        var ex = Assert.Throws<DomainRuleException>(() => office.SetDocumentPrefix(prefix));
        Assert.Equal(OfficeErrors.BadDocumentPrefix, ex.Code);
    }

    private static Instrument New() =>
        new(Guid.NewGuid(), Guid.NewGuid(), InstrumentKind.Acceptance, 2026, 1, "事登受〔2026〕1号", "ABCDEFGHJK", Guid.NewGuid(), Guid.NewGuid(), null, null, "某某中心",
            new DateOnly(2026, 3, 2), Issued, Guid.NewGuid(), new string('a', 64), "THUMB");
}
