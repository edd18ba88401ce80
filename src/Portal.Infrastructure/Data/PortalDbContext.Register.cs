using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Domain.AnnualReports;
using Portal.Domain.Certificates;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Feed;
using Portal.Infrastructure.Search;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Keeps two derived parts of the register in step with every write, whichever use case makes it:
/// the search columns (copied into the full-text index by database triggers, so in the same
/// transaction) and the public change feed (numbered from a counter row inside the same transaction).
/// Doing it here rather than in each use case means a new write path cannot forget either.
/// </summary>
public partial class PortalDbContext
{
    public const string SearchNamesColumn = "SearchNames";
    public const string SearchGramsColumn = "SearchGrams";
    public const string FeedCounterKey = "feed";

    public DbSet<FeedEvent> FeedEvents => Set<FeedEvent>();

    /// <summary>Set by tests and tools that need the feed's clock; the feed otherwise stamps UTC now.</summary>
    public TimeProvider Clock { get; set; } = MicrosecondClock.Instance;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        UpdateSearchColumns();
        var events = await CollectFeedEventsAsync(cancellationToken);
        var audit = CollectAuditEntries();
        if (events.Count == 0 && audit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Reserve the numbers in one UPDATE: it takes the counter row's write lock until commit, so
            // a later writer's numbers are always higher and become visible only after ours.
            if (events.Count > 0)
            {
                var last = await ReserveAsync(FeedCounterKey, events.Count, cancellationToken);
                var first = last - events.Count + 1;
                for (var i = 0; i < events.Count; i++)
                {
                    events[i].Sequence = first + i;
                    FeedEvents.Add(events[i]);
                }
            }

            if (audit.Count > 0)
            {
                await ChainAsync(audit, cancellationToken);
            }

            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private Task<long> ReserveAsync(string key, int count, CancellationToken ct) => NumberSequence.AddAsync(this, key, count, ct);

    /// <summary>Numbers and links audit entries inside the writing transaction (the counter row serialises writers, so the previous hash is final).</summary>
    private async Task ChainAsync(List<Portal.Infrastructure.Audit.AuditEntry> entries, CancellationToken ct)
    {
        var last = await ReserveAsync(Audit.AuditChain.CounterKey, entries.Count, ct);
        var first = last - entries.Count + 1;
        var previous = await AuditEntries.AsNoTracking().Where(e => e.Sequence == first - 1).Select(e => e.Hash).SingleOrDefaultAsync(ct) ?? Portal.Infrastructure.Audit.AuditChain.Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            e.Sequence = first + i;
            e.PreviousHash = previous;
            e.Hash = e.ComputeHash();
            previous = e.Hash;
            AuditEntries.Add(e);
        }
    }

    private void UpdateSearchColumns()
    {
        foreach (var entry in ChangeTracker.Entries<Institution>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var names = entry.Property<string?>(SearchNamesColumn);
            var current = entry.Entity.Current;
            var updated = SearchText.AppendNames(entry.State == EntityState.Added ? null : names.CurrentValue, current.Name, current.SecondName);
            if (names.CurrentValue != updated)
            {
                names.CurrentValue = updated;
                entry.Property<string?>(SearchGramsColumn).CurrentValue = SearchText.Grams(updated);
            }
        }
    }

    private async Task<List<FeedEvent>> CollectFeedEventsAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var events = new List<FeedEvent>();
        FeedEvent Event(string kind, Guid institutionId, string code, object data) => new()
        {
            Kind = kind, InstitutionId = institutionId, Code = code, OccurredUtc = now,
            Data = JsonSerializer.Serialize(data, FeedJson.Options),
        };

