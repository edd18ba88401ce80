using Portal.Domain.Agencies;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;

namespace Portal.Domain.Tests.Filings;

/// <summary>Builds filings and drives them into any state through legal moves only.</summary>
public static class FilingBuilder
{
    public static readonly DateTime Now = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static readonly FilingActor Applicant = new("u-applicant", "吴强", FilingRole.Applicant);
    public static readonly FilingActor Registrar = new("u-registrar", "赵雪", FilingRole.Registrar);
    public static readonly FilingActor Supervisor = new("u-supervisor", "陈立华", FilingRole.Supervisor);

    public static FilingActor ActorFor(FilingRole role) => role switch
    {
        FilingRole.Applicant => Applicant,
        FilingRole.Registrar => Registrar,
        _ => Supervisor,
    };

    public static RegisteredItems Items(string name = "浦江县图书馆") => new()
    {
        Name = name,
        Domicile = "浙江省金华市浦江县浦阳街道文化路18号",
        PurposeAndScope = "为公众提供图书阅览和文化服务。",
        LegalRepresentative = "朱丽萍",
        LegalRepresentativeIdNumber = "330726198507154527",
        FundingSourceCode = "FULL",
        StartupCapital = 100m,
        Sponsor = "浦江县文化和广电旅游体育局",
    };

    /// <summary>A setup with every item and every required material: ready to submit.</summary>
    public static Filing ReadySetup()
    {
        var filing = Filing.StartSetup(Guid.NewGuid(), "330726-2026-00001", Applicant, Now);
        filing.DescribeSetup(Items("浦江县数字化改革服务中心"), "浦编〔2026〕12号", new DateOnly(2026, 2, 20), 8);
        AttachAll(filing, FilingMaterials.Required(FilingKind.Setup, []));
        return filing;
    }

    public static AgencyItems AgencyItems(string name = "浦江县人民政府办公室") => new()
    {
        Name = name,
        Category = AgencyCategory.Organ,
        EstablishingDocument = "浦委发〔2019〕8号",
        Functions = "负责县政府日常运转，协助县政府领导处理日常工作。",
        Address = "浙江省金华市浦江县浦阳街道人民东路1号",
        PersonInCharge = "黄志远",
        PersonInChargeIdNumber = "330726197803120017",
    };

    /// <summary>A filing of <paramref name="kind"/> with everything described and attached: ready to submit.</summary>
    public static Filing Ready(FilingKind kind)
    {
        Filing filing;
        switch (kind)
        {
            case FilingKind.Setup:
                return ReadySetup();
            case FilingKind.AgencyFirstApplication:
                filing = Filing.StartAgencyApplication(Guid.NewGuid(), "330726-2026-00003", Applicant, Now);
                filing.DescribeAgencyApplication(AgencyItems(), null);
                break;
            case FilingKind.AgencyChange:
                filing = Filing.StartForAgency(kind, Guid.NewGuid(), Guid.NewGuid(), AgencyItems(), "330726-2026-00004", Applicant, Now);
                filing.DescribeAgencyChange(AgencyItems() with { Address = "浙江省金华市浦江县浦阳街道和平南路2号" }, null);
                break;
            case FilingKind.AgencyReissue:
                filing = Filing.StartForAgency(kind, Guid.NewGuid(), Guid.NewGuid(), AgencyItems(), "330726-2026-00005", Applicant, Now);
                filing.DescribeAgencyReissue(ReissueCause.Loss, "证书正本于2026年2月遗失。");
                break;
            case FilingKind.AgencyCancellation:
                filing = Filing.StartForAgency(kind, Guid.NewGuid(), Guid.NewGuid(), AgencyItems(), "330726-2026-00006", Applicant, Now);
                filing.DescribeAgencyCancellation("机构改革，职能并入县委办公室。");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }

        AttachAll(filing, FilingMaterials.Required(filing));
        return filing;
    }

    public static Filing Change() =>
        Filing.StartFor(FilingKind.Change, Guid.NewGuid(), Guid.NewGuid(), Items(), "330726-2026-00002", Applicant, Now);

