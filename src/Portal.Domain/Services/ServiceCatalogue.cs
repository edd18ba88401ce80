using Portal.Domain.Agencies;
using Portal.Domain.AnnualReports;
using Portal.Domain.Filings;

namespace Portal.Domain.Services;

/// <summary>The office's service items (事项), each with its 办事指南.</summary>
public enum ServiceItem
{
    Setup,
    Change,
    Deregistration,
    CertificateReissue,
    CertificateRenewal,
    AnnualReport,
    CertificateVerification,
    AgencyFirstApplication,
    AgencyChange,
    AgencyReissue,
    AgencyCancellation,
}

/// <summary>Who a service is for: registered institutions (and sponsors setting one up), organs and people's organisations, or anyone.</summary>
public enum ServiceAudience
{
    Institution,
    Agency,
    Public,
}

/// <summary>The laws and rules a guide cites.</summary>
public enum LegalDocument
{
    /// <summary>《事业单位登记管理暂行条例》</summary>
    Regulation,

    /// <summary>《事业单位登记管理暂行条例实施细则》</summary>
    ImplementingRules,

    /// <summary>《中华人民共和国行政许可法》</summary>
    AdministrativeLicensingLaw,

    /// <summary>GB 32100-2015《法人和其他组织统一社会信用代码编码规则》</summary>
    CodeStandard,

    /// <summary>国发〔2015〕33号: the State Council's plan for the unified social credit code system.</summary>
    CodeScheme,
}

/// <summary>A citation; <paramref name="Article"/> is null where the guide cites the document as a whole.</summary>
public sealed record LegalBasis(LegalDocument Document, int? Article);

/// <summary>
/// One material as the guide states it. <paramref name="Code"/> names the material ("Attachment.DomicileProof",
/// "ReportAttachment.BalanceSheet"); <paramref name="When"/> lists the conditions that make it required
/// ("Item.Domicile", "AgencyItem.Address", "ReissueCause.Loss"), or is empty when it is required always or never.
/// </summary>
public sealed record ServiceMaterial(string Code, bool Required, IReadOnlyList<string> When);

/// <summary>
/// A service item's fixed facts. Materials and time limits are not stored here: they are derived from the rules the
/// portal enforces (<see cref="FilingMaterials"/>, <see cref="AnnualReport.RequiredAttachments"/>), so the guide
/// and the checks can never disagree.
/// </summary>
public sealed record ServiceDefinition(ServiceItem Item, string Slug, ServiceAudience Audience, FilingKind? Kind, IReadOnlyList<LegalBasis> Basis)
{
    /// <summary>A filing through the registration workflow, with its acceptance and decision clocks.</summary>
    public bool IsFiling => Kind is not null;
}

public static class ServiceCatalogue
{
    // Regulation art. 6 (conditions), 7 (documents), 8 (decision within 30 days), 10 (change), 13 (deregistration);
    // Administrative Licensing Law art. 32 (acceptance voucher, one-time notice of missing materials) and 38 (refusal).
    private static readonly LegalBasis[] Licensing = [new(LegalDocument.AdministrativeLicensingLaw, 32), new(LegalDocument.AdministrativeLicensingLaw, 38)];