        foreach (var entry in ChangeTracker.Entries<Institution>().ToList())
        {
            var i = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                events.Add(Event(FeedEventKinds.Registered, i.Id, i.Code, new { name = i.Current.Name, registeredOn = i.RegisteredOn, officeId = i.OfficeId }));
            }
            else if (entry.State == EntityState.Deleted)
            {
                events.Add(Event(FeedEventKinds.Withdrawn, i.Id, i.Code, new { name = i.Current.Name }));
            }
            else if (entry.State == EntityState.Modified && StatusChanged(entry, out var status))
            {
                var kind = status == InstitutionStatus.Revoked ? FeedEventKinds.Revoked : FeedEventKinds.Deregistered;
                events.Add(Event(kind, i.Id, i.Code, new { name = i.Current.Name, endedOn = i.EndedOn }));
            }
        }

        foreach (var entry in ChangeTracker.Entries<InstitutionVersion>().Where(e => e.State == EntityState.Added && e.Entity.Number > 1).ToList())
        {
            var v = entry.Entity;
            var before = await InstitutionVersions.AsNoTracking().Where(p => p.InstitutionId == v.InstitutionId && p.Number == v.Number - 1).Select(p => p.Items).SingleOrDefaultAsync(ct);
            var code = await CodeOfAsync(v.InstitutionId, ct);
            var changes = before is null ? [] : PublicChanges(before, v.Items);
            events.Add(Event(FeedEventKinds.Changed, v.InstitutionId, code, new { name = v.Items.Name, effectiveOn = v.EffectiveOn, version = v.Number, changes }));
        }

        foreach (var entry in ChangeTracker.Entries<Certificate>().ToList())
        {
            var c = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                events.Add(Event(FeedEventKinds.CertificateIssued, c.InstitutionId, c.Code, new { number = c.Number, reason = c.Reason.ToString(), validFrom = c.ValidFrom, validUntil = c.ValidUntil }));
            }
            else if (entry.State == EntityState.Modified && entry.Property(x => x.Status).IsModified && entry.Property(x => x.Status).OriginalValue != c.Status)
            {
                var kind = c.Status switch
                {
                    CertificateStatus.Superseded => FeedEventKinds.CertificateSuperseded,
                    CertificateStatus.Voided => FeedEventKinds.CertificateVoided,
                    CertificateStatus.Expired => FeedEventKinds.CertificateExpired,
                    _ => null,
                };
                if (kind is not null)
                {
                    events.Add(Event(kind, c.InstitutionId, c.Code, new { number = c.Number, endedOn = c.EndedOn, reason = c.VoidReason?.ToString() }));
                }
            }
        }

        events.AddRange(CollectAgencyFeedEvents(now));

        foreach (var entry in ChangeTracker.Entries<AnnualReport>().ToList())
        {
            var r = entry.Entity;
            var published = r.State == ReportState.Published
                && (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Property(x => x.State).OriginalValue != ReportState.Published));
            if (published)
            {
                events.Add(Event(FeedEventKinds.ReportPublished, r.InstitutionId, await CodeOfAsync(r.InstitutionId, ct), new { reportId = r.Id, year = r.Year, version = r.Version, publishedOn = r.PublishedOn }));
            }
        }

        return events;
    }

    private static bool StatusChanged(EntityEntry<Institution> entry, out InstitutionStatus status)
    {
        var property = entry.Property(x => x.Status);
        status = entry.Entity.Status;
        return property.IsModified && property.OriginalValue != status && status != InstitutionStatus.Registered;
    }

    private async Task<string> CodeOfAsync(Guid institutionId, CancellationToken ct) =>
        ChangeTracker.Entries<Institution>().FirstOrDefault(e => e.Entity.Id == institutionId)?.Entity.Code
        ?? await Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => i.Code).SingleAsync(ct);

    /// <summary>Old → new of each changed item; the legal representative by name only (identity numbers are never public).</summary>
    private static List<object> PublicChanges(RegisteredItems before, RegisteredItems after)
    {
        var safeBefore = before with { LegalRepresentativeIdNumber = string.Empty };
        var safeAfter = after with { LegalRepresentativeIdNumber = string.Empty };
        return ItemComparison.Compare(safeBefore, safeAfter).Where(c => c.Old != c.New)
            .Select(c => (object)new { item = c.Item.ToString(), old = c.Old.Trim(), @new = c.New.Trim() }).ToList();
    }
}

public static class FeedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}

public partial class PortalDbContext
{
    public DbSet<Api.ApiClient> ApiClients => Set<Api.ApiClient>();

    public DbSet<Api.ApiClientInstitution> ApiClientInstitutions => Set<Api.ApiClientInstitution>();
}

public partial class PortalDbContext
{
    public DbSet<OpenData.OpenDataFile> OpenDataFiles => Set<OpenData.OpenDataFile>();

    public DbSet<OpenData.OpenDataChunk> OpenDataChunks => Set<OpenData.OpenDataChunk>();
}

public partial class PortalDbContext
{
    public DbSet<Import.ImportRun> ImportRuns => Set<Import.ImportRun>();

    public DbSet<Import.ImportRunInstitution> ImportRunInstitutions => Set<Import.ImportRunInstitution>();
}

public partial class PortalDbContext
{
    private readonly List<Audit.AuditEntry> _pendingAudit = [];

    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    /// <summary>Who is acting (set from the request by the web app; null for commands and jobs).</summary>
    public Audit.IAuditActor? Actor { get; set; } = actor;

    /// <summary>Queues an act that changes no tracked entity (a login, a key rotation) for the next SaveChanges.</summary>
    public void RecordAct(string action, string recordType, string recordId, Guid? officeId = null, string? detail = null) =>
        _pendingAudit.Add(NewAudit(action, recordType, recordId, officeId, detail, null, null));

