using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Certificates;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Domain.Instruments;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Instruments;
using Portal.Web.Features.Filings;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Documents;

/// <summary>
/// Writes the instrument of each act on a filing (行政许可法 arts. 32 and 38), in Chinese, and issues it in the act's
/// transaction. The texts follow the usual wording of registration offices' notices and decisions.
/// </summary>
public sealed partial class FilingInstruments(PortalDbContext db, InstrumentIssuer issuer, FilingClocks clocks)
{
    /// <summary>Administrative Reconsideration Law art. 20: 60 days; Administrative Procedure Law art. 46: six months.</summary>
    public const string Remedies = "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。";

    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Day(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string L(string key) => PortalStrings.Instance.Find(key, Zh) ?? key;

    private static string Name(Filing f) => f.Proposed?.Name ?? f.Base?.Name ?? f.AgencyProposed?.Name ?? f.AgencyBase?.Name ?? string.Empty;

    private static string Opening(Filing f) =>
        $"你单位于{Day(f.SubmittedOn ?? f.FirstSubmittedOn ?? DateOnly.FromDateTime(f.CreatedUtc))}提交的{L("FilingKind." + f.Kind)}申请（申请编号：{f.Number}）";

    private Task<Instrument> IssueAsync(Filing f, InstrumentKind kind, InstrumentBody body, CancellationToken ct) =>
        issuer.IssueAsync(new InstrumentRequest(f.OfficeId, kind, clocks.Today, body, f.Id, f.InstitutionId, f.InstitutionId is null ? f.ApplicantUserId : null), ct);

    /// <summary>受理通知书: the decision deadline printed is the queue's, in working days and as a date.</summary>
    public async Task<Instrument> AcceptanceAsync(Filing f, CancellationToken ct)
    {
        var calendar = await clocks.CalendarAsync(ct);
        var settings = await clocks.SettingsAsync(f.OfficeId, ct);
        var deadlines = FilingClock.Compute(f, calendar, settings, clocks.Today);
        var accepted = f.AcceptedOn ?? clocks.Today;
        var due = deadlines.NextDue ?? accepted.AddDays(settings.DecisionDays);
        var workingDays = calendar.WorkingDaysBetween(accepted, due);
        var body = new InstrumentBody(
            Name(f),
            [$"{Opening(f)}，经审查，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。"],
            [
                ("申请编号", f.Number),
                ("申请事项", L("FilingKind." + f.Kind)),
                (f.Kind is FilingKind.Setup or FilingKind.AgencyFirstApplication ? "拟设立单位" : "申请单位", Name(f)),
                ("收到申请日期", Day(f.SubmittedOn ?? accepted)),
                ("受理日期", Day(accepted)),
                ("决定期限", $"{workingDays}个工作日内，即{Day(due)}前作出决定"),
            ],
            [
                $"法定期限为自受理之日起{settings.DecisionDays}日（{Day(deadlines.LegalDecisionDue ?? accepted.AddDays(settings.DecisionDays))}前）。审查中需要补正材料的，自补正通知之日起至重新提交之日止的时间不计入决定期限。",
                "你单位可登录事业单位登记管理服务平台查看办理进度。",
            ]);
        return await IssueAsync(f, InstrumentKind.Acceptance, body, ct);
    }

    /// <summary>不予受理决定书: the reasons, where to apply instead, and the remedies with their time limits.</summary>
    public Task<Instrument> NonAcceptanceAsync(Filing f, CancellationToken ct)
    {
        var reasons = f.NonAcceptanceReasonList.Select((r, i) => ($"{i + 1}", r switch
        {
            NonAcceptanceReason.OutsideJurisdiction => $"申请事项不属于本机关职权范围，应当向{f.CompetentOffice}提出申请",
            NonAcceptanceReason.NoRegistrationNeeded => "申请事项依法不需要办理事业单位登记",
            _ => "申请人不具备提出该项申请的资格",
        })).ToList();
        if (f.RefusalReasons is { } note)
        {
            reasons.Add(("说明", note));
        }

        var notices = new List<string>();
        if (f.CompetentOffice is { } competent)
        {
            notices.Add($"请向{competent}提出申请。");
        }

        notices.Add(Remedies);
        var body = new InstrumentBody(
            Name(f),
            [$"{Opening(f)}，经审查，有下列情形，根据《中华人民共和国行政许可法》第三十二条第一款的规定，决定不予受理："],
            reasons,
            notices);
        return IssueAsync(f, InstrumentKind.NonAcceptance, body, ct);
    }

    /// <summary>补正材料通知书: every material and item to fix at once (一次性告知), the registrar's notes, the clock, how to resubmit.</summary>
    public Task<Instrument> SupplementAsync(Filing f, bool afterAcceptance, CancellationToken ct)
    {
        var items = f.ReturnChecklist.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select((code, i) => ($"{i + 1}", code.StartsWith("Item.", StringComparison.Ordinal) ? "登记事项：" + L(code) + "，请核实修改" : "申请材料：" + L("Attachment." + code) + "，请补正或重新上传"))
            .ToList();
        if (f.ReturnNote is { } note)
        {
            items.Add(("登记机关说明", note));
        }

        var notices = new List<string>
        {
            afterAcceptance
                ? "本申请已于" + Day(f.AcceptedOn ?? clocks.Today) + "受理。根据规定，自本通知发出之日起决定期限中止计算，至你单位重新提交补正材料之日起继续计算。"
                : "补正材料提交后，本机关将重新审查并决定是否受理。",
            "补正方式：请登录事业单位登记管理服务平台，在本申请页面按上述内容修改或补充材料后，点击“重新提交”。",
        };
        var body = new InstrumentBody(
            Name(f),
            [$"{Opening(f)}，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知需要补正的全部内容如下："],
            items,
            notices);
        return IssueAsync(f, InstrumentKind.Supplement, body, ct);
    }

    /// <summary>准予登记决定书: the items registered (old → new for a change), the effective date, the certificate, what to hand in.</summary>
    public async Task<Instrument> ApprovalAsync(Filing f, Institution institution, CertificateOutcome certificates, CancellationToken ct)
    {
        var today = clocks.Today;
        var funding = await db.FundingSources.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.NameZh, ct);
        string Fund(string code) => funding.GetValueOrDefault(code, code);
        var items = new List<(string, string)> { ("单位名称", institution.Current.Name), ("统一社会信用代码", institution.Code) };
        switch (f.Kind)
        {
            case FilingKind.Setup:
                var p = institution.Current;
                items.AddRange([("住所", p.Domicile), ("法定代表人", p.LegalRepresentative), ("宗旨和业务范围", p.PurposeAndScope), ("经费来源", Fund(p.FundingSourceCode)),
                    ("开办资金", p.StartupCapital.ToString("0.00", CultureInfo.InvariantCulture) + "万元"), ("举办单位", p.Sponsor)]);
                break;
            case FilingKind.Change when f.Base is { } before && f.Proposed is { } after:
                foreach (var item in f.ChangedItems())
                {
                    var (old, now) = item switch
                    {
                        RegisteredItem.Name => (before.Name, after.Name),
                        RegisteredItem.Domicile => (before.Domicile, after.Domicile),
                        RegisteredItem.PurposeAndScope => (before.PurposeAndScope, after.PurposeAndScope),
                        RegisteredItem.LegalRepresentative => (before.LegalRepresentative, after.LegalRepresentative),
                        RegisteredItem.FundingSource => (Fund(before.FundingSourceCode), Fund(after.FundingSourceCode)),
                        RegisteredItem.StartupCapital => (before.StartupCapital.ToString("0.00", CultureInfo.InvariantCulture) + "万元", after.StartupCapital.ToString("0.00", CultureInfo.InvariantCulture) + "万元"),
                        _ => (before.Sponsor, after.Sponsor),
                    };
                    items.Add(("变更" + L("Item." + item), $"{old} → {now}"));
                }

                break;
        }

        items.Add(("生效日期", Day(today)));
        if (certificates.Issued is { } issued)
        {
            items.Add(("证书编号", issued.Number));
            items.Add(("证书有效期", $"{Day(issued.ValidFrom)}至{Day(issued.ValidUntil)}"));
        }

        var notices = new List<string>();
        if (certificates.Previous is { } previous && f.Kind != FilingKind.CertificateReissue)
        {
            notices.Add($"请于领取新证书时交回原《事业单位法人证书》正本和副本（证书编号：{previous.Number}）。");
        }

        if (f.Kind == FilingKind.Deregistration)
        {
            notices.Add("自注销登记之日起，你单位的事业单位法人资格终止，《事业单位法人证书》同时废止，请交回证书正本、副本和单位印章。");
        }
        else if (certificates.Issued is not null)
        {
            notices.Add("电子证书已同时颁发，可在平台下载，并可扫描证书上的二维码核验。");
        }

        var verb = f.Kind switch
        {
            FilingKind.Setup => "准予设立登记",
            FilingKind.Change => "准予变更登记",
            FilingKind.Deregistration => "准予注销登记",
            FilingKind.CertificateReissue => "准予补领《事业单位法人证书》",
            _ => "准予换领《事业单位法人证书》",
        };
        var body = new InstrumentBody(
            institution.Current.Name,
            [$"{Opening(f)}，经审查，符合《事业单位登记管理暂行条例》及其实施细则规定的条件，根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定{verb}。登记事项如下："],
            items,
            notices);
        return await issuer.IssueAsync(new InstrumentRequest(f.OfficeId, InstrumentKind.Approval, today, body, f.Id, institution.Id, f.Kind == FilingKind.Setup ? f.ApplicantUserId : null,
            certificates.Issued?.Id), ct);
    }

    /// <summary>不予登记决定书: the reasons and the remedies with their time limits (art. 38 (2)).</summary>
    public Task<Instrument> RefusalAsync(Filing f, CancellationToken ct)
    {
        var body = new InstrumentBody(
            Name(f),
            [$"{Opening(f)}，经审查，不符合法定条件。根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予登记。理由如下："],
            [("理由", f.RefusalReasons ?? string.Empty)],
            [Remedies]);
        return IssueAsync(f, InstrumentKind.Refusal, body, ct);
    }
}
