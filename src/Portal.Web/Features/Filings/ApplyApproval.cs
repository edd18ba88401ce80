using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Announcements;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Certificates;
using Portal.Infrastructure.Codes;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Features.Filings;

/// <summary>
/// What an approval does to the register, inside the approving transaction: setup creates the
/// institution with a new code and makes the applicant its manager; change adds a version;
/// deregistration ends the institution; every approval may produce a certificate and announcements.
/// </summary>
public sealed class ApplyApproval(PortalDbContext db, CodeRegistry codes, UserManager<PortalUser> users, ICertificateIssuance certificates)
{
    public async Task<(Institution Institution, CertificateOutcome Certificates)> HandleAsync(Filing filing, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var office = await db.Offices.SingleAsync(o => o.Id == filing.OfficeId, ct);
        Institution institution;
        switch (filing.Kind)
        {
            case FilingKind.Setup:
                var code = await codes.AssignNewCodeAsync(office.Id, office.RegionCode, ct);
                institution = Institution.Register(office.Id, code, filing.Proposed!, today, nowUtc);
                db.Institutions.Add(institution);
                filing.RecordCreatedInstitution(institution.Id);

                // The instruments issued to the applicant so far (受理, 补正) now belong to the new institution as well.
                foreach (var earlier in await db.Instruments.Where(i => i.FilingId == filing.Id).ToListAsync(ct))
                {
                    earlier.AssignInstitution(institution.Id);
                }

                await MakeApplicantManagerAsync(filing.ApplicantUserId, institution.Id);
                Announce(AnnouncementKind.Setup, institution, today, nowUtc,
                    $"{institution.Current.Name}设立登记公告",
                    $"Registration of {institution.Current.Name}",
                    $"经审核，{institution.Current.Name}符合事业单位法人登记条件，准予设立登记。统一社会信用代码：{institution.Code}；住所：{institution.Current.Domicile}；法定代表人：{institution.Current.LegalRepresentative}；开办资金：{institution.Current.StartupCapital:0.00}万元；举办单位：{institution.Current.Sponsor}。\n宗旨和业务范围：{institution.Current.PurposeAndScope}",
                    $"{institution.Current.Name} has been registered as a public institution legal person. Unified social credit code: {institution.Code}; domicile: {institution.Current.Domicile}; legal representative: {institution.Current.LegalRepresentative}; start-up capital: CNY {institution.Current.StartupCapital:0.00} × 10,000; sponsor: {institution.Current.Sponsor}.");
                break;
            case FilingKind.Change:
                institution = await LoadInstitutionAsync(filing, ct);
                var before = institution.Current;
                institution.RecordChange(filing.Proposed!, today, nowUtc);
                var changed = filing.ChangedItems();
                if (changed.Contains(RegisteredItem.Name))
                {
                    Announce(AnnouncementKind.NameChange, institution, today, nowUtc,
                        $"{before.Name}名称变更登记公告",
                        $"Change of name: {before.Name}",
                        $"经审核，准予{before.Name}（统一社会信用代码：{institution.Code}）变更名称，变更后名称为：{institution.Current.Name}。",
                        $"{before.Name} (unified social credit code {institution.Code}) is registered under its new name: {institution.Current.Name}.");
                }

                if (changed.Contains(RegisteredItem.Domicile))
                {
                    Announce(AnnouncementKind.DomicileChange, institution, today, nowUtc,
                        $"{institution.Current.Name}住所变更登记公告",
                        $"Change of domicile: {institution.Current.Name}",
                        $"经审核，准予{institution.Current.Name}（统一社会信用代码：{institution.Code}）变更住所。原住所：{before.Domicile}；新住所：{institution.Current.Domicile}。",
                        $"{institution.Current.Name} (unified social credit code {institution.Code}) has moved. Former domicile: {before.Domicile}; new domicile: {institution.Current.Domicile}.");
                }

                break;
            case FilingKind.Deregistration:
                institution = await LoadInstitutionAsync(filing, ct);
                institution.Deregister(today);
                Announce(AnnouncementKind.Deregistration, institution, today, nowUtc,
                    $"{institution.Current.Name}注销登记公告",
                    $"Deregistration of {institution.Current.Name}",
                    $"经审核，准予{institution.Current.Name}（统一社会信用代码：{institution.Code}）注销登记，其《事业单位法人证书》同时废止。",
                    $"{institution.Current.Name} (unified social credit code {institution.Code}) is deregistered; its legal-person certificate is void.");
                break;
            default:
                institution = await LoadInstitutionAsync(filing, ct);
                break;
        }

        var outcome = await certificates.OnApprovedAsync(filing, institution, today, ct);
        return (institution, outcome);
    }

    private async Task<Institution> LoadInstitutionAsync(Filing filing, CancellationToken ct) =>
        await db.Institutions.SingleOrDefaultAsync(i => i.Id == filing.InstitutionId && i.OfficeId == filing.OfficeId, ct)
        ?? throw new DomainRuleException(FilingErrors.InstitutionNotRegistered);

    private async Task MakeApplicantManagerAsync(string userId, Guid institutionId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return; // the account was removed meanwhile: the institution still exists and the office can invite a manager
        }

        user.InstitutionId = institutionId;
        await users.UpdateAsync(user);
        foreach (var role in new[] { Roles.InstitutionUser, Roles.InstitutionManager })
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                await users.AddToRoleAsync(user, role);
            }
        }
    }

    private void Announce(AnnouncementKind kind, Institution institution, DateOnly today, DateTime nowUtc, string titleZh, string titleEn, string bodyZh, string bodyEn) =>
        db.Announcements.Add(new Announcement(institution.OfficeId, institution.Id, kind, titleZh, titleEn, bodyZh, bodyEn, today, nowUtc));
}
