using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Offices;

namespace Portal.Infrastructure.Data.Configurations;

public class OfficeConfiguration : IEntityTypeConfiguration<RegistrationOffice>
{
    public void Configure(EntityTypeBuilder<RegistrationOffice> builder)
    {
        builder.ToTable("Offices");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.NameZh).HasMaxLength(100).IsRequired();
        builder.Property(o => o.NameEn).HasMaxLength(200).IsRequired();
        builder.Property(o => o.RegionCode).HasMaxLength(6).IsFixedLength().IsRequired();
        builder.HasIndex(o => o.RegionCode).IsUnique();
        builder.HasOne<RegistrationOffice>().WithMany().HasForeignKey(o => o.ParentOfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