    public static IReadOnlyList<ServiceDefinition> All { get; } =
    [
        new(ServiceItem.Setup, "setup", ServiceAudience.Institution, FilingKind.Setup,
            [new(LegalDocument.Regulation, 6), new(LegalDocument.Regulation, 7), new(LegalDocument.Regulation, 8), new(LegalDocument.ImplementingRules, null), .. Licensing]),
        new(ServiceItem.Change, "change", ServiceAudience.Institution, FilingKind.Change,
            [new(LegalDocument.Regulation, 8), new(LegalDocument.Regulation, 10), new(LegalDocument.ImplementingRules, null), .. Licensing]),
        new(ServiceItem.Deregistration, "deregistration", ServiceAudience.Institution, FilingKind.Deregistration,
            [new(LegalDocument.Regulation, 8), new(LegalDocument.Regulation, 13), new(LegalDocument.ImplementingRules, null), .. Licensing]),
        new(ServiceItem.CertificateReissue, "certificate-reissue", ServiceAudience.Institution, FilingKind.CertificateReissue,
            [new(LegalDocument.Regulation, null), new(LegalDocument.ImplementingRules, null)]),
        new(ServiceItem.CertificateRenewal, "certificate-renewal", ServiceAudience.Institution, FilingKind.CertificateRenewal,
            [new(LegalDocument.Regulation, null), new(LegalDocument.ImplementingRules, null)]),
        new(ServiceItem.AnnualReport, "annual-report", ServiceAudience.Institution, null,
            [new(LegalDocument.Regulation, null), new(LegalDocument.ImplementingRules, null)]),
        new(ServiceItem.CertificateVerification, "certificate-verification", ServiceAudience.Public, null,
            [new(LegalDocument.ImplementingRules, null)]),
        new(ServiceItem.AgencyFirstApplication, "agency-first-application", ServiceAudience.Agency, FilingKind.AgencyFirstApplication,
            [new(LegalDocument.CodeScheme, null), new(LegalDocument.CodeStandard, null)]),
        new(ServiceItem.AgencyChange, "agency-change", ServiceAudience.Agency, FilingKind.AgencyChange,
            [new(LegalDocument.CodeScheme, null), new(LegalDocument.CodeStandard, null)]),
        new(ServiceItem.AgencyReissue, "agency-reissue", ServiceAudience.Agency, FilingKind.AgencyReissue,
            [new(LegalDocument.CodeScheme, null)]),
        new(ServiceItem.AgencyCancellation, "agency-cancellation", ServiceAudience.Agency, FilingKind.AgencyCancellation,
            [new(LegalDocument.CodeScheme, null), new(LegalDocument.CodeStandard, null)]),
    ];

    public static ServiceDefinition? BySlug(string? slug) => All.FirstOrDefault(s => string.Equals(s.Slug, slug, StringComparison.Ordinal));

    public static ServiceDefinition ForKind(FilingKind kind) => All.Single(s => s.Kind == kind);

    /// <summary>The materials of a service, from the rules submission enforces.</summary>
    public static IReadOnlyList<ServiceMaterial> Materials(ServiceDefinition service)
    {
        if (service.Kind is { } kind)
        {
            return FilingMaterialsFor(kind);
        }

        if (service.Item == ServiceItem.AnnualReport)
        {
            return Enum.GetValues<ReportAttachmentKind>()
                .Select(k => new ServiceMaterial("ReportAttachment." + k, AnnualReport.RequiredAttachments.Contains(k), []))
                .ToList();
        }

        return [];
    }

    /// <summary>
    /// Every material a filing kind accepts: required always (in the set for a filing that changes nothing), required
    /// when a particular item changes or for a particular re-issue cause (what that condition adds), or optional.
    /// </summary>
    public static IReadOnlyList<ServiceMaterial> FilingMaterialsFor(FilingKind kind)
    {
        var always = FilingKinds.IsAgency(kind) ? FilingMaterials.RequiredForAgency(kind, [], null) : FilingMaterials.Required(kind, []);
        var conditional = new List<(string When, IReadOnlyList<AttachmentKind> Requires)>();
        switch (kind)
        {
            case FilingKind.Change:
                conditional.AddRange(Enum.GetValues<RegisteredItem>().Select(i => ("Item." + i, FilingMaterials.Required(kind, [i]))));
                break;
            case FilingKind.AgencyChange:
                conditional.AddRange(Enum.GetValues<AgencyItem>().Select(i => ("AgencyItem." + i, FilingMaterials.RequiredForAgency(kind, [i], null))));
                break;
            case FilingKind.AgencyReissue:
                conditional.AddRange(Enum.GetValues<ReissueCause>().Select(c => ("ReissueCause." + c, FilingMaterials.RequiredForAgency(kind, [], c))));
                break;
        }

        return FilingMaterials.Allowed(kind).Select(material =>
        {
            if (always.Contains(material))
            {
                return new ServiceMaterial("Attachment." + material, true, []);
            }

            var when = conditional.Where(c => c.Requires.Contains(material)).Select(c => c.When).ToList();
            return new ServiceMaterial("Attachment." + material, false, when);
        }).ToList();
    }
}
