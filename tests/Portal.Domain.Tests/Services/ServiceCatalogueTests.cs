using Portal.Domain.Filings;
using Portal.Domain.Offices;
using Portal.Domain.Services;

namespace Portal.Domain.Tests.Services;

public class ServiceCatalogueTests
{
    [Fact]
    public void EveryFilingKindHasExactlyOneGuide_AndSlugsAreDistinct()
    {
        foreach (var kind in Enum.GetValues<FilingKind>())
        {
            Assert.Single(ServiceCatalogue.All, s => s.Kind == kind);
            Assert.Equal(kind, ServiceCatalogue.ForKind(kind).Kind);
        }

        Assert.Equal(ServiceCatalogue.All.Count, ServiceCatalogue.All.Select(s => s.Slug).Distinct().Count());
        Assert.Equal(Enum.GetValues<ServiceItem>().Length, ServiceCatalogue.All.Select(s => s.Item).Distinct().Count());
        Assert.All(ServiceCatalogue.All, s => Assert.NotEmpty(s.Basis));
        Assert.All(ServiceCatalogue.All, s => Assert.Same(s, ServiceCatalogue.BySlug(s.Slug)));
        Assert.Null(ServiceCatalogue.BySlug("SETUP"));
        Assert.Null(ServiceCatalogue.BySlug(null));
    }

    [Fact]
    public void ChangeGuide_MarksEachConditionalMaterialWithTheItemsThatDemandIt()
    {
        var materials = ServiceCatalogue.FilingMaterialsFor(FilingKind.Change).ToDictionary(m => m.Code);
        Assert.True(materials["Attachment.ApplicationForm"].Required);
        Assert.Equal(["Item.Domicile"], materials["Attachment.DomicileProof"].When);
        Assert.Equal(["Item.FundingSource", "Item.Sponsor", "Item.StartupCapital"], materials["Attachment.ChangeProof"].When.Order());
        Assert.False(materials["Attachment.Licence"].Required);
        Assert.Empty(materials["Attachment.Licence"].When);
    }

    [Fact]
    public void AgencyReissueGuide_TiesTheLossNoticeToLossAndTheDamagedCertificateToDamage()
    {
        var materials = ServiceCatalogue.FilingMaterialsFor(FilingKind.AgencyReissue).ToDictionary(m => m.Code);
        Assert.Equal(["ReissueCause.Loss"], materials["Attachment.LossDeclaration"].When);
        Assert.Equal(["ReissueCause.Damage"], materials["Attachment.DamagedCertificate"].When);
    }

    [Fact]
    public void ServiceDesk_KeepsBothLanguages_ClearsBlanks_AndRefusesTooLongWhole()
    {
        var office = new RegistrationOffice(Guid.NewGuid(), "某局", "Some office", "330726", null);
        office.SetServiceDesk(" 一楼 ", "Ground floor", "9–5", null, "  ", "Book ahead.\r\nThank you.");
        Assert.Equal("一楼", office.DeskAddressZh);
        Assert.Equal("Ground floor", office.DeskAddressEn);
        Assert.Null(office.DeskHoursEn);
        Assert.Null(office.DeskNotesZh);
        Assert.Equal("Book ahead.\nThank you.", office.DeskNotesEn);

        var error = Assert.Throws<DomainRuleException>(() => office.SetServiceDesk(new string('x', RegistrationOffice.MaxDeskLineLength + 1), null, null, null, null, null));
        Assert.Equal(OfficeErrors.ServiceDeskTooLong, error.Code);
        Assert.Equal("一楼", office.DeskAddressZh);
        office.SetServiceDesk(null, null, null, null, new string('x', RegistrationOffice.MaxDeskNotesLength), null);
        Assert.Null(office.DeskAddressZh);
        Assert.Equal(RegistrationOffice.MaxDeskNotesLength, office.DeskNotesZh!.Length);
    }
}
