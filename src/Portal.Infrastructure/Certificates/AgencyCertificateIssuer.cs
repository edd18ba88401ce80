using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Agencies;
using Portal.Domain.Announcements;
using Portal.Domain.Certificates;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;

namespace Portal.Infrastructure.Certificates;

/// <summary>What is printed on an agency's 《统一社会信用代码证书》, already in Chinese.</summary>
public sealed record AgencyCertificateContent(string Number, string Code, AgencyItems Items, DateOnly IssuedOn, DateOnly? ValidUntil, string OfficeName, string QrUrl)
{
    public static string CategoryZh(AgencyCategory category) => category switch
    {
        AgencyCategory.Organ => "机关",
        AgencyCategory.PeopleOrganisation => "群团",
        _ => "其他",
    };

    /// <summary>The same page as the legal-person certificate, with the agency's items and the 赋码专用章.</summary>
    public CertificateSheet Sheet()
    {
        var name = string.IsNullOrEmpty(Items.SecondName) ? Items.Name : $"{Items.Name}（{Items.SecondName}）";
        var fields = new List<(string, string)>
        {
            ("名　　称", name),
            ("机构类别", CategoryZh(Items.Category)),
            ("主要职能", Items.Functions),
            ("地　　址", Items.Address),
            ("负 责 人", Items.PersonInCharge),
            ("设立文件", Items.EstablishingDocument),
        };
        if (ValidUntil is { } end)
        {
            fields.Add(("有 效 期", $"自 {CertificateContent.ChineseDate(IssuedOn)} 至 {CertificateContent.ChineseDate(end)}"));
        }

        return new CertificateSheet("统一社会信用代码证书", Number, Code, fields, "主要职能", "赋码机关", OfficeName, IssuedOn, QrUrl, "赋码专用章", name);
    }
}

/// <summary>
/// Issues, supersedes and voids agencies' 《统一社会信用代码证书》, as <see cref="CertificateIssuer"/> does for institutions: the next
/// number of the office's certificate series, a QR token signed with the same keys whose family claim says "agency", two PDFs
/// sealed with the office's 赋码专用章. Call inside the caller's transaction.
/// </summary>
public sealed class AgencyCertificateIssuer(PortalDbContext db, SigningKeyStore keys, Instruments.DocumentSigners signers, IOptions<PublicUrlOptions> urls, TimeProvider clock, Observability.PortalMetrics metrics)
{
    /// <summary><paramref name="voidCause"/>: for a re-issue, why the old certificate is void (loss or damage); a renewal supersedes it.</summary>
    public async Task<AgencyCertificate> IssueAsync(Agency agency, AgencyCertificateReason reason, DateOnly issuedOn, CancellationToken ct, VoidReason voidCause = VoidReason.Loss)
    {
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == agency.OfficeId, ct);
        var predecessor = await CurrentAsync(db, agency.Id, ct);
        var serial = await new NumberSequence(db).NextAsync($"certificate:{office.RegionCode}:{issuedOn.Year}", ct);
        var number = $"{office.RegionCode}{issuedOn.Year}{serial:D6}";
        var validUntil = AgencyCertificate.ValidityEnd(office.AgencyCertificateValidityYears, reason, issuedOn, predecessor?.ValidUntil);

        var claims = new CertificateClaims(number, agency.Code, agency.Current.Name, CertificateClaims.Day(issuedOn),
            validUntil is { } end ? CertificateClaims.Day(end) : string.Empty, CertificateClaims.Day(issuedOn), CertificateClaims.AgencyFamily);
        var token = CertificateTokens.SignForQr(claims, keys.Active, urls.Value.PublicBaseUrl);
        var content = new AgencyCertificateContent(number, agency.Code, agency.Current, issuedOn, validUntil, office.NameZh, token.Url);
        var (originalPdf, duplicatePdf) = CertificatePdfRenderer.Render(content.Sheet(), signers.For(office.RegionCode, office.NameZh).ForAgencyCodes());
        var now = clock.GetUtcNow().UtcDateTime;
        var original = StoredFile.Create(originalPdf, now);
        var duplicate = StoredFile.Create(duplicatePdf, now);
        db.StoredFiles.AddRange(original, duplicate);

        var certificate = AgencyCertificate.Issue(Guid.CreateVersion7(), number, agency, office.NameZh, reason, issuedOn, validUntil, predecessor?.Id, token,
            new RenderedPair(original.Id, original.Sha256, duplicate.Id, duplicate.Sha256));
        db.AgencyCertificates.Add(certificate);
        metrics.CertificateIssued("Agency" + reason);
        if (predecessor is not null)
        {
            if (reason == AgencyCertificateReason.Reissue && predecessor.Status == CertificateStatus.Valid)
            {
                // 补领 after loss, 换领 after damage: either way the old certificate is void from today.
                Void(predecessor, agency, voidCause, issuedOn, certificate.Id);
            }
            else
            {
                // A change or renewal supersedes a valid certificate; an expired one keeps its status and points to the new one.
                predecessor.SupersedeBy(certificate.Id, issuedOn);
            }
        }

        return certificate;
    }

    /// <summary>The certificate the body holds now: the valid one, or the expired one nothing has replaced yet.</summary>
    public static Task<AgencyCertificate?> CurrentAsync(PortalDbContext db, Guid agencyId, CancellationToken ct) =>
        db.AgencyCertificates.Where(c => c.AgencyId == agencyId
                && (c.Status == CertificateStatus.Valid || (c.Status == CertificateStatus.Expired && c.SuccessorId == null)))
            .OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Number).FirstOrDefaultAsync(ct);

    /// <summary>Voids the agency's valid certificate (cancellation; or re-issue with <paramref name="successorId"/>), and announces it.</summary>
    public async Task<AgencyCertificate?> VoidCurrentAsync(Agency agency, VoidReason reason, DateOnly on, CancellationToken ct)
    {
        var current = await db.AgencyCertificates.SingleOrDefaultAsync(c => c.AgencyId == agency.Id && c.Status == CertificateStatus.Valid, ct);
        if (current is not null)
        {
            Void(current, agency, reason, on, null);
        }

        return current;
    }

    private void Void(AgencyCertificate certificate, Agency agency, VoidReason reason, DateOnly on, Guid? successorId)
    {
        certificate.Void(reason, on, successorId);
        metrics.CertificateVoided("Agency" + reason);
        var (zh, en) = reason switch
        {
            VoidReason.Loss => ("遗失", "lost"),
            VoidReason.Damage => ("损毁换领", "damaged and exchanged"),
            _ => ("注销", "cancellation"),
        };
        db.Announcements.Add(Announcement.AboutAgency(
            certificate.OfficeId, agency.Id, AnnouncementKind.CertificateVoided,
            $"{certificate.Printed.Name}《统一社会信用代码证书》作废公告",
            $"Code certificate voided: {certificate.Printed.Name}",
            $"{certificate.Printed.Name}（统一社会信用代码：{certificate.Code}）的《统一社会信用代码证书》（证书编号：{certificate.Number}）因{zh}，自{on:yyyy年MM月dd日}起作废。",
            $"The code certificate no. {certificate.Number} of {certificate.Printed.Name} (unified social credit code {certificate.Code}) is void from {on:yyyy-MM-dd} ({en}).",
            on,
            clock.GetUtcNow().UtcDateTime));
    }
}
