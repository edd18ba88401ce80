using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Announcements;
using Portal.Domain.Certificates;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Files;

namespace Portal.Infrastructure.Certificates;

/// <summary>Called in an approval's transaction: the certificate side of every approved filing.</summary>
public interface ICertificateIssuance
{
    Task<CertificateOutcome> OnApprovedAsync(Filing filing, Institution institution, DateOnly today, CancellationToken ct);
}

/// <summary>What an approval did to certificates: the one issued (if any) and the one it replaced or voided (if any).</summary>
public sealed record CertificateOutcome(Certificate? Issued, Certificate? Previous);

/// <summary>Section "Portal" as the infrastructure needs it: the public address printed in QR codes.</summary>
public sealed class PublicUrlOptions
{
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
}

/// <summary>
/// Issues, supersedes and voids certificates. A new certificate gets the next number of its office
/// and year, a validity by the rules of <see cref="Certificate.ValidityEnd"/>, a signed QR token and its
/// two PDFs, rendered once and stored with their SHA-256. Call inside the caller's transaction.
/// </summary>
public sealed class CertificateIssuer(PortalDbContext db, SigningKeyStore keys, Instruments.DocumentSigners signers, Instruments.InstrumentIssuer instruments, IOptions<PublicUrlOptions> urls, TimeProvider clock, Observability.PortalMetrics metrics) : ICertificateIssuance
{
    public async Task<CertificateOutcome> OnApprovedAsync(Filing filing, Institution institution, DateOnly today, CancellationToken ct)
    {
        var reason = filing.Kind switch
        {
            FilingKind.Setup => CertificateIssueReason.Setup,
            FilingKind.Change when filing.Base is not null && filing.Proposed is not null && PrintedItems.Differ(filing.Base, filing.Proposed) => CertificateIssueReason.Change,
            FilingKind.CertificateReissue => CertificateIssueReason.Reissue,
            FilingKind.CertificateRenewal => CertificateIssueReason.Renewal,
            _ => (CertificateIssueReason?)null,
        };
        if (reason is { } r)
        {
            // IssueAsync loaded the predecessor it supersedes or voids: it is in the change tracker, no second query.
            var issued = await IssueAsync(institution, r, today, ct);
            return new CertificateOutcome(issued, issued.PredecessorId is { } pid ? db.Certificates.Local.FirstOrDefault(c => c.Id == pid) : null);
        }

        if (filing.Kind == FilingKind.Deregistration)
        {
            return new CertificateOutcome(null, await VoidCurrentAsync(institution, VoidReason.Deregistration, today, "注销登记 / deregistered", ct));
        }

        return new CertificateOutcome(null, null);
    }

    public async Task<Certificate> IssueAsync(Institution institution, CertificateIssueReason reason, DateOnly issuedOn, CancellationToken ct, DateOnly? validUntilOverride = null)
    {
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == institution.OfficeId, ct);
        var predecessor = await db.Certificates.SingleOrDefaultAsync(c => c.InstitutionId == institution.Id && c.Status == CertificateStatus.Valid, ct);
        var serial = await new NumberSequence(db).NextAsync($"certificate:{office.RegionCode}:{issuedOn.Year}", ct);
        var number = $"{office.RegionCode}{issuedOn.Year}{serial:D6}";
        var validUntil = validUntilOverride ?? Certificate.ValidityEnd(reason, issuedOn, predecessor?.ValidUntil ?? institution.CertificateValidUntil);

        var items = institution.Current;
        var claims = new CertificateClaims(number, institution.Code, items.Name, CertificateClaims.Day(issuedOn), CertificateClaims.Day(validUntil), CertificateClaims.Day(issuedOn));
        var token = CertificateTokens.SignForQr(claims, keys.Active, urls.Value.PublicBaseUrl);
        var funding = await db.FundingSources.AsNoTracking().Where(f => f.Code == items.FundingSourceCode).Select(f => f.NameZh).SingleOrDefaultAsync(ct) ?? items.FundingSourceCode;
        var content = new CertificateContent(number, institution.Code, items.Name, items.SecondName, items.PurposeAndScope, items.Domicile, items.LegalRepresentative,
            funding, items.StartupCapital, items.Sponsor, issuedOn, validUntil, issuedOn, office.NameZh, token.Url);
        var (originalPdf, duplicatePdf) = CertificatePdfRenderer.Render(content, signers.For(office.RegionCode, office.NameZh));
        var now = clock.GetUtcNow().UtcDateTime;
        var original = StoredFile.Create(originalPdf, now);
        var duplicate = StoredFile.Create(duplicatePdf, now);
        db.StoredFiles.AddRange(original, duplicate);

        var certificate = Certificate.Issue(Guid.CreateVersion7(), number, institution, office.NameZh, reason, issuedOn, validUntil, predecessor?.Id, token,
            new RenderedPair(original.Id, original.Sha256, duplicate.Id, duplicate.Sha256));
        db.Certificates.Add(certificate);
        metrics.CertificateIssued(reason.ToString());

