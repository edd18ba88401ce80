using Portal.Domain.Agencies;
using Portal.Domain.Filings;
using Portal.Domain.Instruments;
using Portal.Infrastructure.Instruments;
using Portal.Web.Features.Agencies;

namespace Portal.Web.Features.Documents;

public sealed partial class FilingInstruments
{
    /// <summary>准予决定书 of an agency filing: the code, the items (old → new for a change), the certificate, what to hand in.</summary>
    public Task<Instrument> AgencyApprovalAsync(Filing f, AgencyApprovalOutcome outcome, CancellationToken ct)
    {
        var today = clocks.Today;
        var agency = outcome.Agency;
        var items = new List<(string, string)> { ("机构名称", agency.Current.Name), ("统一社会信用代码", agency.Code), ("机构类别", ApplyAgencyApproval.Category(agency.Current.Category)) };
        switch (f.Kind)
        {
            case FilingKind.AgencyFirstApplication:
                items.AddRange([("地址", agency.Current.Address), ("负责人", agency.Current.PersonInCharge), ("主要职能", agency.Current.Functions), ("设立文件", agency.Current.EstablishingDocument)]);
                break;
            case FilingKind.AgencyChange when f.AgencyBase is { } before && f.AgencyProposed is { } after:
                foreach (var item in f.ChangedAgencyItems())
                {
                    var (label, old, now) = item switch
                    {
                        AgencyItem.Name => ("名称", before.Name, after.Name),
                        AgencyItem.Functions => ("主要职能", before.Functions, after.Functions),
                        AgencyItem.Address => ("地址", before.Address, after.Address),
                        _ => ("负责人", before.PersonInCharge, after.PersonInCharge),
                    };
                    items.Add(("变更" + label, $"{old} → {now}"));
                }

                break;
        }

        items.Add(("生效日期", Day(today)));
        if (outcome.Issued is { } issued)
        {
            items.Add(("证书编号", issued.Number));
            if (issued.ValidUntil is { } end)
            {
                items.Add(("证书有效期", $"{Day(issued.IssuedOn)}至{Day(end)}"));
            }
        }

        var notices = new List<string>();
        if (outcome.Previous is { } previous && (f.Kind == FilingKind.AgencyChange || f.ReissueCause == ReissueCause.Expiry))
        {
            notices.Add($"请于领取新证书时交回原《统一社会信用代码证书》正本和副本（证书编号：{previous.Number}）。");
        }

        if (f.Kind == FilingKind.AgencyCancellation)
        {
            notices.Add("《统一社会信用代码证书》正本、副本和印章已收回。该统一社会信用代码自注销之日起停止使用，不再赋予其他机构。");
        }
        else if (outcome.Issued is not null)
        {
            notices.Add("电子证书已同时颁发，可在平台下载，并可扫描证书上的二维码核验。");
        }

        var verb = f.Kind switch
        {
            FilingKind.AgencyFirstApplication => "准予赋码并颁发《统一社会信用代码证书》",
            FilingKind.AgencyChange => "准予变更《统一社会信用代码证书》登记事项",
            FilingKind.AgencyReissue => f.ReissueCause is ReissueCause.Damage or ReissueCause.Expiry ? "准予换领《统一社会信用代码证书》" : "准予补领《统一社会信用代码证书》",
            _ => "准予注销统一社会信用代码",
        };
        var body = new InstrumentBody(
            agency.Current.Name,
            [$"{Opening(f)}，经审查，符合机关、群团统一社会信用代码赋码管理的有关规定，决定{verb}。有关事项如下："],
            items,
            notices);
        return issuer.IssueAsync(new InstrumentRequest(f.OfficeId, InstrumentKind.Approval, today, body, f.Id, null, f.ApplicantUserId, outcome.Issued?.Id), ct);
    }
}