    private Audit.AuditEntry NewAudit(string action, string recordType, string recordId, Guid? officeId, string? detail, string? actorId, string? actorName) => new()
    {
        AtUtc = Clock.GetUtcNow().UtcDateTime,
        ActorId = actorId ?? Actor?.UserId,
        ActorName = actorName ?? Actor?.Name ?? "system",
        Action = action,
        RecordType = recordType,
        RecordId = recordId,
        OfficeId = officeId,
        Address = Actor?.Address,
        Detail = detail is { Length: > 500 } ? detail[..500] : detail,
        PreviousHash = string.Empty,
        Hash = string.Empty,
    };

    /// <summary>The official acts in this unit of work, from what changed (so no use case can forget one).</summary>
    private List<Audit.AuditEntry> CollectAuditEntries()
    {
        var entries = new List<Audit.AuditEntry>(_pendingAudit);
        _pendingAudit.Clear();
        Guid? FilingOffice(Guid id) => ChangeTracker.Entries<Filing>().FirstOrDefault(f => f.Entity.Id == id)?.Entity.OfficeId;
        Guid? ReportOffice(Guid id) => ChangeTracker.Entries<AnnualReport>().FirstOrDefault(r => r.Entity.Id == id)?.Entity.OfficeId;

        foreach (var e in ChangeTracker.Entries<FilingEvent>().Where(e => e.State == EntityState.Added))
        {
            var ev = e.Entity;
            entries.Add(NewAudit("filing." + (ev.Action?.ToString() ?? "Create"), "Filing", ev.FilingId.ToString(), FilingOffice(ev.FilingId), $"{ev.From}→{ev.To}", ev.ActorUserId, ev.ActorName));
        }

        foreach (var e in ChangeTracker.Entries<Filing>().Where(e => e.State == EntityState.Modified && e.Property(f => f.AssigneeUserId).IsModified))
        {
            // Assignment and reassignment (承办人): who had it before and who has it now.
            var before = e.Property(f => f.AssigneeUserId).OriginalValue;
            if (before != e.Entity.AssigneeUserId)
            {
                entries.Add(NewAudit(before is null ? "filing.assign" : "filing.reassign", "Filing", e.Entity.Id.ToString(), e.Entity.OfficeId, $"{before ?? "-"}→{e.Entity.AssigneeUserId} ({e.Entity.AssigneeName})", null, null));
            }
        }

        foreach (var e in ChangeTracker.Entries<FilingNote>().Where(e => e.State == EntityState.Added))
        {
            // The act is recorded, not the note's text: the audit log is read more widely than the note's audience.
            entries.Add(NewAudit("filing.note", "Filing", e.Entity.FilingId.ToString(), e.Entity.OfficeId, null, e.Entity.AuthorUserId, e.Entity.AuthorName));
        }

        foreach (var e in ChangeTracker.Entries<Portal.Domain.AnnualReports.ReportChase>().Where(e => e.State == EntityState.Added))
        {
            entries.Add(NewAudit("report.chase", "Institution", e.Entity.InstitutionId.ToString(), e.Entity.OfficeId, e.Entity.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Entity.ByUserId, e.Entity.ByName));
        }

        foreach (var e in ChangeTracker.Entries<Portal.Domain.Ratings.ServiceRating>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            // 好差评: the rating, the follow-up's answer, the rater's feedback and the appeal, each as its own act.
            var r = e.Entity;
            string? action = e.State == EntityState.Added ? "rating.give"
                : e.Property(x => x.FollowUp).IsModified && e.Property(x => x.FollowUp).OriginalValue != r.FollowUp ? "rating.answer"
                : e.Property(x => x.Resolved).IsModified && e.Property(x => x.Resolved).OriginalValue is null && r.Resolved is not null ? "rating.feedback"
                : e.Property(x => x.Appeal).IsModified && e.Property(x => x.Appeal).OriginalValue != r.Appeal ? "rating.appeal." + r.Appeal.ToString().ToLowerInvariant()
                : null;
            if (action is not null)
            {
                entries.Add(NewAudit(action, "ServiceRating", r.Id.ToString(), r.OfficeId, $"{r.Service} {r.SubjectNumber} {r.Level}", null, null));
            }
        }

        foreach (var e in ChangeTracker.Entries<ReportEvent>().Where(e => e.State == EntityState.Added))
        {
            var ev = e.Entity;
            entries.Add(NewAudit("report." + (ev.Action?.ToString() ?? "Start"), "AnnualReport", ev.ReportId.ToString(), ReportOffice(ev.ReportId), $"{ev.From}→{ev.To}", ev.ActorUserId, ev.ActorName));
        }

        foreach (var e in ChangeTracker.Entries<Certificate>())
        {
            if (e.State == EntityState.Added)
            {
                entries.Add(NewAudit("certificate.issue", "Certificate", e.Entity.Number, e.Entity.OfficeId, e.Entity.Reason.ToString(), null, null));
            }
            else if (e.State == EntityState.Modified && e.Property(c => c.Status).IsModified && e.Property(c => c.Status).OriginalValue != e.Entity.Status)
            {
                entries.Add(NewAudit("certificate." + e.Entity.Status.ToString().ToLowerInvariant(), "Certificate", e.Entity.Number, e.Entity.OfficeId, e.Entity.VoidReason?.ToString(), null, null));
            }
        }

        foreach (var e in ChangeTracker.Entries<Portal.Domain.Oversight.EnforcementAction>().Where(e => e.State == EntityState.Added))
        {
            entries.Add(NewAudit("enforcement." + e.Entity.Kind, "Institution", e.Entity.InstitutionId.ToString(), e.Entity.OfficeId, null, null, e.Entity.ActorName));
        }

        foreach (var e in ChangeTracker.Entries<Portal.Domain.Oversight.SpotCheck>().Where(e => e.State == EntityState.Added))
        {
            entries.Add(NewAudit("spotcheck.draw", "SpotCheck", e.Entity.Id.ToString(), e.Entity.OfficeId, $"seed {e.Entity.Seed}, {e.Entity.Percentage}%", null, null));
        }

        foreach (var e in ChangeTracker.Entries<Identity.PortalUser>())
        {
            var action = e.State switch
            {
                EntityState.Added => "account.create",
                EntityState.Deleted => "account.remove",
                EntityState.Modified when e.Property(u => u.PasswordHash).IsModified => "account.password",
                EntityState.Modified when e.Property(u => u.TwoFactorEnabled).IsModified => e.Entity.TwoFactorEnabled ? "account.two-factor-on" : "account.two-factor-off",
                EntityState.Modified when e.Property(u => u.LockoutEnd).IsModified && e.Entity.LockoutEnd > Clock.GetUtcNow() => "account.locked",
                _ => null,
            };
            if (action is not null)
            {
                entries.Add(NewAudit(action, "Account", e.Entity.Id, e.Entity.OfficeId, null, null, null));
            }
        }

        foreach (var e in ChangeTracker.Entries<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().Where(e => e.State is EntityState.Added or EntityState.Deleted))
        {
            entries.Add(NewAudit(e.State == EntityState.Added ? "role.grant" : "role.revoke", "Account", e.Entity.UserId, null, e.Entity.RoleId, null, null));
        }

        foreach (var e in ChangeTracker.Entries<Api.ApiClient>().Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.Disabled).IsModified)))
        {
            entries.Add(NewAudit(e.State == EntityState.Added ? "apiclient.register" : e.Entity.Disabled ? "apiclient.disable" : "apiclient.enable", "ApiClient", e.Entity.ClientId, null, e.Entity.Scopes, null, null));
        }

        foreach (var e in ChangeTracker.Entries<Portal.Domain.Offices.RegistrationOffice>().Where(e => e.State == EntityState.Modified))
        {
            entries.Add(NewAudit("office.settings", "Office", e.Entity.Id.ToString(), e.Entity.Id, null, null, null));
        }

        foreach (var e in ChangeTracker.Entries<Portal.Domain.Instruments.Instrument>().Where(e => e.State is EntityState.Added))
        {
            entries.Add(NewAudit("instrument.issue", "Instrument", e.Entity.Number, e.Entity.OfficeId, $"{e.Entity.Kind} sha256={e.Entity.Sha256}", null, null));
        }

        foreach (var e in ChangeTracker.Entries<Portal.Domain.Instruments.Instrument>().Where(e => e.State is EntityState.Modified && e.Property(i => i.OpenedUtc).IsModified))
        {
            entries.Add(NewAudit("instrument.delivered", "Instrument", e.Entity.Number, e.Entity.OfficeId, "opened", e.Entity.OpenedByUserId, null));
        }

        foreach (var e in ChangeTracker.Entries<Portal.Domain.Institutions.Institution>().Where(e => e.State is EntityState.Modified && e.Property(i => i.ElectronicDeliveryConsentUtc).IsModified))
        {
            entries.Add(NewAudit("delivery.consent", "Institution", e.Entity.Id.ToString(), e.Entity.OfficeId, "electronic delivery consented", e.Entity.ElectronicDeliveryConsentBy, null));
        }

        return entries;
    }
}
