using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Certificates;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Register;
using Portal.Web.Features.Shared;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Agencies;

public sealed record AgencySearchRow(string Code, string Name, AgencyCategory Category, AgencyStatus Status, string Address, string Office);

public sealed record AgencyChangeRow(DateOnly EffectiveOn, string LabelKey, string Old, string New);

/// <summary>What the public sees of an organ or people's organisation: what its certificate shows, the person in charge by name only.</summary>
public sealed record AgencyProfileViewModel(
    string Code, AgencyItems Items, AgencyStatus Status, DateOnly RegisteredOn, DateOnly? CancelledOn, string OfficeName,
    string? CertificateNumber, CertificateStatus? CertificateStatus, DateOnly? CertificateValidUntil,
    IReadOnlyList<AgencyChangeRow> Changes, IReadOnlyList<PublicAnnouncementRow> Announcements);

/// <summary>The agencies' half of the public register (机关、群团赋码): search and profile pages.</summary>
public static class AgencyRegister
{
    /// <summary>
    /// Agencies by name (substring) or code (exact), optionally of one category and office. An office holds hundreds of
    /// agencies, not a million: a name scan over the agencies table stays small, and the listing is bounded like the rest.
    /// </summary>
    public static async Task<(List<AgencySearchRow> Rows, int Total, bool MoreThan, int Page)> SearchAsync(
        PortalDbContext db, string? term, string? code, AgencyCategory? category, Guid? office, int page, int pageSize, IReadOnlyDictionary<Guid, string> officeNames, CancellationToken ct)
    {
        var query = db.Agencies.AsNoTracking();
        if (category is { } c)
        {
            query = query.Where(a => a.Current.Category == c);
        }

        if (office is { } o)
        {
            query = query.Where(a => a.OfficeId == o);
        }

        if (code is not null)
        {
            query = query.Where(a => a.Code == code);
        }
        else if (!string.IsNullOrEmpty(term))
        {
            query = query.Where(a => a.Current.Name.Contains(term));
        }

        var (total, moreThan, p) = await PublicListing.BoundAsync(query, page, pageSize, ct);
        var found = await query.OrderBy(a => a.Current.Name).ThenBy(a => a.Code).Skip((p - 1) * pageSize).Take(pageSize)
            .Select(a => new { a.Code, a.Current.Name, a.Current.Category, a.Status, a.Current.Address, a.OfficeId })
            .ToListAsync(ct);
        return (found.Select(f => new AgencySearchRow(f.Code, f.Name, f.Category, f.Status, f.Address, officeNames.GetValueOrDefault(f.OfficeId) ?? string.Empty)).ToList(), total, moreThan, p);
    }

    public static async Task<AgencyProfileViewModel?> ProfileAsync(PortalDbContext db, string code, DateOnly today, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == code)
            .Select(a => new { a.Id, a.Code, a.Current, a.Status, a.RegisteredOn, a.CancelledOn, a.OfficeId, a.PaperCertificateNumber, a.PaperCertificateValidUntil })
            .SingleOrDefaultAsync(ct);
        if (agency is null)
        {
            return null;
        }

        var office = (await ReferenceNames.OfficesAsync(db, ct))[agency.OfficeId];
        var certificate = await db.AgencyCertificates.AsNoTracking().Where(c => c.AgencyId == agency.Id).OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Number)
            .Select(c => new { c.Number, c.Status, c.ValidUntil }).FirstOrDefaultAsync(ct);
        var versions = await db.Set<AgencyVersion>().AsNoTracking().Where(v => v.AgencyId == agency.Id).OrderBy(v => v.Number)
            .Select(v => new { v.EffectiveOn, v.Items }).ToListAsync(ct);
        var changes = new List<AgencyChangeRow>();
        for (var n = 1; n < versions.Count; n++)
        {
            var (before, after) = (versions[n - 1].Items, versions[n].Items);
            void Add(string key, string old, string now)
            {
                if (old != now)
                {
                    changes.Add(new AgencyChangeRow(versions[n].EffectiveOn, key, old, now));
                }
            }

            // The person in charge by name only: identity numbers never leave the back office.
            Add("Agency.Name", before.Name, after.Name);
            Add("Agency.Functions", before.Functions, after.Functions);
            Add("Agency.Address", before.Address, after.Address);
            Add("Agency.PersonInCharge", before.PersonInCharge, after.PersonInCharge);
        }

        changes.Reverse();
        var announcements = (await db.Announcements.AsNoTracking().Where(a => a.AgencyId == agency.Id).OrderByDescending(a => a.PublishedUtc).Take(50)
            .Select(a => new { a.Id, a.PublishedOn, a.TitleZh, a.TitleEn }).ToListAsync(ct))
            .Select(a => new PublicAnnouncementRow(a.Id, a.PublishedOn, Cultures.Pick(a.TitleZh, a.TitleEn))).ToList();
        var status = certificate is null ? (CertificateStatus?)null
            : CertificateStatuses.On(certificate.Status, certificate.ValidUntil, today);
        return new AgencyProfileViewModel(agency.Code, agency.Current with { PersonInChargeIdNumber = string.Empty }, agency.Status, agency.RegisteredOn, agency.CancelledOn,
            Cultures.Pick(office.Zh, office.En), certificate?.Number ?? agency.PaperCertificateNumber, status,
            certificate is null ? agency.PaperCertificateValidUntil : certificate.ValidUntil, changes, announcements);
    }
}