    public static void AttachAll(Filing filing, IEnumerable<AttachmentKind> kinds)
    {
        foreach (var kind in kinds)
        {
            filing.Attach(kind, kind + ".pdf", "application/pdf", 1000, new string('a', 64), Guid.NewGuid(), Applicant.UserId, Now);
        }
    }

    /// <summary>A ready setup filing moved into <paramref name="state"/> by the shortest legal path.</summary>
    public static Filing InState(FilingState state, FilingKind kind = FilingKind.Setup)
    {
        var f = Ready(kind);
        switch (state)
        {
            case FilingState.Draft:
                break;
            case FilingState.Submitted:
                f.Submit(Applicant, Today, Now, false);
                break;
            case FilingState.Returned:
                f.Submit(Applicant, Today, Now, false);
                f.ReturnForSupplement(Registrar, Today, Now, ["ApplicationForm"], "申请表未签字");
                break;
            case FilingState.Accepted:
                f.Submit(Applicant, Today, Now, false);
                f.Accept(Registrar, Today, Now);
                RecordCollectionIfCancellation(f);
                break;
            case FilingState.SupplementRequested:
                f.Submit(Applicant, Today, Now, false);
                f.Accept(Registrar, Today, Now);
                f.ReturnForSupplement(Registrar, Today, Now, [], "请补充住所证明");
                break;
            case FilingState.RefusalProposed:
                f.Submit(Applicant, Today, Now, false);
                f.Accept(Registrar, Today, Now);
                RecordCollectionIfCancellation(f);
                f.ProposeRefusal(Registrar, Now, "举办单位无权举办");
                break;
            case FilingState.Approved:
                f.Submit(Applicant, Today, Now, false);
                f.Accept(Registrar, Today, Now);
                RecordCollectionIfCancellation(f);
                f.Approve(Registrar, Today, Now, null);
                break;
            case FilingState.Refused:
                f.Submit(Applicant, Today, Now, false);
                f.Accept(Registrar, Today, Now);
                f.Refuse(Supervisor, Today, Now, "不符合设立条件");
                break;
            case FilingState.Withdrawn:
                f.Withdraw(Applicant, Now, null);
                break;
            case FilingState.NotAccepted:
                f.Submit(Applicant, Today, Now, false);
                f.RefuseToAccept(Registrar, Today, Now, [NonAcceptanceReason.ApplicantNotEntitled], null, "举办单位无权举办");
                break;
        }

        Assert.Equal(state, f.State);
        return f;
    }

    /// <summary>A cancellation is approved only once the certificate and seal are recorded as collected.</summary>
    private static void RecordCollectionIfCancellation(Filing f)
    {
        if (f.Kind == FilingKind.AgencyCancellation)
        {
            f.RecordCertificateAndSealCollected(Today);
        }
    }

    /// <summary>Performs <paramref name="action"/> through its intention-revealing method, with valid arguments.</summary>
    public static void Perform(Filing f, FilingAction action, FilingActor actor)
    {
        switch (action)
        {
            case FilingAction.Submit: f.Submit(actor, Today, Now, false); break;
            case FilingAction.Withdraw: f.Withdraw(actor, Now, "不再需要"); break;
            case FilingAction.Accept: f.Accept(actor, Today, Now); break;
            case FilingAction.ReturnForSupplement: f.ReturnForSupplement(actor, Today, Now, ["DomicileProof"], "住所证明不清晰"); break;
            case FilingAction.Resubmit: f.Resubmit(actor, Today, Now, false); break;
            case FilingAction.Approve: f.Approve(actor, Today, Now, null); break;
            case FilingAction.ProposeRefusal: f.ProposeRefusal(actor, Now, "理由"); break;
            case FilingAction.Refuse: f.Refuse(actor, Today, Now, "理由"); break;
            case FilingAction.RejectRefusalProposal: f.RejectRefusalProposal(actor, Now, null); break;
            case FilingAction.RefuseToAccept: f.RefuseToAccept(actor, Today, Now, [NonAcceptanceReason.OutsideJurisdiction], "金华市事业单位登记管理局", null); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
