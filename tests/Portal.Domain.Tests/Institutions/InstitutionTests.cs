using Portal.Domain.Codes;
using Portal.Domain.Common;
using Portal.Domain.Institutions;

namespace Portal.Domain.Tests.Institutions;

public class InstitutionTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static RegisteredItems Items(string name = "浦江县图书馆", decimal capital = 95m) => new()
    {
        Name = name,
        Domicile = "浙江省金华市浦江县浦阳街道文化路18号",
        PurposeAndScope = "为公众提供图书阅览和文化服务。",
        LegalRepresentative = "朱丽萍",
        LegalRepresentativeIdNumber = "330726198507154527",
        FundingSourceCode = "FULL",
        StartupCapital = capital,
        Sponsor = "浦江县文化和广电旅游体育局",
    };

    private static Institution NewInstitution() =>
        Institution.Register(Guid.NewGuid(), UnifiedSocialCreditCode.Parse("12100000470095016Q"), Items(), new DateOnly(2020, 5, 1), Now);

    [Fact]
    public void Register_RecordsTheFirstVersion()
    {
        var institution = NewInstitution();
        var version = Assert.Single(institution.Versions);
        Assert.Equal(1, version.Number);
        Assert.Equal(1, institution.CurrentVersion);
        Assert.Equal(new DateOnly(2020, 5, 1), version.EffectiveOn);
        Assert.Equal("浦江县图书馆", institution.Current.Name);
        Assert.Equal(InstitutionStatus.Registered, institution.Status);
    }

    [Fact]
    public void RecordChange_AddsAVersionAndKeepsTheOldOne()
    {
        var institution = NewInstitution();
        var token = institution.ConcurrencyToken;
        institution.RecordChange(Items("浦江县图书馆（浦江县文化馆）", 120m), new DateOnly(2026, 3, 1), Now);

        Assert.Equal(2, institution.Versions.Count);
        Assert.Equal("浦江县图书馆", institution.Versions[0].Items.Name);
        Assert.Equal(95m, institution.Versions[0].Items.StartupCapital);
        Assert.Equal(120m, institution.Current.StartupCapital);
        Assert.Equal(2, institution.CurrentVersion);
        Assert.NotEqual(token, institution.ConcurrencyToken);
    }

    [Fact]
    public void RecordChange_AfterDeregistration_IsRefused()
    {
        var institution = NewInstitution();
        institution.Deregister(new DateOnly(2026, 2, 1));
        var ex = Assert.Throws<DomainRuleException>(() => institution.RecordChange(Items(), new DateOnly(2026, 3, 1), Now));
        Assert.Equal(DomainErrors.InstitutionNotRegistered, ex.Code);
        Assert.Equal(InstitutionStatus.Deregistered, institution.Status);
        Assert.Equal(new DateOnly(2026, 2, 1), institution.EndedOn);
    }

    [Theory]
    [InlineData("330726198507154527", "330*************27")]
    [InlineData("12345", "*****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void IdentityNumbers_AreMasked(string? input, string expected)
    {
        Assert.Equal(expected, IdentityNumberMask.Mask(input));
    }
}
