using Portal.Domain.Agencies;
using Portal.Domain.Codes;

namespace Portal.Domain.Tests.Agencies;

public class AgencyTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static readonly AgencyItems Union = new()
    {
        Name = "浦江县总工会",
        Category = AgencyCategory.PeopleOrganisation,
        EstablishingDocument = "浦委〔1985〕12号",
        Functions = "维护职工合法权益，组织职工参与民主管理。",
        Address = "浙江省金华市浦江县浦阳街道和平南路16号",
        PersonInCharge = "陈建华",
        PersonInChargeIdNumber = Portal.Domain.Common.ResidentIdNumber.WithCheck("33072619700101123"),
    };

    private static UnifiedSocialCreditCode Code(CodeCategory category) =>
        UnifiedSocialCreditCode.TryCreate(category, "330726", "MB1A2B3C", out var code) ? code : throw new InvalidOperationException();

    [Theory]
    [InlineData(AgencyCategory.Organ, CodeCategory.Organ, "11")]
    [InlineData(AgencyCategory.PeopleOrganisation, CodeCategory.PeopleOrganisation, "13")]
    [InlineData(AgencyCategory.Other, CodeCategory.Other, "19")]
    public void EachCategory_TakesCodesOfItsOwnMark(AgencyCategory category, CodeCategory codeCategory, string prefix)
    {
        Assert.Equal(codeCategory, Agency.CodeCategoryOf(category));
        var agency = Agency.Register(Guid.NewGuid(), Code(codeCategory), Union with { Category = category }, Today, Now);
        Assert.StartsWith(prefix, agency.Code);
        Assert.Equal(AgencyStatus.Active, agency.Status);
        Assert.Single(agency.Versions);
    }

    [Theory]
    [InlineData(CodeCategory.PublicInstitution)]
    [InlineData(CodeCategory.Organ)]
    public void ACodeOfAnotherCategory_IsRefused(CodeCategory wrong)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Agency.Register(Guid.NewGuid(), Code(wrong), Union, Today, Now));
        Assert.Equal(AgencyErrors.CodeCategoryMismatch, ex.Code);
    }

    [Fact]
    public void AChange_AddsAVersion_NamingWhatChanged_AndTheCategoryStays()
    {
        var agency = Agency.Register(Guid.NewGuid(), Code(CodeCategory.PeopleOrganisation), Union, Today, Now);
        var moved = Union with { Address = "浙江省金华市浦江县浦阳街道人民东路8号", PersonInCharge = "王丽" };
        Assert.Equal([AgencyItem.Address, AgencyItem.PersonInCharge], AgencyItems.Changed(Union, moved));
        var version = agency.RecordChange(moved, Today.AddDays(10), Now.AddDays(10));
        Assert.Equal((2, moved), (version.Number, agency.Current));
        Assert.Equal(Union, agency.Versions[0].Items); // the old items stay as history

        var ex = Assert.Throws<DomainRuleException>(() => agency.RecordChange(moved with { Category = AgencyCategory.Organ }, Today, Now));
        Assert.Equal(AgencyErrors.CategoryIsFixed, ex.Code);
        Assert.Equal(AgencyErrors.NothingChanged, Assert.Throws<DomainRuleException>(() => agency.RecordChange(moved, Today, Now)).Code);
    }

    [Fact]
    public void ACancelledAgency_TakesNoChange_AndCannotBeCancelledTwice()
    {
        var agency = Agency.Register(Guid.NewGuid(), Code(CodeCategory.PeopleOrganisation), Union, Today, Now);
        agency.Cancel(Today.AddDays(30));
        Assert.Equal((AgencyStatus.Cancelled, Today.AddDays(30)), (agency.Status, agency.CancelledOn!.Value));
        Assert.Equal(AgencyErrors.NotActive, Assert.Throws<DomainRuleException>(() => agency.RecordChange(Union with { Name = "新名称" }, Today, Now)).Code);
        Assert.Equal(AgencyErrors.NotActive, Assert.Throws<DomainRuleException>(() => agency.Cancel(Today)).Code);
    }

    [Theory]
    [InlineData("00253847-X", true)]
    [InlineData("00253847X", true)]
    [InlineData("００２５３８４７－ｘ", true)] // full-width, lower case
    [InlineData("00253847-1", false)] // wrong check character
    [InlineData("0025384-X", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AnOldOrganisationCode_KeepsItsBody_WhenItsCheckCharacterIsRight(string? old, bool ok)
    {
        Assert.Equal(ok, UnifiedSocialCreditCode.TryFromOrganisationCode(CodeCategory.Organ, "330726", old, out var code));
        if (ok)
        {
            Assert.Equal("00253847", code.Body);
            Assert.StartsWith("11330726", code.Value);
            Assert.True(UnifiedSocialCreditCode.TryParse(code.Value, out _));
        }
    }
}
