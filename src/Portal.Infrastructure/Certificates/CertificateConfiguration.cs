using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Certificates;
using Portal.Domain.Institutions;
using Portal.Domain.Offices;
using Portal.Infrastructure.Data.Configurations;
using Portal.Infrastructure.Files;

namespace Portal.Infrastructure.Certificates;

public class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("Certificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(18).IsFixedLength().IsRequired();
        builder.Property(c => c.OfficeNameZh).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Token).HasMaxLength(CertificateTokens.MaxTokenLength).IsRequired();
        builder.Property(c => c.TokenSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(c => c.TokenSha256).IsUnique();
        builder.Property(c => c.KeyId).HasMaxLength(40).IsRequired();
        builder.Property(c => c.QrUrl).HasMaxLength(1500).IsRequired();
        builder.Property(c => c.OriginalSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(c => c.DuplicateSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(c => c.VoidNote).HasMaxLength(500);
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(c => new { c.InstitutionId, c.Status });
        builder.HasIndex(c => new { c.Status, c.ValidUntil });
        builder.HasOne<Institution>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RegistrationOffice>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(c => c.OriginalPdfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(c => c.DuplicatePdfId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(c => c.Printed, items => RegisteredItemsMapping.Map(items, "Printed", withForeignKey: false));
        builder.Navigation(c => c.Printed).IsRequired();
    }
}

/// <summary>A lease row: background jobs take it so two nodes never run the same job at once.</summary>
public class JobLease
{
    public required string Name { get; set; }

    public string? Holder { get; set; }

    public DateTime LeaseUntilUtc { get; set; }
}

public class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("JobLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Holder).HasMaxLength(100);
    }
}
