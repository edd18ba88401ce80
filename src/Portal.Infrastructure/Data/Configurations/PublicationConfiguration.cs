using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Announcements;
using Portal.Domain.Institutions;
using Portal.Domain.Notifications;
using Portal.Domain.Offices;
using Portal.Infrastructure.Files;

namespace Portal.Infrastructure.Data.Configurations;

public class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        builder.ToTable("Announcements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.TitleZh).HasMaxLength(200).IsRequired();
        builder.Property(a => a.TitleEn).HasMaxLength(300).IsRequired();
        builder.Property(a => a.BodyZh).HasMaxLength(4000).IsRequired();
        builder.Property(a => a.BodyEn).HasMaxLength(6000).IsRequired();
        builder.HasOne<RegistrationOffice>().WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        // The public list, newest first, by date range and by kind (AnnouncementsController): read in index order.
        builder.HasIndex(a => new { a.PublishedOn, a.PublishedUtc });
        builder.HasIndex(a => new { a.Kind, a.PublishedOn, a.PublishedUtc });
        builder.HasIndex(a => a.InstitutionId);
        builder.HasOne<Portal.Domain.Agencies.Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.AgencyId);
    }
}

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.TitleZh).HasMaxLength(200).IsRequired();
        builder.Property(n => n.TitleEn).HasMaxLength(300).IsRequired();
        builder.Property(n => n.BodyZh).HasMaxLength(4000).IsRequired();
        builder.Property(n => n.BodyEn).HasMaxLength(6000).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasIndex(n => new { n.UserId, n.CreatedUtc });
        builder.HasIndex(n => new { n.UserId, n.ReadUtc }); // the unread count in the navigation, on every signed-in page
    }
}

public class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("StoredFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(f => f.Content).IsRequired();
    }
}

public class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> builder)
    {
        builder.ToTable("Counters");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(100);
    }
}
