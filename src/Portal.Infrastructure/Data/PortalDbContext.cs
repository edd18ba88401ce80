using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Announcements;
using Portal.Domain.AnnualReports;
using Portal.Domain.Oversight;
using Portal.Domain.Calendar;
using Portal.Domain.Certificates;
using Portal.Infrastructure.Certificates;
using Portal.Domain.Filings;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Files;
using Portal.Domain.Common;
using Portal.Domain.Institutions;
using Portal.Domain.Offices;
using Portal.Infrastructure.Codes;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data;

/// <summary>One context for Identity, OpenIddict, Data Protection keys and the domain.</summary>
public partial class PortalDbContext(DbContextOptions<PortalDbContext> options, Audit.IAuditActor? actor = null)
    : IdentityDbContext<PortalUser, PortalRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<RegistrationOffice> Offices => Set<RegistrationOffice>();

    public DbSet<Institution> Institutions => Set<Institution>();

    public DbSet<InstitutionVersion> InstitutionVersions => Set<InstitutionVersion>();

    public DbSet<FundingSource> FundingSources => Set<FundingSource>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<IssuedCode> IssuedCodes => Set<IssuedCode>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Filing> Filings => Set<Filing>();

    public DbSet<FilingEvent> FilingEvents => Set<FilingEvent>();

    public DbSet<FilingNote> FilingNotes => Set<FilingNote>();

    public DbSet<Portal.Domain.Ratings.ServiceRating> ServiceRatings => Set<Portal.Domain.Ratings.ServiceRating>();

    public DbSet<Portal.Domain.AnnualReports.ReportChase> ReportChases => Set<Portal.Domain.AnnualReports.ReportChase>();

    public DbSet<FilingAttachment> FilingAttachments => Set<FilingAttachment>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<Announcement> Announcements => Set<Announcement>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Counter> Counters => Set<Counter>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<Portal.Domain.Instruments.Instrument> Instruments => Set<Portal.Domain.Instruments.Instrument>();

    public DbSet<Portal.Domain.Agencies.Agency> Agencies => Set<Portal.Domain.Agencies.Agency>();

    public DbSet<Portal.Domain.Agencies.AgencyCertificate> AgencyCertificates => Set<Portal.Domain.Agencies.AgencyCertificate>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();

    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();

    public DbSet<ReportAttachment> ReportAttachments => Set<ReportAttachment>();

    public DbSet<Configurations.ReportReminder> ReportReminders => Set<Configurations.ReportReminder>();

    public DbSet<EnforcementAction> EnforcementActions => Set<EnforcementAction>();

    public DbSet<AbnormalListEntry> AbnormalList => Set<AbnormalListEntry>();

    public DbSet<SpotCheck> SpotChecks => Set<SpotCheck>();

    public DbSet<SpotCheckItem> SpotCheckItems => Set<SpotCheckItem>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Provider-neutral: enums as strings; money (万元, 2 decimals) as an integer count of hundredths,
        // because SQLite stores decimal as text and can neither compare nor order it correctly.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<decimal>().HaveConversion<HundredthsConverter>();
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // As on the other engines: times are stored as written (UTC by convention, no zone
            // conversion), and text compares and orders by code point (the "C" collation), which is
            // what SQLite's binary ordering does, so both engines list names in the same order.
            configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<UtcTimestampConverter>();
            configurationBuilder.Properties<string>().UseCollation("C");
        }
    }
}

/// <summary>PostgreSQL's "timestamp without time zone" takes no DateTimeKind: written as given, read back as UTC (which every stored time is).</summary>
public sealed class UtcTimestampConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
