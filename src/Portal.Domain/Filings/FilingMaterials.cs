using Portal.Domain.Agencies;

namespace Portal.Domain.Filings;

/// <summary>The kinds of material (申请材料) a filing can carry.</summary>
public enum AttachmentKind
{
    ApplicationForm,
    DraftCharter,
    ApprovalDocument,
    LegalRepresentativeAppointment,
    LegalRepresentativeId,
    CapitalConfirmation,
    DomicileProof,
    NameApproval,
    Licence,
    ChangeProof,
    DissolutionDecision,
    ClearingReport,
    NoticePublication,
    CertificateReturned,
    LossDeclaration,
    ExpiringCertificate,
    Other,

    /// <summary>负责人任职文件 (agencies).</summary>
    PersonInChargeAppointment,

    /// <summary>负责人身份证件 (agencies).</summary>
    PersonInChargeId,

    /// <summary>地址证明 (agencies).</summary>
    AddressProof,

    /// <summary>损毁的证书 (agency 换领 after damage).</summary>
    DamagedCertificate,

    /// <summary>撤销文件: the document cancelling the body (agencies).</summary>
    CancellingDocument,
}

/// <summary>What each filing kind needs, from domain.md's table "Filing types and what each needs".</summary>
public static class FilingMaterials
{
    public const int MaxAttachmentsPerFiling = 30;

    public const long MaxAttachmentBytes = 10 * 1024 * 1024;

    public static IReadOnlyList<AttachmentKind> Allowed(FilingKind kind) => kind switch
    {
        FilingKind.Setup =>
        [
            AttachmentKind.ApplicationForm, AttachmentKind.DraftCharter, AttachmentKind.ApprovalDocument,
            AttachmentKind.LegalRepresentativeAppointment, AttachmentKind.LegalRepresentativeId,
            AttachmentKind.CapitalConfirmation, AttachmentKind.DomicileProof, AttachmentKind.Other,
        ],
        FilingKind.Change =>
        [
            AttachmentKind.ApplicationForm, AttachmentKind.NameApproval, AttachmentKind.DomicileProof,
            AttachmentKind.Licence, AttachmentKind.LegalRepresentativeAppointment, AttachmentKind.LegalRepresentativeId,
            AttachmentKind.ChangeProof, AttachmentKind.Other,
        ],
        FilingKind.Deregistration =>
        [
            AttachmentKind.ApplicationForm, AttachmentKind.DissolutionDecision, AttachmentKind.ClearingReport,
            AttachmentKind.NoticePublication, AttachmentKind.CertificateReturned, AttachmentKind.Other,
        ],
        FilingKind.CertificateReissue => [AttachmentKind.ApplicationForm, AttachmentKind.LossDeclaration, AttachmentKind.Other],
        FilingKind.CertificateRenewal => [AttachmentKind.ApplicationForm, AttachmentKind.ExpiringCertificate, AttachmentKind.Other],
        FilingKind.AgencyFirstApplication =>
        [
            AttachmentKind.ApplicationForm, AttachmentKind.ApprovalDocument, AttachmentKind.PersonInChargeAppointment,
            AttachmentKind.PersonInChargeId, AttachmentKind.AddressProof, AttachmentKind.Other,
        ],
        FilingKind.AgencyChange =>
        [
            AttachmentKind.ApplicationForm, AttachmentKind.ChangeProof, AttachmentKind.AddressProof,
            AttachmentKind.PersonInChargeAppointment, AttachmentKind.PersonInChargeId, AttachmentKind.Other,
        ],
        FilingKind.AgencyReissue => [AttachmentKind.ApplicationForm, AttachmentKind.LossDeclaration, AttachmentKind.DamagedCertificate, AttachmentKind.ExpiringCertificate, AttachmentKind.Other],
        FilingKind.AgencyCancellation => [AttachmentKind.ApplicationForm, AttachmentKind.CancellingDocument, AttachmentKind.Other],
        _ => [],
    };

    /// <summary>The materials <paramref name="filing"/> needs as described so far (what changed, why a certificate is re-issued).</summary>
    public static IReadOnlyList<AttachmentKind> Required(Filing filing) =>
        FilingKinds.IsAgency(filing.Kind)
            ? RequiredForAgency(filing.Kind, filing.ChangedAgencyItems(), filing.ReissueCause)
            : Required(filing.Kind, filing.ChangedItems());

