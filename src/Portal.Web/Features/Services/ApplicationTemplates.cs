using System.Globalization;
using Portal.Domain.Agencies;
using Portal.Domain.Filings;
using Portal.Domain.Services;
using Portal.Infrastructure.Templates;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Services;

/// <summary>
/// The application form (申请书) of each filing kind as a blank template (样表). Its fields are the items the filing
/// form asks for (the registered items, the agency items, the deregistration reasons, the re-issue causes) and its
/// checklist is <see cref="ServiceCatalogue.Materials"/>: the same definitions the portal checks a filing against.
/// Printed in Chinese, as the office's forms are.
/// </summary>
public static class ApplicationTemplates
{
    private static readonly CultureInfo Zh = new(Cultures.Chinese);

    private static string T(string key) => PortalStrings.Instance.Find(key, Zh) ?? throw new InvalidOperationException("No Chinese text for " + key);

    private static readonly RegisteredItem[] PrintedItems =
    [
        RegisteredItem.Name, RegisteredItem.Domicile, RegisteredItem.PurposeAndScope, RegisteredItem.LegalRepresentative,
        RegisteredItem.FundingSource, RegisteredItem.StartupCapital, RegisteredItem.Sponsor,
    ];

    public static FormTemplate For(ServiceDefinition service, DateOnly today)
    {
        var kind = service.Kind ?? throw new ArgumentException("Only filings have an application form.", nameof(service));
        var sections = new List<FormTemplateSection>();
        var identity = new FormTemplateSection("申请单位", [new(T("Item.Name")), new(T("Field.Code"))]);
        switch (kind)
        {
            case FilingKind.Setup:
                sections.Add(new("拟设立事业单位登记事项",
                [
                    new(T("Item.Name")), new(T("Item.SecondName")), new(T("Item.Domicile")), new(T("Item.PurposeAndScope"), 3),
                    new(T("Item.LegalRepresentative")), new(T("Item.LegalRepresentativeId")), new(T("Item.FundingSource")),
                    new(T("Item.StartupCapitalUnit")), new(T("Item.Sponsor")),
                ]));
                sections.Add(new(T("Filing.Approval"), [new(T("Filing.ApprovalDocumentNumber")), new(T("Filing.ApprovalDocumentDate")), new(T("Filing.StaffingQuota"))]));
                break;
            case FilingKind.Change:
                sections.Add(identity);
                sections.Add(new("变更事项（只填写变更的事项）", PrintedItems.Select(i => new FormTemplateField(T("Item." + i), i == RegisteredItem.PurposeAndScope ? 3 : 1)).ToList(), ["事项", "变更前", "变更后"]));
                sections.Add(new("住所变更", [new(T("Filing.PlannedMoveDate"))]));
                break;
            case FilingKind.Deregistration:
                sections.Add(identity);
                sections.Add(new(T("Filing.DeregistrationReason") + "（勾选一项）", Enum.GetValues<DeregistrationReason>().Select(r => new FormTemplateField("□ " + T("DeregistrationReason." + r))).ToList()));
                break;
            case FilingKind.CertificateReissue:
            case FilingKind.CertificateRenewal:
                sections.Add(new("申请单位", [new(T("Item.Name")), new(T("Field.Code")), new("原证书编号"), new(kind == FilingKind.CertificateReissue ? "遗失情况说明" : "换领说明", 3)]));
                break;
            case FilingKind.AgencyFirstApplication:
                sections.Add(new("机构基本情况",
                [
                    new(T("Agency.Name")), new(T("Agency.SecondName")),
                    new(T("Agency.Category") + "（" + string.Join(" / ", Enum.GetValues<AgencyCategory>().Select(c => "□ " + T("AgencyCategory." + c))) + "）"),
                    new(T("Agency.EstablishingDocument")), new(T("Agency.Functions"), 3), new(T("Agency.Address")),
                    new(T("Agency.PersonInCharge")), new(T("Agency.PersonInChargeIdNumber")), new(T("Agency.OldOrganisationCode")),
                ]));
                break;
            case FilingKind.AgencyChange:
                sections.Add(new("申请机构", [new(T("Agency.Name")), new(T("Field.Code"))]));
                sections.Add(new("变更事项（只填写变更的事项）", Enum.GetValues<AgencyItem>().Select(i => new FormTemplateField(T("AgencyItem." + i), i == AgencyItem.Functions ? 3 : 1)).ToList(), ["事项", "变更前", "变更后"]));
                break;
            case FilingKind.AgencyReissue:
                sections.Add(new("申请机构", [new(T("Agency.Name")), new(T("Field.Code"))]));
                sections.Add(new(T("Agency.ReissueCause") + "（勾选一项）", Enum.GetValues<ReissueCause>().Select(c => new FormTemplateField("□ " + T("ReissueCause." + c))).ToList()));
                break;
            case FilingKind.AgencyCancellation:
                sections.Add(new("申请机构", [new(T("Agency.Name")), new(T("Field.Code")), new("撤销文件文号"), new("证书、印章交回情况", 2)]));
                break;
        }

        sections.Add(new("经办人", [new("姓名"), new("联系电话")]));
        var materials = ServiceCatalogue.Materials(service).Select(m => new FormTemplateMaterial(
            T(m.Code),
            m.Required ? "必需" : m.When.Count > 0 ? string.Join("；", m.When.Select(When)) + "必需" : "可选")).ToList();
        var signatures = FilingKinds.IsAgency(kind) ? new[] { "机构负责人（签字）：", "机构（盖章）：" } : ["法定代表人（签字）：", "单位（盖章）："];
        return new FormTemplate(
            T("Service." + service.Item) + "申请书",
            $"样表 · 依据本系统办理规则生成（{today:yyyy-MM-dd}） · 填写后签字盖章，扫描作为“{T("Attachment.ApplicationForm")}”上传",
            sections,
            materials,
            signatures,
            T("Service." + service.Item) + " · 样表");
    }

    private static string When(string condition) => MaterialCondition.Format(condition, T, english: false);
}
