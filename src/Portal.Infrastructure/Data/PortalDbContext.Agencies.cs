using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Certificates;
using Portal.Infrastructure.Feed;

namespace Portal.Infrastructure.Data;

/// <summary>The change feed's agency events (机关、群团赋码), collected from the same save as everything else.</summary>
public partial class PortalDbContext
{
    private List<FeedEvent> CollectAgencyFeedEvents(DateTime now)
    {
        var events = new List<FeedEvent>();
        FeedEvent Event(string kind, Guid agencyId, string code, object data) => new()
        {
            Kind = kind, InstitutionId = agencyId, Code = code, OccurredUtc = now,
            Data = JsonSerializer.Serialize(data, FeedJson.Options),
        };

        foreach (var entry in ChangeTracker.Entries<Agency>().ToList())
        {
            var a = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                events.Add(Event(FeedEventKinds.AgencyRegistered, a.Id, a.Code, new { name = a.Current.Name, category = a.Current.Category.ToString(), registeredOn = a.RegisteredOn, officeId = a.OfficeId }));
            }
            else if (entry.State == EntityState.Modified && entry.Property(x => x.Status).IsModified && entry.Property(x => x.Status).OriginalValue != a.Status && a.Status == AgencyStatus.Cancelled)
            {
                events.Add(Event(FeedEventKinds.AgencyCancelled, a.Id, a.Code, new { name = a.Current.Name, cancelledOn = a.CancelledOn }));
            }
        }

        foreach (var entry in ChangeTracker.Entries<AgencyVersion>().Where(e => e.State == EntityState.Added && e.Entity.Number > 1).ToList())
        {
            var v = entry.Entity;
            var agency = ChangeTracker.Entries<Agency>().Select(e => e.Entity).FirstOrDefault(a => a.Id == v.AgencyId);
            var before = agency?.Versions.FirstOrDefault(p => p.Number == v.Number - 1)?.Items;
            var changes = before is null ? [] : AgencyItems.Changed(before, v.Items).Select(i => i.ToString()).ToList();
            events.Add(Event(FeedEventKinds.AgencyChanged, v.AgencyId, agency?.Code ?? string.Empty, new { name = v.Items.Name, effectiveOn = v.EffectiveOn, version = v.Number, changes }));
        }

        foreach (var entry in ChangeTracker.Entries<AgencyCertificate>().ToList())
        {
            var c = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                events.Add(Event(FeedEventKinds.AgencyCertificateIssued, c.AgencyId, c.Code, new { number = c.Number, reason = c.Reason.ToString(), issuedOn = c.IssuedOn, validUntil = c.ValidUntil }));
            }
            else if (entry.State == EntityState.Modified && entry.Property(x => x.Status).IsModified && entry.Property(x => x.Status).OriginalValue != c.Status)
            {
                var kind = c.Status switch
                {
                    CertificateStatus.Superseded => FeedEventKinds.AgencyCertificateSuperseded,
                    CertificateStatus.Voided => FeedEventKinds.AgencyCertificateVoided,
                    CertificateStatus.Expired => FeedEventKinds.AgencyCertificateExpired,
                    _ => null,
                };
                if (kind is not null)
                {
                    events.Add(Event(kind, c.AgencyId, c.Code, new { number = c.Number, endedOn = c.EndedOn, reason = c.VoidReason?.ToString() }));
                }
            }
        }

        return events;
    }
}
