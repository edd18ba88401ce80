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
        _ => [],
    };

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
