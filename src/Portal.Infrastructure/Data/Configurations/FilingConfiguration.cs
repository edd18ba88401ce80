using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Filings;
using Portal.Domain.Institutions;
using Portal.Domain.Offices;

namespace Portal.Infrastructure.Data.Configurations;

public class FilingConfiguration : IEntityTypeConfiguration<Filing>
{
    public void Configure(EntityTypeBuilder<Filing> builder)
    {
        builder.ToTable("Filings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Number).HasMaxLength(30).IsRequired();
        builder.HasIndex(f => f.Number).IsUnique();
        builder.Property(f => f.ApplicantUserId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.ApprovalDocumentNumber).HasMaxLength(50);
        builder.Property(f => f.Explanation).HasMaxLength(2000);
        builder.Property(f => f.DraftInput).HasMaxLength(Filing.MaxDraftInputLength);
        builder.Property(f => f.ReturnChecklist).HasMaxLength(1000).IsRequired();
        builder.Property(f => f.ReturnNote).HasMaxLength(2000);
        builder.Property(f => f.RefusalReasons).HasMaxLength(2000);
        builder.Property(f => f.NonAcceptanceReasons).HasMaxLength(200).IsRequired();
        builder.Property(f => f.CompetentOffice).HasMaxLength(Filing.MaxCompetentOfficeLength);
        builder.Ignore(f => f.NonAcceptanceReasonList);
        builder.Property(f => f.ConcurrencyToken).IsConcurrencyToken();
        builder.HasOne<RegistrationOffice>().WithMany().HasForeignKey(f => f.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(f => f.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.OfficeId, f.State });
        builder.HasIndex(f => new { f.InstitutionId, f.State });
        builder.HasOne<Portal.Domain.Agencies.Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.AgencyId, f.State });
        builder.Property(f => f.OldOrganisationCode).HasMaxLength(9);
        builder.OwnsOne(f => f.AgencyBase, items => AgencyItemsMapping.Map(items, "AgencyBase"));
        builder.OwnsOne(f => f.AgencyProposed, items => AgencyItemsMapping.Map(items, "AgencyProposed"));
        builder.HasIndex(f => new { f.ApplicantUserId, f.State });
        builder.Property(f => f.AssigneeUserId).HasMaxLength(450);
        builder.Property(f => f.AssigneeName).HasMaxLength(Filing.AssigneeNameMaxLength);
        builder.HasIndex(f => new { f.OfficeId, f.AssigneeUserId, f.State });
        builder.OwnsOne(f => f.Base, items => RegisteredItemsMapping.Map(items, "Base", withForeignKey: false));
        builder.OwnsOne(f => f.Proposed, items => RegisteredItemsMapping.Map(items, "Proposed", withForeignKey: false));
        builder.HasMany(f => f.Events).WithOne().HasForeignKey(e => e.FilingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(f => f.Attachments).WithOne().HasForeignKey(a => a.FilingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class FilingEventConfiguration : IEntityTypeConfiguration<FilingEvent>
{
    public void Configure(EntityTypeBuilder<FilingEvent> builder)
    {
        builder.ToTable("FilingEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasIndex(e => new { e.FilingId, e.Sequence }).IsUnique();
    }
}

public class FilingAttachmentConfiguration : IEntityTypeConfiguration<FilingAttachment>
{
    public void Configure(EntityTypeBuilder<FilingAttachment> builder)
    {
        builder.ToTable("FilingAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(120).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(50).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(a => a.UploadedBy).HasMaxLength(450).IsRequired();
        builder.HasOne<Files.StoredFile>().WithMany().HasForeignKey(a => a.ContentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class FilingNoteConfiguration : IEntityTypeConfiguration<FilingNote>
{
    public void Configure(EntityTypeBuilder<FilingNote> builder)
    {
        builder.ToTable("FilingNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.AuthorUserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.AuthorName).HasMaxLength(100).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(FilingNote.MaxLength).IsRequired();
        builder.HasOne<Filing>().WithMany().HasForeignKey(n => n.FilingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.FilingId, n.CreatedUtc });
    }
}
