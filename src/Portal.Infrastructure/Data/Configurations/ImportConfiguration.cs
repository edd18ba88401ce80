using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Institutions;
using Portal.Domain.Offices;
using Portal.Infrastructure.Import;

namespace Portal.Infrastructure.Data.Configurations;

public class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("ImportRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.FileName).HasMaxLength(260).IsRequired();
        builder.Property(r => r.Encoding).HasMaxLength(16).IsRequired();
        builder.Property(r => r.CreatedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<RegistrationOffice>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OfficeId, r.CreatedUtc });
    }
}

public class ImportRunInstitutionConfiguration : IEntityTypeConfiguration<ImportRunInstitution>
{
    public void Configure(EntityTypeBuilder<ImportRunInstitution> builder)
    {
        builder.ToTable("ImportRunInstitutions");
        builder.HasKey(l => new { l.ImportRunId, l.InstitutionId });
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(l => l.ImportRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.InstitutionId);
    }
}
