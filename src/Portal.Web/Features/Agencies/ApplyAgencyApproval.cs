using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Agencies;
using Portal.Domain.Announcements;
using Portal.Domain.Certificates;
using Portal.Domain.Codes;
using Portal.Domain.Filings;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Codes;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Features.Agencies;

/// <summary>What an approved agency filing did: the agency, and the certificate issued and the one it replaced or voided.</summary>
public sealed record AgencyApprovalOutcome(Agency Agency, AgencyCertificate? Issued, AgencyCertificate? Previous);

/// <summary>
/// What an approval of an agency filing does to the register, inside the approving transaction: a first application assigns
/// the code (keeping an old organisation code's body when it was never issued to anyone else) and issues the certificate; a
/// change records a version and issues a new certificate superseding the old; a re-issue voids the old one; a cancellation
/// retires the code for good and voids the certificate.
/// </summary>
public sealed class ApplyAgencyApproval(PortalDbContext db, CodeRegistry codes, UserManager<PortalUser> users, AgencyCertificateIssuer certificates)
{
    public async Task<AgencyApprovalOutcome> HandleAsync(Filing filing, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == filing.OfficeId, ct);
        switch (filing.Kind)
        {
            case FilingKind.AgencyFirstApplication:
                var items = filing.AgencyProposed!;
                var category = Agency.CodeCategoryOf(items.Category);
                UnifiedSocialCreditCode code;
                if (filing.OldOrganisationCode is { } old)
                {
                    if (!UnifiedSocialCreditCode.TryFromOrganisationCode(category, office.RegionCode, old, out code))
                    {
                        throw new DomainRuleException(FilingErrors.OldCodeInvalid);
                    }

                    var body = code.Body;
                    if (await db.IssuedCodes.AnyAsync(c => c.Body == body, ct))
                    {
                        throw new DomainRuleException(AgencyErrors.OldCodeInUse);
                    }

                    codes.Record(code, office.Id, nowUtc);
                }
                else
                {
                    code = await codes.AssignNewCodeAsync(category, office.Id, office.RegionCode, ct, nowUtc);
                }

                var agency = Agency.Register(office.Id, code, items, today, nowUtc);
                db.Agencies.Add(agency);
                filing.RecordCreatedAgency(agency.Id);
                await LinkApplicantAsync(filing.ApplicantUserId, agency.Id);
                db.Announcements.Add(Announcement.AboutAgency(office.Id, agency.Id, AnnouncementKind.AgencyCodeAssigned,
                    $"{items.Name}赋码公告", $"Code assigned: {items.Name}",
                    $"经审核，准予{items.Name}（{Category(items.Category)}）赋予统一社会信用代码：{agency.Code}，并颁发《统一社会信用代码证书》。地址：{items.Address}；负责人：{items.PersonInCharge}。",
                    $"{items.Name} has been assigned the unified social credit code {agency.Code} and issued its code certificate. Address: {items.Address}; person in charge: {items.PersonInCharge}.",
                    today, nowUtc));
                return new AgencyApprovalOutcome(agency, await certificates.IssueAsync(agency, AgencyCertificateReason.FirstApplication, today, ct), null);
            case FilingKind.AgencyChange:
                var changing = await LoadAsync(filing, ct);
                var before = changing.Current;
                changing.RecordChange(filing.AgencyProposed!, today, nowUtc);
                // Every act is announced (domain.md): each changed item, old → new; the person in charge by name only.
                var lines = AgencyItems.Changed(before, changing.Current).Select(item => item switch
                {
                    AgencyItem.Name => ("名称", "name", before.Name, changing.Current.Name),
                    AgencyItem.Functions => ("主要职能", "functions", before.Functions, changing.Current.Functions),
                    AgencyItem.Address => ("地址", "address", before.Address, changing.Current.Address),
                    _ => ("负责人", "person in charge", before.PersonInCharge, changing.Current.PersonInCharge),
                }).Where(l => l.Item3 != l.Item4).ToList();
                db.Announcements.Add(Announcement.AboutAgency(office.Id, changing.Id, AnnouncementKind.AgencyChange,
                    $"{before.Name}《统一社会信用代码证书》变更公告", $"Change of code certificate: {before.Name}",
                    $"经审核，准予{before.Name}（统一社会信用代码：{changing.Code}）变更登记事项：" + string.Join("；", lines.Select(l => $"{l.Item1}由“{l.Item3}”变更为“{l.Item4}”")) + "。",
                    $"{before.Name} (unified social credit code {changing.Code}) changed: " + string.Join("; ", lines.Select(l => $"{l.Item2} from “{l.Item3}” to “{l.Item4}”")) + ".",
                    today, nowUtc));

                return await IssuedAsync(changing, AgencyCertificateReason.Change, today, VoidReason.Loss, ct);
            case FilingKind.AgencyReissue:
                var reissuing = await LoadAsync(filing, ct);
                return filing.ReissueCause == ReissueCause.Expiry
                    ? await IssuedAsync(reissuing, AgencyCertificateReason.Renewal, today, VoidReason.Loss, ct)
                    : await IssuedAsync(reissuing, AgencyCertificateReason.Reissue, today, filing.ReissueCause == ReissueCause.Damage ? VoidReason.Damage : VoidReason.Loss, ct);
            case FilingKind.AgencyCancellation:
                var cancelled = await LoadAsync(filing, ct);
                cancelled.Cancel(today);
                db.Announcements.Add(Announcement.AboutAgency(office.Id, cancelled.Id, AnnouncementKind.AgencyCancelled,
                    $"{cancelled.Current.Name}注销公告", $"Cancellation of {cancelled.Current.Name}",
                    $"经审核，准予{cancelled.Current.Name}（统一社会信用代码：{cancelled.Code}）注销，其《统一社会信用代码证书》同时作废，证书和印章已收回。该代码不再使用。",
                    $"{cancelled.Current.Name} (unified social credit code {cancelled.Code}) is cancelled; its code certificate is void and its certificate and seal were collected. The code is never reused.",
                    today, nowUtc));
                return new AgencyApprovalOutcome(cancelled, null, await certificates.VoidCurrentAsync(cancelled, VoidReason.Deregistration, today, ct));
            default:
                throw new DomainRuleException(FilingErrors.WrongKind);
        }
    }

    public static string Category(AgencyCategory category) => AgencyCertificateContent.CategoryZh(category);

    private async Task<AgencyApprovalOutcome> IssuedAsync(Agency agency, AgencyCertificateReason reason, DateOnly today, VoidReason voidCause, CancellationToken ct)
    {
        // The issuer loaded the predecessor it supersedes or voids: it is in the change tracker.
        var issued = await certificates.IssueAsync(agency, reason, today, ct, voidCause);
        return new AgencyApprovalOutcome(agency, issued, issued.PredecessorId is { } pid ? db.AgencyCertificates.Local.FirstOrDefault(c => c.Id == pid) : null);
    }

    private async Task<Agency> LoadAsync(Filing filing, CancellationToken ct) =>
        await db.Agencies.Include(a => a.Versions).SingleOrDefaultAsync(a => a.Id == filing.AgencyId && a.OfficeId == filing.OfficeId, ct)
        ?? throw new DomainRuleException(FilingErrors.AgencyNotActive);

    /// <summary>The body's own new account becomes its account; a superior department's account stays with its own agency.</summary>
    private async Task LinkApplicantAsync(string userId, Guid agencyId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.InstitutionId is not null || user.AgencyId is not null)
        {
            return;
        }

        user.AgencyId = agencyId;
        await users.UpdateAsync(user);
        if (!await users.IsInRoleAsync(user, Roles.InstitutionUser))
        {
            await users.AddToRoleAsync(user, Roles.InstitutionUser);
        }
    }
}