        if (predecessor is not null)
        {
            if (reason == CertificateIssueReason.Reissue)
            {
                // A lost certificate is declared void by announcement (domain.md, 证书补领).
                predecessor.Void(VoidReason.Loss, issuedOn, "遗失补领 / lost, re-issued", certificate.Id);
                metrics.CertificateVoided(nameof(VoidReason.Loss));
                AnnounceVoid(predecessor, institution, VoidReason.Loss, issuedOn, now);
                await NoticeOfVoidAsync(predecessor, institution, VoidReason.Loss, issuedOn, ct);
            }
            else
            {
                predecessor.SupersedeBy(certificate.Id, issuedOn);
            }
        }

        institution.RecordCertificate(number, validUntil);
        return certificate;
    }

    /// <summary>Voids the institution's valid certificate, if it has one, and announces it.</summary>
    public async Task<Certificate?> VoidCurrentAsync(Institution institution, VoidReason reason, DateOnly on, string? note, CancellationToken ct)
    {
        var current = await db.Certificates.SingleOrDefaultAsync(c => c.InstitutionId == institution.Id && c.Status == CertificateStatus.Valid, ct);
        if (current is null)
        {
            return null;
        }

        await VoidAsync(current, institution, reason, on, note, ct);
        return current;
    }

    /// <summary>Voids a certificate, announces it and issues the 证书作废通知书. Call inside the caller's transaction.</summary>
    public async Task VoidAsync(Certificate certificate, Institution institution, VoidReason reason, DateOnly on, string? note, CancellationToken ct)
    {
        certificate.Void(reason, on, note);
        metrics.CertificateVoided(reason.ToString());
        AnnounceVoid(certificate, institution, reason, on, clock.GetUtcNow().UtcDateTime);
        await NoticeOfVoidAsync(certificate, institution, reason, on, ct);
    }

    private async Task NoticeOfVoidAsync(Certificate certificate, Institution institution, VoidReason reason, DateOnly on, CancellationToken ct)
    {
        var why = reason switch
        {
            VoidReason.Loss => "证书遗失，已补领新证书",
            VoidReason.Deregistration => "单位已注销登记",
            _ => "登记管理机关依法撤销登记",
        };
        var body = new Instruments.InstrumentBody(
            certificate.Printed.Name,
            [$"根据《事业单位登记管理暂行条例》及其实施细则的规定，你单位下列《事业单位法人证书》（正本和副本）自{on:yyyy年M月d日}起作废。"],
            [
                ("证书编号", certificate.Number),
                ("单位名称", certificate.Printed.Name),
                ("统一社会信用代码", certificate.Code),
                ("作废原因", why),
                ("作废日期", on.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture)),
            ],
            [reason == VoidReason.Loss
                ? "原证书作废已在本机关网站公告，原证书不得继续使用。"
                : "请将原《事业单位法人证书》正本和副本交回本机关；原证书自作废之日起不得继续使用。作废已在本机关网站公告。"]);
        var notice = await instruments.IssueAsync(new Instruments.InstrumentRequest(certificate.OfficeId, Portal.Domain.Instruments.InstrumentKind.CertificateVoid, on, body,
            InstitutionId: institution.Id, CertificateId: certificate.Id), ct);
        await instruments.DeliverAsync(notice, $"证书作废通知：{certificate.Number}", $"Certificate voided: {certificate.Number}",
            $"{certificate.Printed.Name}的《事业单位法人证书》（证书编号：{certificate.Number}）已作废，《证书作废通知书》（{notice.Number}）见附件。",
            $"The legal-person certificate no. {certificate.Number} of {certificate.Printed.Name} is void; the notice ({notice.Number}) is attached.", ct);
    }

    private void AnnounceVoid(Certificate certificate, Institution institution, VoidReason reason, DateOnly on, DateTime now)
    {
        var (zh, en) = reason switch
        {
            VoidReason.Loss => ("遗失", "lost"),
            VoidReason.Deregistration => ("注销登记", "deregistration"),
            _ => ("撤销登记", "revocation"),
        };
        db.Announcements.Add(new Announcement(
            certificate.OfficeId, institution.Id, AnnouncementKind.CertificateVoided,
            $"{certificate.Printed.Name}《事业单位法人证书》作废公告",
            $"Certificate voided: {certificate.Printed.Name}",
            $"{certificate.Printed.Name}（统一社会信用代码：{certificate.Code}）的《事业单位法人证书》（证书编号：{certificate.Number}）因{zh}，自{on:yyyy年MM月dd日}起作废。",
            $"The legal-person certificate no. {certificate.Number} of {certificate.Printed.Name} (unified social credit code {certificate.Code}) is void from {on:yyyy-MM-dd} ({en}).",
            on,
            now));
    }
}
