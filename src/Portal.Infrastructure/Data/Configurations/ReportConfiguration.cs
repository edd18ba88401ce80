using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.AnnualReports;
using Portal.Domain.Institutions;
using Portal.Domain.Offices;
using Portal.Domain.Oversight;
using Portal.Infrastructure.Files;

namespace Portal.Infrastructure.Data.Configurations;

public class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> builder)
    {
        builder.ToTable("AnnualReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UnreadInput).HasMaxLength(AnnualReport.MaxUnreadInputLength);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => new { r.InstitutionId, r.Year, r.Version }).IsUnique();
        builder.HasIndex(r => new { r.OfficeId, r.Year, r.State });
        builder.HasIndex(r => new { r.Year, r.State, r.PublishedOn, r.Id }); // the public list of a year's reports, newest first, fully in index order
        builder.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
        builder.Property(r => r.ReturnReasons).HasMaxLength(2000);
        builder.Property(r => r.FlagNote).HasMaxLength(1000);
        builder.Property(r => r.ConfidentialSections).HasMaxLength(300).IsRequired();
        builder.HasOne<Institution>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RegistrationOffice>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(r => r.Content, c =>
        {
            c.Property(x => x.BusinessActivities).HasColumnName("BusinessActivities").HasMaxLength(4000).IsRequired();
            c.Property(x => x.NetAssetsStart).HasColumnName("NetAssetsStart");
            c.Property(x => x.NetAssetsEnd).HasColumnName("NetAssetsEnd");
            c.Property(x => x.Income).HasColumnName("Income");
            c.Property(x => x.Expenditure).HasColumnName("Expenditure");
            c.Property(x => x.ChangeCompliance).HasColumnName("ChangeCompliance").HasMaxLength(2000).IsRequired();
            c.Property(x => x.Performance).HasColumnName("Performance").HasMaxLength(2000).IsRequired();
            c.Property(x => x.Litigation).HasColumnName("Litigation").HasMaxLength(2000).IsRequired();
            c.Property(x => x.Complaints).HasColumnName("Complaints").HasMaxLength(2000).IsRequired();
            c.Property(x => x.Donations).HasColumnName("Donations").HasMaxLength(2000).IsRequired();
            c.Property(x => x.OtherMatters).HasColumnName("OtherMatters").HasMaxLength(2000).IsRequired();
            c.Property(x => x.Licences).HasColumnName("Licences").HasMaxLength(2000).IsRequired();
            c.Property(x => x.StaffOnRoll).HasColumnName("StaffOnRoll");
        });
        builder.Navigation(r => r.Content).IsRequired();
        builder.OwnsOne(r => r.Confirmation, c =>
        {
            c.Property(x => x.ConfirmerName).HasColumnName("ConfirmerName").HasMaxLength(50);
            c.Property(x => x.ConfirmerPost).HasColumnName("ConfirmerPost").HasMaxLength(50);
            c.Property(x => x.ConfirmedOn).HasColumnName("ConfirmedOn");
        });
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> builder)
    {
        builder.ToTable("ReportEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.ReportId, e.Sequence }).IsUnique();
    }
}

public class ReportAttachmentConfiguration : IEntityTypeConfiguration<ReportAttachment>
{
    public void Configure(EntityTypeBuilder<ReportAttachment> builder)
    {
        builder.ToTable("ReportAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(120).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(50).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.ContentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class EnforcementActionConfiguration : IEntityTypeConfiguration<EnforcementAction>
{
    public void Configure(EntityTypeBuilder<EnforcementAction> builder)
    {
        builder.ToTable("EnforcementActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Reasons).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.ActorName).HasMaxLength(100).IsRequired();
        builder.HasIndex(a => new { a.InstitutionId, a.CreatedUtc });
        builder.HasOne<Institution>().WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.ConsentDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class AbnormalListEntryConfiguration : IEntityTypeConfiguration<AbnormalListEntry>
{
    public void Configure(EntityTypeBuilder<AbnormalListEntry> builder)
    {
        builder.ToTable("AbnormalList");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.InstitutionId, a.Year }).IsUnique();
        builder.HasOne<Institution>().WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheck> builder)
    {
        builder.ToTable("SpotChecks");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Seed).HasMaxLength(20).IsRequired();
        builder.Property(s => s.DrawnBy).HasMaxLength(100).IsRequired();
        builder.HasIndex(s => new { s.OfficeId, s.Year });
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SpotCheckId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class SpotCheckItemConfiguration : IEntityTypeConfiguration<SpotCheckItem>
{
    public void Configure(EntityTypeBuilder<SpotCheckItem> builder)
    {
        builder.ToTable("SpotCheckItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Code).HasMaxLength(18).IsFixedLength().IsRequired();
        builder.Property(i => i.Note).HasMaxLength(1000);
        builder.HasOne<Institution>().WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A reminder sent: one row per institution, year and point, so a reminder never goes out twice.</summary>
public class ReportReminder
{
    public Guid InstitutionId { get; set; }

    public int Year { get; set; }

    public int DaysBefore { get; set; }

    public DateTime SentUtc { get; set; }
}

public class ReportReminderConfiguration : IEntityTypeConfiguration<ReportReminder>
{
    public void Configure(EntityTypeBuilder<ReportReminder> builder)
    {
        builder.ToTable("ReportReminders");
        builder.HasKey(r => new { r.InstitutionId, r.Year, r.DaysBefore });
    }
}

public class ReportChaseConfiguration : IEntityTypeConfiguration<Portal.Domain.AnnualReports.ReportChase>
{
    public void Configure(EntityTypeBuilder<Portal.Domain.AnnualReports.ReportChase> builder)
    {
        builder.ToTable("ReportChases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.ByName).HasMaxLength(100).IsRequired();
        builder.HasIndex(c => new { c.InstitutionId, c.SentUtc });
        builder.HasIndex(c => new { c.OfficeId, c.Year });
    }
}