    /// <summary>
    /// 机关、群团赋码: a first application needs the form, the establishing document, the person in charge's appointment and
    /// identity card and the address proof; a change needs the document supporting each changed item; a re-issue the loss
    /// notice or the damaged certificate; a cancellation the cancelling document.
    /// </summary>
    public static IReadOnlyList<AttachmentKind> RequiredForAgency(FilingKind kind, IReadOnlyCollection<AgencyItem> changedItems, ReissueCause? cause)
    {
        switch (kind)
        {
            case FilingKind.AgencyFirstApplication:
                return
                [
                    AttachmentKind.ApplicationForm, AttachmentKind.ApprovalDocument, AttachmentKind.PersonInChargeAppointment,
                    AttachmentKind.PersonInChargeId, AttachmentKind.AddressProof,
                ];
            case FilingKind.AgencyChange:
                var required = new List<AttachmentKind> { AttachmentKind.ApplicationForm };
                if (changedItems.Any(i => i is AgencyItem.Name or AgencyItem.Functions))
                {
                    required.Add(AttachmentKind.ChangeProof);
                }

                if (changedItems.Contains(AgencyItem.Address))
                {
                    required.Add(AttachmentKind.AddressProof);
                }

                if (changedItems.Contains(AgencyItem.PersonInCharge))
                {
                    required.Add(AttachmentKind.PersonInChargeAppointment);
                    required.Add(AttachmentKind.PersonInChargeId);
                }

                return required;
            case FilingKind.AgencyReissue:
                return cause switch
                {
                    ReissueCause.Loss => [AttachmentKind.ApplicationForm, AttachmentKind.LossDeclaration],
                    ReissueCause.Damage => [AttachmentKind.ApplicationForm, AttachmentKind.DamagedCertificate],
                    ReissueCause.Expiry => [AttachmentKind.ApplicationForm, AttachmentKind.ExpiringCertificate],
                    _ => [AttachmentKind.ApplicationForm],
                };
            case FilingKind.AgencyCancellation:
                return [AttachmentKind.ApplicationForm, AttachmentKind.CancellingDocument];
            default:
                return [];
        }
    }

    /// <summary>The materials that must be attached before the filing can be submitted.</summary>
    public static IReadOnlyList<AttachmentKind> Required(FilingKind kind, IReadOnlyCollection<RegisteredItem> changedItems)
    {
        switch (kind)
        {
            case FilingKind.Setup:
                return
                [
                    AttachmentKind.ApplicationForm, AttachmentKind.DraftCharter, AttachmentKind.ApprovalDocument,
                    AttachmentKind.LegalRepresentativeAppointment, AttachmentKind.LegalRepresentativeId,
                    AttachmentKind.CapitalConfirmation, AttachmentKind.DomicileProof,
                ];
            case FilingKind.Change:
                var required = new List<AttachmentKind> { AttachmentKind.ApplicationForm };
                if (changedItems.Contains(RegisteredItem.Name))
                {
                    required.Add(AttachmentKind.NameApproval);
                }

                if (changedItems.Contains(RegisteredItem.Domicile))
                {
                    required.Add(AttachmentKind.DomicileProof);
                }

                if (changedItems.Contains(RegisteredItem.LegalRepresentative))
                {
                    required.Add(AttachmentKind.LegalRepresentativeAppointment);
                    required.Add(AttachmentKind.LegalRepresentativeId);
                }

                if (changedItems.Any(i => i is RegisteredItem.FundingSource or RegisteredItem.StartupCapital or RegisteredItem.Sponsor))
                {
                    required.Add(AttachmentKind.ChangeProof);
                }

                // A scope change needs the licence only when it touches licensed work: the registrar judges that.
                return required;
            case FilingKind.Deregistration:
                return [AttachmentKind.ApplicationForm, AttachmentKind.DissolutionDecision, AttachmentKind.ClearingReport, AttachmentKind.NoticePublication];
            case FilingKind.CertificateReissue:
                return [AttachmentKind.ApplicationForm, AttachmentKind.LossDeclaration];
            case FilingKind.CertificateRenewal:
                return [AttachmentKind.ApplicationForm, AttachmentKind.ExpiringCertificate];
            default:
                return [];
        }
    }
}
