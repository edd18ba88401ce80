using Portal.Domain.Agencies;
using Portal.Domain.Codes;
using Portal.Domain.Filings;
using static Portal.Domain.Tests.Filings.FilingBuilder;

namespace Portal.Domain.Tests.Agencies;

public class AgencyFilingTests
{
    public static TheoryData<FilingKind, FilingState, FilingAction, FilingRole> EveryAgencyCombination()
    {
        var data = new TheoryData<FilingKind, FilingState, FilingAction, FilingRole>();
        foreach (var kind in FilingKinds.Agency)
        {
            foreach (var state in Enum.GetValues<FilingState>())
            {
                foreach (var action in Enum.GetValues<FilingAction>())
                {
                    foreach (var role in Enum.GetValues<FilingRole>())
                    {
                        data.Add(kind, state, action, role);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryAgencyCombination))]
    public void EveryAgencyKind_StateActionRole_MovesAsTheOneTableSays(FilingKind kind, FilingState state, FilingAction action, FilingRole role)
    {
        var filing = InState(state, kind);
        var eventsBefore = filing.Events.Count;
        var expected = FilingWorkflow.Target(state, action, role);
        if (expected is { } to)
        {
            Perform(filing, action, ActorFor(role));
            Assert.Equal((to, eventsBefore + 1), (filing.State, filing.Events.Count));
            Assert.Equal(kind, filing.Kind);
        }
        else
        {
            var ex = Assert.Throws<DomainRuleException>(() => Perform(filing, action, ActorFor(role)));
            Assert.Equal(FilingErrors.TransitionNotAllowed, ex.Code);
            Assert.Equal((state, eventsBefore), (filing.State, filing.Events.Count));
        }
    }

    [Fact]
    public void FirstApplication_NeedsTheFormTheEstablishingDocumentTheAppointmentTheIdAndTheAddressProof()
    {
        Assert.Equal(
            [AttachmentKind.ApplicationForm, AttachmentKind.ApprovalDocument, AttachmentKind.PersonInChargeAppointment, AttachmentKind.PersonInChargeId, AttachmentKind.AddressProof],
            FilingMaterials.RequiredForAgency(FilingKind.AgencyFirstApplication, [], null));
        var filing = Filing.StartAgencyApplication(Guid.NewGuid(), "330726-2026-00010", Applicant, Now);
        Assert.Contains(filing.ProblemsBeforeSubmission(false), p => p.Code == FilingErrors.ItemsMissing);
        filing.DescribeAgencyApplication(AgencyItems(), null);
        var missing = filing.ProblemsBeforeSubmission(false).Where(p => p.Code == FilingErrors.AttachmentMissing).Select(p => p.Detail).ToList();
        Assert.Equal(["ApplicationForm", "ApprovalDocument", "PersonInChargeAppointment", "PersonInChargeId", "AddressProof"], missing);
        Assert.Equal(FilingErrors.AttachmentKindNotAllowed, Assert.Throws<DomainRuleException>(
            () => filing.Attach(AttachmentKind.DraftCharter, "a.pdf", "application/pdf", 10, new string('a', 64), Guid.NewGuid(), "u", Now)).Code);
        Assert.Contains(filing.ProblemsBeforeSubmission(nameTaken: true), p => p.Code == FilingErrors.NameTaken);
    }

    [Theory]
    [InlineData(AgencyItem.Name, new[] { AttachmentKind.ApplicationForm, AttachmentKind.ChangeProof })]
    [InlineData(AgencyItem.Functions, new[] { AttachmentKind.ApplicationForm, AttachmentKind.ChangeProof })]
    [InlineData(AgencyItem.Address, new[] { AttachmentKind.ApplicationForm, AttachmentKind.AddressProof })]
    [InlineData(AgencyItem.PersonInCharge, new[] { AttachmentKind.ApplicationForm, AttachmentKind.PersonInChargeAppointment, AttachmentKind.PersonInChargeId })]
    public void Change_NeedsTheDocumentSupportingEachChangedItem(AgencyItem item, AttachmentKind[] expected)
    {
        var before = AgencyItems();
        var after = item switch
        {
            AgencyItem.Name => before with { Name = "浦江县人民政府办公室（县政府研究室）" },
            AgencyItem.Functions => before with { Functions = "负责县政府日常运转和政务公开。" },
            AgencyItem.Address => before with { Address = "浙江省金华市浦江县浦阳街道和平南路2号" },
            _ => before with { PersonInCharge = "吴敏", PersonInChargeIdNumber = "330726198204150023" },
        };
        var filing = Filing.StartForAgency(FilingKind.AgencyChange, Guid.NewGuid(), Guid.NewGuid(), before, "330726-2026-00011", Applicant, Now);
        Assert.Contains(filing.ProblemsBeforeSubmission(false), p => p.Code == FilingErrors.NothingChanged);
        filing.DescribeAgencyChange(after, null);
        Assert.Equal([item], filing.ChangedAgencyItems());
        Assert.Equal(expected, FilingMaterials.Required(filing));
        Assert.Equal(item == AgencyItem.Name, filing.ProblemsBeforeSubmission(nameTaken: true).Any(p => p.Code == FilingErrors.NameTaken));
    }

    [Fact]
    public void Change_CannotMoveTheBodyToAnotherCategory()
    {
        var filing = Filing.StartForAgency(FilingKind.AgencyChange, Guid.NewGuid(), Guid.NewGuid(), AgencyItems(), "330726-2026-00012", Applicant, Now);
        var ex = Assert.Throws<DomainRuleException>(() => filing.DescribeAgencyChange(AgencyItems() with { Category = AgencyCategory.PeopleOrganisation }, null));
        Assert.Equal(FilingErrors.CategoryIsFixed, ex.Code);
        Assert.Equal(AgencyCategory.Organ, filing.AgencyProposed!.Category); // the refused input changed nothing
    }

    [Theory]
    [InlineData(ReissueCause.Loss, AttachmentKind.LossDeclaration)]
    [InlineData(ReissueCause.Damage, AttachmentKind.DamagedCertificate)]
    [InlineData(ReissueCause.Expiry, AttachmentKind.ExpiringCertificate)]
    public void Reissue_NeedsTheLossNoticeOrTheDamagedCertificate(ReissueCause cause, AttachmentKind evidence)
    {
        var filing = Filing.StartForAgency(FilingKind.AgencyReissue, Guid.NewGuid(), Guid.NewGuid(), AgencyItems(), "330726-2026-00013", Applicant, Now);
        Assert.Contains(filing.ProblemsBeforeSubmission(false), p => p.Code == FilingErrors.ReissueCauseMissing);
        filing.DescribeAgencyReissue(cause, "说明");
        Assert.Equal([AttachmentKind.ApplicationForm, evidence], FilingMaterials.Required(filing));
    }

    [Fact]
    public void Cancellation_IsApprovedOnlyAfterTheCertificateAndSealAreRecordedAsCollected()
    {
        var filing = Ready(FilingKind.AgencyCancellation);
        Assert.Equal([AttachmentKind.ApplicationForm, AttachmentKind.CancellingDocument], FilingMaterials.Required(filing));
        Assert.Equal(FilingErrors.TransitionNotAllowed, Assert.Throws<DomainRuleException>(() => filing.RecordCertificateAndSealCollected(Today)).Code);
        filing.Submit(Applicant, Today, Now, false);
        filing.Accept(Registrar, Today, Now);
        var ex = Assert.Throws<DomainRuleException>(() => filing.Approve(Registrar, Today, Now, null));
        Assert.Equal((FilingErrors.CollectionNotRecorded, FilingState.Accepted), (ex.Code, filing.State));
        filing.RecordCertificateAndSealCollected(Today.AddDays(1));
        filing.Approve(Registrar, Today.AddDays(1), Now, null);
        Assert.Equal((FilingState.Approved, Today.AddDays(1)), (filing.State, filing.CollectedOn));
    }

    [Fact]
    public void FirstApplication_KeepsACorrectOldOrganisationCode_AndRefusesAWrongCheckCharacter()
    {
        var body = "MB1A2B3C";
        Assert.True(UnifiedSocialCreditCode.TryCreate(CodeCategory.Organ, "330726", body, out var reference));
        var old = body + "-" + reference.Value[16];
        var filing = Filing.StartAgencyApplication(Guid.NewGuid(), "330726-2026-00014", Applicant, Now);
        filing.DescribeAgencyApplication(AgencyItems(), old.ToLowerInvariant());
        Assert.Equal(body + reference.Value[16], filing.OldOrganisationCode);

        var wrong = body + (reference.Value[16] == '0' ? '1' : '0');
        Assert.Equal(FilingErrors.OldCodeInvalid, Assert.Throws<DomainRuleException>(() => filing.DescribeAgencyApplication(AgencyItems(), wrong)).Code);
        Assert.Equal(body + reference.Value[16], filing.OldOrganisationCode); // the refused input changed nothing
    }

    [Fact]
    public void StartingRules_TellTheFamiliesApart()
    {
        Assert.Null(FilingPolicy.WhyNotStartForAgency(FilingKind.AgencyFirstApplication, null, 0));
        Assert.Equal(FilingErrors.WrongKind, FilingPolicy.WhyNotStartForAgency(FilingKind.AgencyChange, null, 0));
        Assert.Equal(FilingErrors.WrongKind, FilingPolicy.WhyNotStartForAgency(FilingKind.Change, null, 0));
        Assert.Equal(FilingErrors.WrongKind, FilingPolicy.WhyNotStart(FilingKind.AgencyChange, null, 0, Today));
        Assert.True(UnifiedSocialCreditCode.TryCreate(CodeCategory.Organ, "330726", "MB1A2B3C", out var code));
        var agency = Agency.Register(Guid.NewGuid(), code, AgencyItems(), Today, Now);
        Assert.Equal(FilingErrors.AnotherFilingInProgress, FilingPolicy.WhyNotStartForAgency(FilingKind.AgencyChange, agency, 1));
        Assert.Null(FilingPolicy.WhyNotStartForAgency(FilingKind.AgencyReissue, agency, 0));
        agency.Cancel(Today);
        Assert.Equal(FilingErrors.AgencyNotActive, FilingPolicy.WhyNotStartForAgency(FilingKind.AgencyChange, agency, 0));
    }

    [Fact]
    public void CertificateValidity_IsPrintedOnlyWhereTheOfficeAsksForIt()
    {
        Assert.Null(AgencyCertificate.ValidityEnd(null, AgencyCertificateReason.FirstApplication, Today, null));
        Assert.Equal(Today.AddYears(5), AgencyCertificate.ValidityEnd(5, AgencyCertificateReason.FirstApplication, Today, null));
        Assert.Equal(Today.AddYears(2), AgencyCertificate.ValidityEnd(5, AgencyCertificateReason.Change, Today, Today.AddYears(2)));
        Assert.Equal(Today.AddYears(2), AgencyCertificate.ValidityEnd(5, AgencyCertificateReason.Reissue, Today, Today.AddYears(2)));
        Assert.Equal(Today.AddYears(5), AgencyCertificate.ValidityEnd(5, AgencyCertificateReason.Renewal, Today, Today.AddDays(20))); // a fresh term
        Assert.Equal(Today.AddYears(5), AgencyCertificate.ValidityEnd(5, AgencyCertificateReason.Change, Today, Today.AddDays(-3))); // after expiry
        Assert.Null(AgencyCertificate.ValidityEnd(null, AgencyCertificateReason.Renewal, Today, Today.AddDays(20)));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(0, false)]
    [InlineData(11, false)]
    public void TheOfficesValiditySetting_IsNoneOrOneToTenYears(int? years, bool accepted)
    {
        var office = new Portal.Domain.Offices.RegistrationOffice(Guid.NewGuid(), "浦江县事业单位登记管理局", "Pujiang", "330726", null);
        office.SetAgencyCertificateValidity(3);
        if (accepted)
        {
            office.SetAgencyCertificateValidity(years);
            Assert.Equal(years, office.AgencyCertificateValidityYears);
        }
        else
        {
            Assert.Equal(Portal.Domain.Offices.OfficeErrors.BadAgencyValidity, Assert.Throws<DomainRuleException>(() => office.SetAgencyCertificateValidity(years)).Code);
            Assert.Equal(3, office.AgencyCertificateValidityYears);
        }
    }
}
